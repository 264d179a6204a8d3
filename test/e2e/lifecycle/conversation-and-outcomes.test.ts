import { afterEach, describe, expect, it } from 'vitest';
import { readFindingMarker } from '../../../src/github/review-markers.js';
import { startLifecycle } from '../../support/lifecycle-harness.js';
import type { ModelScript } from '../../support/scripted-model.js';
import { INVENTORY_SCRIPT, RESERVE_TITLE } from './script.js';

type Lifecycle = Awaited<ReturnType<typeof startLifecycle>>;
let life: Lifecycle | undefined;
afterEach(async () => {
  await life?.stop();
  life = undefined;
});

/** Answers by what the last message of the thread asks, and shows it read the whole thread. */
const CONVERSATION: ModelScript = {
  ...INVENTORY_SCRIPT,
  reply: (thread) => {
    const turns = thread.split(/\n\n(?=@|Sift:)/).length;
    const last =
      thread
        .replace(/<\/untrusted-data>\s*$/, '')
        .trim()
        .split('\n')
        .at(-1) ?? '';
    if (/intended/i.test(last)) {
      return {
        reply: `Understood (turn ${turns}): refusing the last unit keeps a safety stock. I will not raise this again.`,
        stance: 'disputes',
        findingStands: false,
        suggestion: null,
      };
    }
    if (/fix/i.test(last)) {
      return {
        reply: `Here is the smallest change (turn ${turns}).`,
        stance: 'asks-for-fix',
        findingStands: true,
        suggestion: '  if (available < count) return false;',
      };
    }
    return {
      reply: `With available 3 and count 3, \`<=\` returns false (turn ${turns}).`,
      stance: 'question',
      findingStands: true,
      suggestion: null,
    };
  },
};

const thread = (life: Lifecycle, rootId: number) =>
  life.github.reviewComments
    .filter((comment) => comment.in_reply_to_id === rootId)
    .map((comment) => `${comment.user.type}: ${comment.body}`);

describe('a reply in a Sift thread', () => {
  it('holds a three-turn conversation using the thread, and a dispute keeps the finding from coming back', async () => {
    life = await startLifecycle({ fixture: 'inventory', script: CONVERSATION });
    await life.opened();
    await life.idle();
    const root = life.github.reviewComments.find((comment) => comment.body.includes(RESERVE_TITLE));
    if (!root) throw new Error('no reserve finding');

    await life.reply(root.id, 'why?');
    await life.idle();
    await life.reply(root.id, 'Could you suggest a fix?');
    await life.idle();
    await life.reply(root.id, 'Actually this is intended: we keep the last unit as safety stock.');
    await life.idle();

    expect(thread(life, root.id)).toEqual([
      'User: why?',
      'Bot: With available 3 and count 3, `<=` returns false (turn 1).',
      'User: Could you suggest a fix?',
      'Bot: Here is the smallest change (turn 3).\n\n```suggestion\n  if (available < count) return false;\n```',
      'User: Actually this is intended: we keep the last unit as safety stock.',
      'Bot: Understood (turn 5): refusing the last unit keeps a safety stock. I will not raise this again.',
    ]);

    const fingerprint = readFindingMarker(root.body)?.fingerprint ?? '';
    expect(await life.store.disputedFingerprints('acme/inventory', 7)).toEqual(new Set([fingerprint]));

    // The author resolves the thread; a later full review finds the same code again and stays quiet.
    root.resolved = true;
    root.resolvedBy = 'octocat';
    await life.comment('/review full');
    await life.idle();
    expect(
      life.github.reviewComments.filter(
        (comment) => comment.in_reply_to_id === null && comment.body.includes(RESERVE_TITLE),
      ),
    ).toHaveLength(1);
  });

  it('the code around the finding holds a token › the model is sent it redacted', async () => {
    life = await startLifecycle({ fixture: 'inventory', script: CONVERSATION });
    await life.opened();
    await life.idle();
    const root = life.github.reviewComments.find((comment) => comment.body.includes(RESERVE_TITLE));
    if (!root) throw new Error('no reserve finding');
    const token = `ghp_${'a1B2c3D4e5'.repeat(4)}`;
    await life.push(
      'src/stock.ts',
      (text) => text.replace('  const available', `  const auditToken = '${token}';\n  const available`),
      { deliver: false },
    );

    await life.reply(root.id, 'why?');
    await life.idle();

    const asked = life.model.requests.filter((request) => request.role === 'responder');
    expect(asked).toHaveLength(1);
    const prompt = asked.flatMap((request) => request.messages.map((message) => message.content)).join('\n');
    expect(prompt).toContain("const auditToken = '[redacted secret]';");
    expect(prompt).not.toContain(token);
  });

  it('an answer with links, a mention and a command › posted with only the link into the repository', async () => {
    let repositoryPage = '';
    const script: ModelScript = {
      ...INVENTORY_SCRIPT,
      reply: () => ({
        reply: `See [stock.ts](${repositoryPage}/blob/main/src/stock.ts#L6), not [this](https://evil.example/x); ask @acme/owners.\n/approve`,
        stance: 'question',
        findingStands: true,
        suggestion: null,
      }),
    };
    life = await startLifecycle({ fixture: 'inventory', script });
    repositoryPage = `http://${life.github.host}/acme/inventory`;
    await life.opened();
    await life.idle();
    const root = life.github.reviewComments.find((comment) => comment.body.includes(RESERVE_TITLE));
    if (!root) throw new Error('no reserve finding');

    await life.reply(root.id, 'where?');
    await life.idle();

    expect(thread(life, root.id)).toEqual([
      'User: where?',
      `Bot: See [stock.ts](${repositoryPage}/blob/main/src/stock.ts#L6), not this; ask \`@acme/owners\`.\n\`/approve\``,
    ]);
  });

  it('from someone without write access who is not the author › not answered', async () => {
    life = await startLifecycle({
      fixture: 'inventory',
      script: CONVERSATION,
      permissions: { octocat: 'write' },
    });
    await life.opened();
    await life.idle();
    const root = life.github.reviewComments.find((comment) => comment.in_reply_to_id === null);
    await life.reply(root?.id ?? 0, 'why?', 'drive-by');
    await life.idle();
    expect(thread(life, root?.id ?? 0)).toEqual(['User: why?']);
  });

  it('a finding someone marked 👎 › never raised again on the pull request', async () => {
    life = await startLifecycle({ fixture: 'inventory', script: CONVERSATION });
    await life.opened();
    await life.idle();
    const root = life.github.reviewComments.find((comment) => comment.body.includes(RESERVE_TITLE));
    if (!root) throw new Error('no reserve finding');
    root.thumbsDownBy = ['octocat'];
    root.resolved = true;
    root.resolvedBy = 'octocat';
    await life.comment('/review full');
    await life.idle();
    expect(
      life.github.reviewComments.filter(
        (comment) => comment.body.includes(RESERVE_TITLE) && comment.in_reply_to_id === null,
      ),
    ).toHaveLength(1);
  });
});

describe('pull_request.closed', () => {
  it('records each finding as fixed, dismissed or open, and /review stats reports the resolution rate', async () => {
    life = await startLifecycle({ fixture: 'inventory', script: CONVERSATION });
    await life.opened();
    await life.idle();
    await life.push('src/stock.ts', (text) => text.replace('available <= count', 'available < count'));
    await life.idle();
    await life.close(true);
    await life.idle();

    expect(await life.store.repositoryStats('acme/inventory')).toEqual({
      pullRequests: 1,
      posted: 2,
      fixed: 1,
      dismissed: 0,
      open: 1,
      disputes: 0,
    });
    await life.comment('/review stats');
    await life.idle();
    expect(life.github.issueComments.at(-1)?.body).toContain('| 1 | 0 | 1 | 0 | 50% |');
    // Without plans, the month's usage is counted all the same: the opening review and the push's.
    expect(life.github.issueComments.at(-1)?.body).toMatch(
      /\*\*This installation this month \(UTC\):\*\* 2 reviews, [\d,]+ model tokens\. The count starts over on \d{4}-\d{2}-01\./,
    );
  });
});
