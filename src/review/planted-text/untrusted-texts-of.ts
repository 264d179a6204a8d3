import type { Change } from '../types.js';
import type { UntrustedText } from './find-planted-instructions.js';

/**
 * Everything the pull request's author wrote that a review reads: the title, the description, the
 * commit messages, the file names, and each file's diff (the lines of both versions, so a word that
 * is already in the code is known as code).
 */
export function untrustedTextsOf(
  change: Pick<Change, 'title' | 'body' | 'commitMessages' | 'files'>,
): UntrustedText[] {
  return [
    { where: 'the title', text: change.title },
    { where: 'the description', text: change.body },
    ...change.commitMessages.map((text) => ({ where: 'a commit message', text })),
    ...change.files.flatMap((file) => [
      { where: 'a file name', text: file.path },
      {
        where: `\`${file.path}\``,
        text: file.hunks.flatMap((hunk) => hunk.lines.map((line) => line.text)).join('\n'),
      },
    ]),
  ];
}
