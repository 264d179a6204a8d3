/** The reply to `/review help`, and to any `/review` argument Sift does not understand. */
export function reviewHelpText(unknown: string | null): string {
  const intro = unknown === null ? '' : `Sift does not know \`/review ${unknown.replace(/`/g, "'")}\`.\n\n`;
  return `${intro}**Sift commands** (comment on the pull request; people with write access can use them):

| command | what it does |
|---|---|
| \`/review\` | reviews what changed since Sift's last review |
| \`/review full\` | reviews the whole pull request again |
| \`/review <glob>\` | reviews only the files matching the glob, e.g. \`/review src/api/**\` |
| \`/review config\` | shows the settings in effect and where each comes from |
| \`/review stats\` | shows how often Sift's findings on this repository were fixed |
| \`/review help\` | this list |

Reply in a Sift thread to ask why, say a finding is intended, or ask for a fix.`;
}
