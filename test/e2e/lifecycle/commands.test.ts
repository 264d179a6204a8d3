import { afterEach, describe, expect, it } from 'vitest';
import { startLifecycle } from '../../support/lifecycle-harness.js';
import { INVENTORY_SCRIPT } from './script.js';

type Lifecycle = Awaited<ReturnType<typeof startLifecycle>>;
let life: Lifecycle | undefined;
afterEach(async () => {
  await life?.stop();
  life = undefined;
});

const lastComment = (life: Lifecycle) => life.github.issueComments.at(-1)?.body ?? '';

describe('/review', () => {
  it('from someone with write access › 👀 at once, then a review', async () => {
    life = await startLifecycle({ fixture: 'inventory', script: INVENTORY_SCRIPT });
    await life.comment('/review');
    await life.idle();
    expect(life.github.reactions.map((reaction) => reaction.content)).toEqual(['eyes']);
    expect(life.github.reviews).toHaveLength(1);
  });

  it('from a read-only user › refused with why, and no review', async () => {
    life = await startLifecycle({
      fixture: 'inventory',
      script: INVENTORY_SCRIPT,
      permissions: { mallory: 'read' },
    });
    await life.comment('/review full', 'mallory');
    await life.idle();
    expect(life.github.reviews).toEqual([]);
    expect(life.model.requests).toEqual([]);
    expect(lastComment(life)).toBe(
      'Sift takes `/review` commands from people with write access to acme/inventory.',
    );
  });

  it.each([
    ['commands.allowAuthor on', 'commands:\n  allowAuthor: true\n', 1],
    ['commands.allowAuthor off', 'commands:\n  allowAuthor: false\n', 0],
  ])(
    'from the read-only author of a pull request on a private repository, %s › reviewed only when allowed',
    async (_, config, reviews) => {
      life = await startLifecycle({
        fixture: 'inventory',
        script: INVENTORY_SCRIPT,
        permissions: { octocat: 'read' },
        private: true,
        config,
      });
      await life.comment('/review full', 'octocat');
      await life.idle();
      expect(life.github.reviews).toHaveLength(reviews);
      expect(life.github.unexpected).toEqual([]);
    },
  );

  it('twice within a minute › the second is answered, not run', async () => {
    life = await startLifecycle({ fixture: 'inventory', script: INVENTORY_SCRIPT, now: () => 1_000 });
    await life.comment('/review full');
    await life.idle();
    await life.comment('/review full');
    await life.idle();
    expect(life.github.reviews).toHaveLength(1);
    expect(lastComment(life)).toContain('less than a minute ago');
  });

  it('with nothing new since the last review › says so instead of reviewing again', async () => {
    life = await startLifecycle({ fixture: 'inventory', script: INVENTORY_SCRIPT });
    await life.opened();
    await life.idle();
    await life.comment('/review');
    await life.idle();
    expect(life.github.reviews).toHaveLength(1);
    expect(lastComment(life)).toContain("Nothing new since Sift's review of");
  });

  it('full › the whole pull request again, without repeating what is already open', async () => {
    life = await startLifecycle({ fixture: 'inventory', script: INVENTORY_SCRIPT });
    await life.opened();
    await life.idle();
    await life.comment('/review full');
    await life.idle();
    expect(life.github.reviewComments.filter((comment) => comment.in_reply_to_id === null)).toHaveLength(2);
    const summary = life.github.lastCheckRunSummary();
    expect(summary).toContain('the whole pull request');
    expect(summary).toContain('2 already posted on this pull request');
  });

  it('with a glob › only the matching files go to the model', async () => {
    life = await startLifecycle({ fixture: 'inventory', script: INVENTORY_SCRIPT });
    await life.comment('/review src/format/**');
    await life.idle();
    const prompt = life.model.requests[0]?.messages.map((message) => message.content).join('\n') ?? '';
    expect(prompt).toContain('path="src/format/price.ts"');
    expect(prompt).not.toContain('path="src/stock.ts"');
  });

  it('config › the settings in effect and where each comes from', async () => {
    life = await startLifecycle({ fixture: 'inventory', script: INVENTORY_SCRIPT });
    await life.comment('/review config');
    await life.idle();
    expect(lastComment(life)).toContain('| `threshold` | `0.7` | default |');
    expect(lastComment(life)).toContain('| `ensemble.passes` | `4` | default |');
    // A Sift without a plans file (self-hosted) limits nothing, and says so.
    expect(lastComment(life)).toContain(
      '| `plan` | `null` | no plans file (SIFT_PLANS_FILE) on this Sift: nothing is limited |',
    );
  });

  it.each([['help'], ['frobnicate']])('%s › the help text', async (argument) => {
    life = await startLifecycle({ fixture: 'inventory', script: INVENTORY_SCRIPT });
    await life.comment(`/review ${argument}`);
    await life.idle();
    expect(lastComment(life)).toContain('| `/review full` | reviews the whole pull request again |');
    if (argument !== 'help') expect(lastComment(life)).toContain('Sift does not know `/review frobnicate`.');
  });

  it('on a closed pull request › says why it will not review', async () => {
    life = await startLifecycle({ fixture: 'inventory', script: INVENTORY_SCRIPT });
    await life.comment('/review', 'octocat', 'closed');
    await life.idle();
    expect(life.github.reviews).toEqual([]);
    expect(lastComment(life)).toBe(
      'This pull request is closed; Sift reviews open pull requests. Reopen it to review it again.',
    );
  });

  it('quoted or inside a code block › not a command', async () => {
    life = await startLifecycle({ fixture: 'inventory', script: INVENTORY_SCRIPT });
    await life.comment('> /review full\n\nShould we?');
    await life.comment('```\n/review\n```');
    await life.idle();
    expect(life.github.reactions).toEqual([]);
    expect(life.github.issueComments).toEqual([]);
  });
});
