// Enough to recognise a typo; the rest of a long argument is not worth repeating.
const MAX_ECHO_CHARS = 60;

/** The reply to `/review help`, and to any `/review` argument Sift does not understand. */
export function reviewHelpText(unknown: string | null): string {
  const intro = unknown === null ? '' : `Sift does not know \`/review ${echoable(unknown)}\`.\n\n`;
  return `${intro}**Sift commands** (comment on the pull request; people with write access can use them):

| command | what it does |
|---|---|
| \`/review\` | reviews what changed since Sift's last review |
| \`/review full\` | reviews the whole pull request again |
| \`/review <glob>\` | reviews only the files matching the glob, e.g. \`/review src/api/**\` |
| \`/review config\` | shows the settings in effect and where each comes from |
| \`/review stats\` | shows how often Sift's findings on this repository were fixed |
| \`/review learnings\` | lists what Sift learned from this repository's feedback, with the evidence and an id |
| \`/review forget <id>\` | makes Sift forget one of those learnings |
| \`/review help\` | this list |

Reply in a Sift thread to ask why, say a finding is intended, or ask for a fix.`;
}

/**
 * The argument as it may be repeated inside a code span: on one line, clipped, without backticks
 * (which would end the span) and without `<!--` (code shows it, but whoever reads Sift's comments
 * as text must not find a Sift marker the commenter wrote).
 */
function echoable(argument: string): string {
  const line = argument.replace(/\s+/g, ' ').trim().replace(/`/g, "'").replace(/<!-+/g, '<!-');
  return line.length > MAX_ECHO_CHARS ? `${line.slice(0, MAX_ECHO_CHARS - 1)}…` : line;
}
