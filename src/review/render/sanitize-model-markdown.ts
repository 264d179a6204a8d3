/**
 * Makes model-written Markdown safe to post under Sift's name: no @-mentions that would notify
 * people or teams, no links or images the model may have invented, no raw HTML (which could also
 * forge Sift's hidden markers). Code spans and fenced blocks are left as written — GitHub neither
 * links nor mentions inside them.
 */
export function sanitizeModelMarkdown(text: string): string {
  return text
    .split(/(```[\s\S]*?```|`[^`\n]*`)/g)
    .map((part, index) => (index % 2 === 1 ? part : sanitizeProse(part)))
    .join('');
}

function sanitizeProse(text: string): string {
  return (
    text
      .replace(/</g, '&lt;')
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
      // Reference links (`[text][1]` with `[1]: //host`) need a bracket; GitHub autolinks `www.` too.
      .replace(/\[/g, '&#91;')
      .replace(/\b(?:https?:\/\/|www\.)[^\s)>\]]+/gi, (url) => `\`${url}\``)
      // A zero-width space after `@` keeps the text readable and stops GitHub linking (and
      // notifying) the name; an entity for `@` itself is decoded before mentions are found.
      .replace(/(^|\W)@(?=[A-Za-z0-9])/g, '$1@&#8203;')
  );
}
