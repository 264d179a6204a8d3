import type { PullRequestHost } from '../review/pull-request-host.js';
import type { PostedFinding } from '../review/types.js';
import { canWrite } from './can-write.js';

/**
 * The posted findings with only the feedback that counts: a 👎, a 👍 or a hand-resolved thread
 * from the pull request's author or someone with write access. On a public repository anyone can
 * react, and a stranger's 👎 must not silence a finding. Each person's permission is asked once.
 */
export async function feedbackThatCounts(
  findings: readonly PostedFinding[],
  pullAuthor: string,
  host: Pick<PullRequestHost, 'permissionOf'>,
): Promise<PostedFinding[]> {
  const verdicts = new Map<string, Promise<boolean>>();
  const counts = (login: string): Promise<boolean> => {
    if (login === pullAuthor || login.endsWith('[bot]')) return Promise.resolve(login === pullAuthor);
    let verdict = verdicts.get(login);
    if (!verdict) {
      verdict = host.permissionOf(login).then(canWrite);
      verdicts.set(login, verdict);
    }
    return verdict;
  };
  return Promise.all(
    findings.map(async (finding) => {
      const thumbsDownBy: string[] = [];
      for (const login of finding.thumbsDownBy) if (await counts(login)) thumbsDownBy.push(login);
      const thumbsUpBy: string[] = [];
      for (const login of finding.thumbsUpBy) if (await counts(login)) thumbsUpBy.push(login);
      const resolver = finding.resolvedBy;
      // A thread Sift resolved (as fixed) keeps its resolver: that is not a dismissal either way.
      const resolvedBy =
        resolver === null || resolver.endsWith('[bot]') || (await counts(resolver)) ? resolver : null;
      return { ...finding, thumbsDownBy, thumbsUpBy, resolvedBy };
    }),
  );
}
