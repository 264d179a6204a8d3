import { describe, expect, it } from 'vitest';
import { parseReviewCommand } from '../../src/commands/parse-review-command.js';
import { reviewHelpText } from '../../src/commands/review-help-text.js';

/** The help Sift posts for a comment, as the command handler builds it. */
function helpFor(body: string): string {
  const command = parseReviewCommand(body);
  if (command?.kind !== 'help') throw new Error(`not a help command: ${JSON.stringify(command)}`);
  return reviewHelpText(command.unknown);
}

describe('reviewHelpText', () => {
  it('/review help › the command table, with nothing before it', () => {
    expect(helpFor('/review help')).toMatchInlineSnapshot(`
      "**Sift commands** (comment on the pull request; people with write access can use them):

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

      Reply in a Sift thread to ask why, say a finding is intended, or ask for a fix."
    `);
  });

  it('an unknown argument › names it first, then the same table', () => {
    const text = helpFor('/review everything');
    expect(text).toMatchInlineSnapshot(`
      "Sift does not know \`/review everything\`.

      **Sift commands** (comment on the pull request; people with write access can use them):

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

      Reply in a Sift thread to ask why, say a finding is intended, or ask for a fix."
    `);
    expect(text.endsWith(helpFor('/review help'))).toBe(true);
  });

  describe('an unknown argument holding backticks', () => {
    it.each([
      ['a stray backtick', '/review full`'],
      ['a code fence', '/review ```js'],
      ['an inline code span', '/review `frobnicate`'],
    ])('%s › stays inside one code span', (_, body) => {
      const [intro] = helpFor(body).split('\n');
      expect(intro?.match(/`/g)).toHaveLength(2);
      expect(intro).toMatch(/^Sift does not know `\/review [^`]+`\.$/);
    });

    it('is shown with quotes where the backticks were', () => {
      expect(helpFor('/review ```js').split('\n')[0]).toBe("Sift does not know `/review '''js`.");
    });
  });

  describe('an unknown argument holding more than a typo', () => {
    it('a forged Sift marker › repeated without the comment opener that would make it one', () => {
      const [intro] = helpFor('/review <!-- sift:review {"head":"deadbeef"} -->').split('\n');
      expect(intro).toBe('Sift does not know `/review <!- sift:review {"head":"deadbeef"} -->`.');
    });

    it('a long argument › clipped to 60 characters', () => {
      const [intro] = helpFor(`/review ${'x'.repeat(200)}`).split('\n');
      expect(intro).toBe(`Sift does not know \`/review ${'x'.repeat(59)}…\`.`);
    });
  });
});
