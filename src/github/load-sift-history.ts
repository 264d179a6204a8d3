import type { SiftHistory } from '../review/pull-request-host.js';
import type { PostedFinding } from '../review/types.js';
import { isSift, type SiftIdentity } from './app-identity.js';
import type { Octokit } from './octokit.js';
import { readFindingMarker, readNoticeMarker, readReviewMarker } from './review-markers.js';

/**
 * The claim of a Sift comment, to compare new findings with: its explanation, without the title
 * line, the evidence, a suggested fix or the hidden marker.
 */
function claimOf(body: string): string {
  const lines = body.trimEnd().split('\n');
  return lines
    .slice(1, -1)
    .join('\n')
    .replace(/(`{3,})suggestion\n[\s\S]*?\n\1/g, '')
    .replace(/^Evidence: .*$/m, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

interface Author {
  __typename: string;
  login: string;
}

interface HistoryPage {
  repository: {
    pullRequest: {
      reviews: { nodes: Array<{ body: string; author: Author | null; submittedAt: string | null }> };
      comments: { nodes: Array<{ body: string; author: Author | null }> };
      reviewThreads: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: Array<{
          id: string;
          isResolved: boolean;
          path: string;
          resolvedBy: { login: string } | null;
          comments: {
            nodes: Array<{
              databaseId: number;
              body: string;
              author: Author | null;
              reactions: { nodes: Array<{ user: { login: string } | null }> };
              thumbsUp?: { nodes: Array<{ user: { login: string } | null }> };
            }>;
          };
        }>;
      };
    } | null;
  } | null;
}

const HISTORY_QUERY = `
query SiftHistory($owner: String!, $repo: String!, $number: Int!, $after: String) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      reviews(last: 100) {
        nodes { body submittedAt author { __typename login } }
      }
      comments(last: 100) {
        nodes { body author { __typename login } }
      }
      reviewThreads(first: 100, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes {
          id isResolved path
          resolvedBy { login }
          comments(first: 100) {
            nodes {
              databaseId body
              author { __typename login }
              reactions(content: THUMBS_DOWN, first: 100) { nodes { user { login } } }
              thumbsUp: reactions(content: THUMBS_UP, first: 100) { nodes { user { login } } }
            }
          }
        }
      }
    }
  }
}`;

// GitHub lists review threads 100 at a time; a pull request with more than a few hundred is rare.
const MAX_THREAD_PAGES = 10;

/**
 * What Sift already said on a pull request, read back from GitHub itself — the hidden markers
 * on its reviews and comments and the state of their threads — in one GraphQL query per 100
 * threads. GitHub is the source of truth, so a restarted process knows as much as a running one.
 * Only comments by the account Sift posts as, with a well-formed marker in Sift's place, count as
 * Sift's. The people who reacted 👎 and 👍 are listed by login, so the job can count only feedback
 * that counts.
 */
export async function loadSiftHistory(
  octokit: Octokit,
  target: { owner: string; repo: string; pullNumber: number },
  identity: SiftIdentity,
): Promise<SiftHistory> {
  const bySift = (author: { __typename: string; login: string } | null | undefined) =>
    isSift(author && { login: author.login, type: author.__typename }, identity);
  const findings: PostedFinding[] = [];
  const reviewedHeads: string[] = [];
  const reviewedByJobs = new Set<string>();
  const notices = new Set<string>();
  let after: string | null = null;
  for (let page = 0; page < MAX_THREAD_PAGES; page += 1) {
    const data: HistoryPage = await octokit.graphql<HistoryPage>(HISTORY_QUERY, {
      owner: target.owner,
      repo: target.repo,
      number: target.pullNumber,
      after,
    });
    const pull = data.repository?.pullRequest;
    if (!pull) break;
    if (page === 0) {
      for (const review of pull.reviews.nodes) {
        const marker = bySift(review.author) ? readReviewMarker(review.body) : null;
        if (marker) reviewedHeads.push(marker.head);
        if (marker?.job) reviewedByJobs.add(marker.job);
      }
      for (const comment of pull.comments.nodes) {
        const notice = bySift(comment.author) ? readNoticeMarker(comment.body) : null;
        if (notice) notices.add(notice.key);
      }
    }
    for (const thread of pull.reviewThreads.nodes) {
      const [first, ...rest] = thread.comments.nodes;
      if (!first || !bySift(first.author)) continue;
      const marker = readFindingMarker(first.body);
      if (!marker) continue;
      findings.push({
        marker,
        threadId: thread.id,
        commentId: first.databaseId,
        path: thread.path,
        title: /^\*\*(.+?)\*\*/.exec(first.body)?.[1] ?? '',
        body: claimOf(first.body),
        isResolved: thread.isResolved,
        resolvedBy: thread.resolvedBy?.login ?? null,
        thumbsDownBy: loginsOf(first.reactions.nodes),
        thumbsUpBy: loginsOf(first.thumbsUp?.nodes ?? []),
        replies: rest.map((comment) => ({
          author: comment.author?.login ?? 'ghost',
          isBot: comment.author?.__typename === 'Bot',
          body: comment.body,
          id: comment.databaseId,
        })),
      });
    }
    if (!pull.reviewThreads.pageInfo.hasNextPage) break;
    after = pull.reviewThreads.pageInfo.endCursor;
  }
  return {
    lastReviewedHead: reviewedHeads.at(-1) ?? null,
    reviewedHeads: new Set(reviewedHeads),
    reviewedByJobs,
    findings,
    notices,
  };
}

/** Who reacted; a deleted account (no user) is no one. */
function loginsOf(reactions: ReadonlyArray<{ user: { login: string } | null }>): string[] {
  return reactions.flatMap((reaction) => (reaction.user ? [reaction.user.login] : []));
}
