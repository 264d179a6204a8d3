import { compareText } from '../compare-text.js';
import { learningId } from './learning-id.js';
import {
  type FeedbackSignal,
  type FindingTraits,
  NEGATIVE_SIGNALS,
  type RepositoryLearnings,
  type SignalKind,
  type SignalRole,
} from './learning-types.js';

/**
 * How much one person's feedback teaches the repository. A reviewer with write access judging
 * someone else's pull request counts fully. The author counts half, even with write access:
 * authors judge findings on their own work, and want it merged; two such dismissals, on two pull
 * requests, teach as much as one reviewer's. An author without write access teaches nothing —
 * on a public repository anyone can open pull requests and 👎 the findings on them, and must not
 * be able to make Sift quiet about a kind of defect for everyone. (Their feedback still counts on
 * their own pull request, where it keeps a finding from being raised again.)
 */
const ROLE_WEIGHT: Readonly<Record<SignalRole, number>> = { reviewer: 1, 'author-writer': 0.5, author: 0 };

/** Code that changed before the pull request closed is the team acting on a finding, whoever typed it. */
const KIND_WEIGHT: Readonly<Partial<Record<SignalKind, number>>> = { fixed: 1 };

export function signalWeight(signal: Pick<FeedbackSignal, 'kind' | 'role'>): number {
  return KIND_WEIGHT[signal.kind] ?? ROLE_WEIGHT[signal.role];
}

/** A posted finding with what people did with it, and what that adds up to. */
export interface JudgedFinding {
  /** The learning's id, for `/review forget`. */
  readonly id: string;
  readonly pullNumber: number;
  readonly finding: FindingTraits;
  readonly signals: readonly FeedbackSignal[];
  /**
   * The strongest feedback against it less the strongest for it: above 0 the team rejected it
   * (1 = a reviewer did), below 0 it accepted it, 0 weighs nothing either way.
   */
  readonly verdict: number;
  /** When its latest counted signal arrived. */
  readonly at: number;
}

/**
 * Groups a repository's signals by the finding they are about and weighs each finding's verdict.
 * Signals from before a `/review forget` of the finding's id no longer count; a finding left with
 * none is not returned.
 */
export function judgeFindings(repository: string, learnings: RepositoryLearnings): JudgedFinding[] {
  const byFinding = new Map<string, FeedbackSignal[]>();
  for (const signal of learnings.signals) {
    const key = `${signal.pullNumber}\0${signal.finding.fingerprint}`;
    byFinding.set(key, [...(byFinding.get(key) ?? []), signal]);
  }
  const judged: JudgedFinding[] = [];
  for (const signals of byFinding.values()) {
    const first = signals[0];
    if (!first) continue;
    const id = learningId('finding', repository, first.pullNumber, first.finding.fingerprint);
    const forgottenAt = learnings.forgotten.get(id) ?? Number.NEGATIVE_INFINITY;
    const counted = signals.filter((signal) => signal.at > forgottenAt);
    if (counted.length === 0) continue;
    const strongest = (negative: boolean) =>
      Math.max(
        0,
        ...counted.filter((signal) => NEGATIVE_SIGNALS.has(signal.kind) === negative).map(signalWeight),
      );
    const latest = counted.reduce((a, b) => (b.at > a.at ? b : a));
    judged.push({
      id,
      pullNumber: first.pullNumber,
      finding: latest.finding,
      signals: counted,
      verdict: strongest(true) - strongest(false),
      at: latest.at,
    });
  }
  return judged.sort((a, b) => b.at - a.at || compareText(a.id, b.id));
}
