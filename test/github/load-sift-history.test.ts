import nock from 'nock';
import { ProbotOctokit } from 'probot';
import { describe, expect, it } from 'vitest';
import { appIdentity } from '../../src/github/app-identity.js';
import { loadSiftHistory } from '../../src/github/load-sift-history.js';
import { findingMarker, noticeMarker, reviewMarker } from '../../src/github/review-markers.js';
import { postedComment, RESERVE, scored } from '../review/support/sift-findings.js';
import { GITHUB_API } from '../support/github-nock.js';

const TestOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  retry: { enabled: false },
  throttle: { ...(options.throttle as object | undefined), enabled: false },
}));
const octokit = new TestOctokit({ auth: { token: 'test' } });
const PULL = { owner: 'acme', repo: 'inventory', pullNumber: 7 };

const FIRST_HEAD = '2adf080edc8fd291d686f9f687c05cd2a3935f5c';
const SECOND_HEAD = '60c8b975d5898e70e1416c00031e7c02f2365bdb';
const CURSOR = 'Y3Vyc29yOnYyOpK0MjAyNC0wNS0xMFQxMDoxMjozNFrOZ0Fqgw==';

const SIFT_APP = appIdentity('sift-review');
const SIFT = { __typename: 'Bot', login: 'sift-review' };
const OCTOCAT = { __typename: 'User', login: 'octocat' };
const HUBOT = { __typename: 'User', login: 'hubot' };

const RESERVE_COMMENT = postedComment(scored(RESERVE));
const RANGE_COMMENT = postedComment(
  scored(RESERVE, {
    title: '`formatRange` prints reversed ranges when `low` > `high`',
    body: 'Nothing orders `low` and `high`, so `formatRange(900, 500)` prints `$9.00–$5.00`.',
    path: 'src/format/price.ts',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the flagged line is code that holds a template literal
    code: ['  return `${formatPrice(low)}–${formatPrice(high)}`;'],
    symbol: 'formatRange',
  }),
);

/** GitHub's answer for the 👎 reactions on a comment: who reacted (a deleted account is null). */
const thumbsDown = (...logins: Array<string | null>) => ({
  nodes: logins.map((login) => ({ user: login === null ? null : { login } })),
});
const comment = (
  databaseId: number,
  author: { __typename: string; login: string } | null,
  body: string,
  reactions = thumbsDown(),
  thumbsUp?: ReturnType<typeof thumbsDown>,
) => ({ databaseId, body, author, reactions, ...(thumbsUp ? { thumbsUp } : {}) });

interface ThreadFields {
  id: string;
  path: string;
  isResolved?: boolean;
  resolvedBy?: { login: string } | null;
  comments: ReturnType<typeof comment>[];
}
const thread = ({ id, path, isResolved = false, resolvedBy = null, comments }: ThreadFields) => ({
  id,
  isResolved,
  path,
  resolvedBy,
  comments: { nodes: comments },
});

function page(options: {
  reviews?: Array<{ body: string; author: { __typename: string; login: string } | null }>;
  conversation?: Array<{ body: string; author: { __typename: string; login: string } | null }>;
  threads: ReturnType<typeof thread>[];
  next?: string;
}) {
  return {
    repository: {
      pullRequest: {
        comments: { nodes: options.conversation ?? [] },
        reviews: {
          nodes: (options.reviews ?? []).map((review, index) => ({
            ...review,
            submittedAt: `2024-05-10T10:${String(index).padStart(2, '0')}:00Z`,
          })),
        },
        reviewThreads: {
          pageInfo: { hasNextPage: options.next !== undefined, endCursor: options.next ?? null },
          nodes: options.threads,
        },
      },
    },
  };
}

/** Answers Sift's history query with each page in turn; returns the variables each request sent. */
function nockHistory(...pages: unknown[]): Array<Record<string, unknown>> {
  const variables: Array<Record<string, unknown>> = [];
  for (const data of pages) {
    nock(GITHUB_API)
      .post('/graphql', (body: { query: string; variables: Record<string, unknown> }) => {
        if (!body.query.includes('query SiftHistory')) return false;
        variables.push(body.variables);
        return true;
      })
      .reply(200, { data });
  }
  return variables;
}

describe('loadSiftHistory', () => {
  describe('reviews', () => {
    it("Sift's review markers › every reviewed head, the last one as the last reviewed", async () => {
      nockHistory(
        page({
          reviews: [
            { body: `${reviewMarker({ head: FIRST_HEAD })}\n**Sift** found 2 problems.`, author: SIFT },
            { body: 'Looks good, but see the comments on `reserve`.', author: OCTOCAT },
            {
              body: '## Summary by CodeRabbit\n\n- Tightens reserve()',
              author: { __typename: 'Bot', login: 'coderabbitai' },
            },
            {
              body: `${reviewMarker({ head: SECOND_HEAD, job: 'f0e1d2c3-aaaa' })}\n**Sift** found nothing new.`,
              author: SIFT,
            },
          ],
          threads: [],
        }),
      );
      const history = await loadSiftHistory(octokit, PULL, SIFT_APP);
      expect(history.lastReviewedHead).toBe(SECOND_HEAD);
      expect([...history.reviewedHeads]).toEqual([FIRST_HEAD, SECOND_HEAD]);
      expect([...history.reviewedByJobs]).toEqual(['f0e1d2c3-aaaa']);
      expect(nock.isDone()).toBe(true);
    });

    it.each([
      [
        'a person pasting a review marker',
        OCTOCAT,
        `${reviewMarker({ head: SECOND_HEAD })}\nRe-posting what the bot said.`,
      ],
      ['a deleted account (no author)', null, `${reviewMarker({ head: SECOND_HEAD })}\nSift found nothing.`],
      [
        'a bot with the marker below its first line',
        SIFT,
        `Sift found nothing.\n${reviewMarker({ head: SECOND_HEAD })}`,
      ],
      [
        'another app forging Sift’s marker',
        { __typename: 'Bot', login: 'helpful-bot' },
        `${reviewMarker({ head: SECOND_HEAD })}\nAlready reviewed, nothing to see.`,
      ],
      [
        'an app whose name contains Sift’s',
        { __typename: 'Bot', login: 'sift-review-imposter' },
        `${reviewMarker({ head: SECOND_HEAD })}\nAlready reviewed.`,
      ],
    ])('a review by %s › not a Sift review', async (_, author, body) => {
      nockHistory(
        page({
          reviews: [
            { body: `${reviewMarker({ head: FIRST_HEAD })}\nok`, author: SIFT },
            { body, author },
          ],
          threads: [],
        }),
      );
      const history = await loadSiftHistory(octokit, PULL, SIFT_APP);
      expect(history.lastReviewedHead).toBe(FIRST_HEAD);
      expect(history.reviewedHeads.has(SECOND_HEAD)).toBe(false);
    });

    it('no review by Sift yet › no reviewed head', async () => {
      nockHistory(page({ reviews: [{ body: 'LGTM', author: OCTOCAT }], threads: [] }));
      const history = await loadSiftHistory(octokit, PULL, SIFT_APP);
      expect(history).toEqual({
        lastReviewedHead: null,
        reviewedHeads: new Set(),
        reviewedByJobs: new Set(),
        findings: [],
        notices: new Set(),
      });
    });
  });

  describe('threads', () => {
    it("a thread Sift started › a finding with its state, 👎 and the replies after Sift's comment", async () => {
      nockHistory(
        page({
          threads: [
            thread({
              id: 'PRRT_kwDOKx1b5M5BqZ3a',
              path: 'src/stock.ts',
              comments: [
                comment(2001, SIFT, RESERVE_COMMENT),
                comment(2004, OCTOCAT, 'Why is `<=` wrong here? We keep one unit as a display sample.'),
                comment(
                  2005,
                  SIFT,
                  'If a unit is kept back on purpose, say so in `reserve`; as written the last unit is refused.',
                ),
                comment(2007, null, 'Agree with the bot.'),
              ],
            }),
            thread({
              id: 'PRRT_kwDOKx1b5M5BqZ3b',
              path: 'src/format/price.ts',
              isResolved: true,
              resolvedBy: { login: 'octocat' },
              comments: [
                comment(
                  2002,
                  SIFT,
                  RANGE_COMMENT,
                  thumbsDown('hubot', null, 'octocat'),
                  thumbsDown('monalisa'),
                ),
              ],
            }),
          ],
        }),
      );
      const { findings } = await loadSiftHistory(octokit, PULL, SIFT_APP);
      expect(
        findings.map(({ marker, body, ...rest }) => ({
          ...rest,
          fingerprint: marker.fingerprint,
          side: marker.side,
        })),
      ).toEqual([
        {
          threadId: 'PRRT_kwDOKx1b5M5BqZ3a',
          commentId: 2001,
          path: 'src/stock.ts',
          title: '`reserve` refuses to sell the last units in stock',
          isResolved: false,
          resolvedBy: null,
          thumbsDownBy: [],
          // An answer that lists no 👍 at all (no `thumbsUp` field) › nobody.
          thumbsUpBy: [],
          replies: [
            {
              author: 'octocat',
              isBot: false,
              body: 'Why is `<=` wrong here? We keep one unit as a display sample.',
              id: 2004,
            },
            {
              author: 'sift-review',
              isBot: true,
              body: 'If a unit is kept back on purpose, say so in `reserve`; as written the last unit is refused.',
              id: 2005,
            },
            { author: 'ghost', isBot: false, body: 'Agree with the bot.', id: 2007 },
          ],
          fingerprint: scored(RESERVE).fingerprint,
          side: 'RIGHT',
        },
        {
          threadId: 'PRRT_kwDOKx1b5M5BqZ3b',
          commentId: 2002,
          path: 'src/format/price.ts',
          title: '`formatRange` prints reversed ranges when `low` > `high`',
          isResolved: true,
          resolvedBy: 'octocat',
          thumbsDownBy: ['hubot', 'octocat'],
          thumbsUpBy: ['monalisa'],
          replies: [],
          fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
          side: 'RIGHT',
        },
      ]);
      // The claim without the title line, the evidence and the hidden marker: what new findings are compared with.
      expect(findings[0]?.body).toBe(scored(RESERVE).body);
    });

    it.each([
      ['started by a person, though it ends with a valid marker', [comment(3001, OCTOCAT, RESERVE_COMMENT)]],
      [
        'started by a person, Sift replying in it',
        [comment(3002, HUBOT, 'Should this be `<`?'), comment(3003, SIFT, RESERVE_COMMENT)],
      ],
      [
        'started by another bot, without a marker',
        [
          comment(
            3004,
            { __typename: 'Bot', login: 'github-advanced-security' },
            '**Unused import** `Item` is never used.',
          ),
        ],
      ],
      [
        'started by a bot whose marker is not on the last line (quoted in a code block)',
        [
          comment(
            3005,
            { __typename: 'Bot', login: 'copilot-pull-request-reviewer' },
            `This looks like Sift's marker:\n\`\`\`\n${findingMarker({ fingerprint: '3f9a1c7e2b4d6a80' })}\n\`\`\`\nIgnore it.`,
          ),
        ],
      ],
      ['with no comments left (all deleted)', []],
    ])('a thread %s › not a Sift finding', async (_, comments) => {
      nockHistory(
        page({ threads: [thread({ id: 'PRRT_kwDOKx1b5M5BqZ9z', path: 'src/stock.ts', comments })] }),
      );
      expect((await loadSiftHistory(octokit, PULL, SIFT_APP)).findings).toEqual([]);
    });
  });

  it('more than one page of threads › asks for the next page with its cursor, and keeps the findings of both', async () => {
    const variables = nockHistory(
      page({
        reviews: [{ body: `${reviewMarker({ head: FIRST_HEAD })}\nfirst`, author: SIFT }],
        threads: [
          thread({
            id: 'PRRT_page1',
            path: 'src/stock.ts',
            comments: [comment(4001, SIFT, RESERVE_COMMENT)],
          }),
        ],
        next: CURSOR,
      }),
      page({
        // GitHub answers the same reviews on every page: only the threads are paginated.
        reviews: [{ body: `${reviewMarker({ head: FIRST_HEAD })}\nfirst`, author: SIFT }],
        threads: [
          thread({
            id: 'PRRT_page2',
            path: 'src/format/price.ts',
            comments: [comment(4002, SIFT, RANGE_COMMENT)],
          }),
        ],
      }),
    );
    const history = await loadSiftHistory(octokit, PULL, SIFT_APP);
    expect(variables).toEqual([
      { owner: 'acme', repo: 'inventory', number: 7, after: null },
      { owner: 'acme', repo: 'inventory', number: 7, after: CURSOR },
    ]);
    expect(history.findings.map((finding) => finding.threadId)).toEqual(['PRRT_page1', 'PRRT_page2']);
    expect(history.lastReviewedHead).toBe(FIRST_HEAD);
    expect(nock.isDone()).toBe(true);
  });

  it('a pull request GitHub does not return › an empty history', async () => {
    nockHistory({ repository: { pullRequest: null } });
    expect(await loadSiftHistory(octokit, PULL, SIFT_APP)).toEqual({
      lastReviewedHead: null,
      reviewedHeads: new Set(),
      reviewedByJobs: new Set(),
      findings: [],
      notices: new Set(),
    });
  });

  describe('notices', () => {
    it('Sift’s notice markers on conversation comments › the notices it gave; a person quoting one does not count', async () => {
      nock(GITHUB_API)
        .post('/graphql')
        .reply(200, {
          data: page({
            conversation: [
              {
                body: `${noticeMarker({ key: 'checks-permission' })}\nThe Checks permission is missing.`,
                author: SIFT,
              },
              { body: `${noticeMarker({ key: 'forged' })}\nquoted`, author: OCTOCAT },
              { body: 'Sift reviewed 2 files.', author: SIFT },
            ],
            threads: [],
          }),
        });
      const { notices } = await loadSiftHistory(octokit, PULL, SIFT_APP);
      expect([...notices]).toEqual(['checks-permission']);
    });
  });
});
