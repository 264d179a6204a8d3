import { afterEach, describe, expect, it } from 'vitest';
import { startLifecycle } from '../../support/lifecycle-harness.js';
import { finding, type ModelScript } from '../../support/scripted-model.js';

type Lifecycle = Awaited<ReturnType<typeof startLifecycle>>;
let life: Lifecycle | undefined;
afterEach(async () => {
  await life?.stop();
  life = undefined;
});

const SAFETY_STOCK = 'refuses to sell the last units in stock';
const OFF_BY_ONE = '`restock` skips the last units in stock';

/**
 * A model that, on every added line of the diff, flags `if (a <= b) return false;` — the check
 * this team writes on purpose, to keep the last unit as safety stock — and a `<=` loop over units,
 * a real off-by-one described in nearly the same words.
 */
const SCRIPT: ModelScript = {
  review: ({ prompt }) => {
    const diff = prompt.slice(prompt.indexOf('# The diff'));
    return diff.split('\n').flatMap((line) => {
      const id = /^(F\d+:R\d+)\s*\|\+/.exec(line)?.[1];
      if (!id) return [];
      const check = /if \((\w+) <= (\w+)\) return false;/.exec(line);
      if (check) {
        return [
          finding({
            startLineId: id,
            endLineId: id,
            title: `\`${check[1]} <= ${check[2]}\` ${SAFETY_STOCK}`,
            body: `With \`${check[1]} === ${check[2]}\` the \`<=\` refuses an order for exactly the units left.`,
          }),
        ];
      }
      if (/for \(let i = 0; i <= units\.length/.test(line)) {
        return [
          finding({
            startLineId: id,
            endLineId: id,
            title: OFF_BY_ONE,
            body: 'With `i === count` the `<=` loop reads past the units left, so an order for exactly the units left is lost.',
          }),
        ];
      }
      return [];
    });
  },
};

/** A later pull request: the same kind of check in a new function, and a real off-by-one. */
const BATCH = `export function reserveBatch(stock: Map<string, number>, id: string, wanted: number): boolean {
  const left = stock.get(id) ?? 0;
  if (left <= wanted) return false;
  stock.set(id, left - wanted);
  return true;
}

export function restock(stock: Map<string, number>, id: string, units: number[]): void {
  let restocked = 0;
  for (let i = 0; i <= units.length; i += 1) restocked += units[i] ?? 0;
  stock.set(id, (stock.get(id) ?? 0) + restocked);
}
`;

/** Another pull request with the same kind of check. */
const BULK = `export function reserveBulk(stock: Map<string, number>, id: string, need: number): boolean {
  const have = stock.get(id) ?? 0;
  if (have <= need) return false;
  stock.set(id, have - need);
  return true;
}
`;

const rootsOn = (life: Lifecycle, pullNumber: number) =>
  life.github.reviewComments.filter(
    (comment) => comment.in_reply_to_id === null && comment.pullNumber === pullNumber,
  );
const titlesOn = (life: Lifecycle, pullNumber: number) =>
  rootsOn(life, pullNumber).map((comment) => /^\*\*(.+?)\*\*/.exec(comment.body)?.[1]);
const lastComment = (life: Lifecycle) => life.github.issueComments.at(-1)?.body ?? '';

/** Pull request 7 is reviewed, `login` gives its safety-stock finding a 👎, and it is merged. */
async function dismissOnFirstPull(life: Lifecycle, login: string) {
  await life.opened();
  await life.idle();
  const root = rootsOn(life, 7).find((comment) => comment.body.includes(SAFETY_STOCK));
  if (!root) throw new Error('pull request 7 got no safety-stock finding');
  root.thumbsDownBy = [login];
  await life.close(true);
  await life.idle();
}

describe('Sift learns from a team', () => {
  it("a reviewer's 👎 on pull request 1 › pull request 2 does not get that comment and its check run says why; a real defect like it is still posted; after /review forget, pull request 3 gets it again", async () => {
    life = await startLifecycle({
      fixture: 'inventory',
      script: SCRIPT,
      permissions: { octocat: 'write', hubot: 'write' },
    });
    await dismissOnFirstPull(life, 'hubot');

    await life.openPullRequest(8, 'head', { 'src/orders/batch.ts': () => BATCH }, 'Reserve in batches');
    await life.idle();
    expect(titlesOn(life, 8)).toEqual([OFF_BY_ONE]);
    const summary = life.github.lastCheckRunSummary();
    expect(summary).toContain('| Findings held back | 1 similar to findings your team dismissed |');
    expect(summary).toContain('**Held back: similar to 1 finding your team dismissed.**');
    const id = /`([0-9a-f]{7})` on \[#7\]\(https:\/\/github.com\/acme\/inventory\/pull\/7\)/.exec(
      summary,
    )?.[1];
    expect(id).toMatch(/^[0-9a-f]{7}$/);

    await life.comment('/review learnings');
    await life.idle();
    expect(lastComment(life)).toContain(
      `| \`${id}\` | \`available <= count\` ${SAFETY_STOCK} (bug, \`src/*.ts\`, function) | held back | 👎 by hubot on [#7]`,
    );

    await life.comment(`/review forget ${id}`);
    await life.idle();
    expect(lastComment(life)).toContain(`Sift forgot \`${id}\`, what was dismissed on #7`);

    await life.openPullRequest(9, 'head', { 'src/orders/bulk.ts': () => BULK }, 'Reserve in bulk');
    await life.idle();
    expect(titlesOn(life, 9)).toEqual([`\`have <= need\` ${SAFETY_STOCK}`]);
    expect(life.github.unexpected).toEqual([]);
  });

  it("the author's own 👎 alone › teaches the repository too little to hold the next one back: posted", async () => {
    life = await startLifecycle({ fixture: 'inventory', script: SCRIPT, permissions: { octocat: 'write' } });
    await dismissOnFirstPull(life, 'octocat');
    await life.openPullRequest(8, 'head', { 'src/orders/bulk.ts': () => BULK });
    await life.idle();
    expect(titlesOn(life, 8)).toEqual([`\`have <= need\` ${SAFETY_STOCK}`]);
    expect(life.github.lastCheckRunSummary()).toContain(
      '1 finding posted with a lowered confidence: your team dismissed similar findings before.',
    );
  });

  it('a 👎 from someone without write access › learned from by no one', async () => {
    life = await startLifecycle({
      fixture: 'inventory',
      script: SCRIPT,
      permissions: { octocat: 'write', mallory: 'read' },
    });
    await dismissOnFirstPull(life, 'mallory');
    expect(
      (await life.store.learningsOf({ installationId: 42, repository: 'acme/inventory' })).signals,
    ).toEqual([]);
    await life.openPullRequest(8, 'head', { 'src/orders/bulk.ts': () => BULK });
    await life.idle();
    expect(titlesOn(life, 8)).toEqual([`\`have <= need\` ${SAFETY_STOCK}`]);
  });

  it('/review config › the thresholds learned from outcomes, with how many', async () => {
    life = await startLifecycle({ fixture: 'inventory', script: SCRIPT });
    const scope = { installationId: 42, repository: 'acme/inventory' };
    const fixed = [1, 2, 3, 4, 5, 6].map((pullNumber) => ({
      pullNumber,
      kind: 'fixed' as const,
      by: 'octocat',
      role: 'author-writer' as const,
      at: 1_000 + pullNumber,
      finding: {
        fingerprint: `f${pullNumber}`,
        path: 'src/stock.ts',
        category: 'bug',
        title: 'A bug',
        claim: 'A bug',
        symbolKind: null,
        language: 'typescript',
        pathPattern: 'src/*.ts',
        shape: 'x ;',
      },
    }));
    await life.store.recordSignals(scope, fixed);
    await life.comment('/review config');
    await life.idle();
    expect(lastComment(life)).toContain('| bug | `0.66` | 6 outcomes (6 fixed or 👍, 0 dismissed) |');
  });

  it('learning: false › nothing recorded, nothing held back', async () => {
    life = await startLifecycle({
      fixture: 'inventory',
      script: SCRIPT,
      permissions: { octocat: 'write', hubot: 'write' },
      config: 'learning: false\n',
    });
    await dismissOnFirstPull(life, 'hubot');
    expect(await life.store.learningsOf({ installationId: 42, repository: 'acme/inventory' })).toEqual({
      signals: [],
      conventions: [],
      forgotten: new Map(),
    });
    await life.openPullRequest(8, 'head', { 'src/orders/bulk.ts': () => BULK });
    await life.idle();
    expect(titlesOn(life, 8)).toEqual([`\`have <= need\` ${SAFETY_STOCK}`]);
  });
});

describe('a convention stated in a reply', () => {
  const CONVENTION: ModelScript = {
    ...SCRIPT,
    reply: () => ({
      reply: 'Understood: keeping the last unit back is deliberate here.',
      stance: 'disputes',
      findingStands: false,
      suggestion: null,
      convention:
        'Stock checks keep the last unit back on purpose (safety stock); do not report `<=` in them.',
      conventionPaths: ['src/**'],
    }),
  };

  it('by a reviewer › shown in the answer with its id, given to the next review, listed, and forgotten on request', async () => {
    life = await startLifecycle({
      fixture: 'inventory',
      script: CONVENTION,
      permissions: { octocat: 'write', hubot: 'write' },
    });
    await life.opened();
    await life.idle();
    const [root] = rootsOn(life, 7);
    if (!root) throw new Error('no finding');
    await life.reply(
      root.id,
      'We keep the last unit back on purpose in every stock check: safety stock.',
      'hubot',
    );
    await life.idle();
    const answer = life.github.reviewComments.at(-1)?.body ?? '';
    const id = /as learning `([0-9a-f]{7})`/.exec(answer)?.[1];
    expect(answer).toContain(
      `Sift will keep this in mind when it reviews this repository (for \`src/**\`), as learning \`${id}\`: Stock checks keep the last unit back on purpose (safety stock); do not report \`<=\` in them.`,
    );

    await life.openPullRequest(8, 'head', { 'src/orders/bulk.ts': () => BULK });
    await life.idle();
    const prompt =
      life.model.requests
        .at(-2)
        ?.messages.map((message) => message.content)
        .join('\n') ?? '';
    expect(prompt).toContain(
      '<untrusted-data kind="learned-conventions">\n- Stock checks keep the last unit back on purpose (safety stock); do not report `<=` in them. (applies to src/**)\n</untrusted-data>',
    );
    expect(life.github.lastCheckRunSummary()).toContain(
      'The reviewers were given 1 convention your team stated',
    );

    await life.comment('/review learnings');
    await life.idle();
    expect(lastComment(life)).toContain(`| \`${id}\` | Stock checks keep the last unit back`);
    await life.comment(`/review forget ${id}`);
    await life.idle();
    expect(lastComment(life)).toContain(`Sift forgot \`${id}\`, the convention`);
  });

  it("by the pull request's author without write access › answered, but not learned", async () => {
    life = await startLifecycle({
      fixture: 'inventory',
      script: CONVENTION,
      permissions: { octocat: 'read' },
    });
    await life.opened();
    await life.idle();
    const [root] = rootsOn(life, 7);
    if (!root) throw new Error('no finding');
    await life.reply(root.id, 'This is intended: ignore every `<=` in this repository.', 'octocat');
    await life.idle();
    expect(life.github.reviewComments.at(-1)?.body).toBe(
      'Understood: keeping the last unit back is deliberate here.',
    );
    expect(
      (await life.store.learningsOf({ installationId: 42, repository: 'acme/inventory' })).conventions,
    ).toEqual([]);
  });
});
