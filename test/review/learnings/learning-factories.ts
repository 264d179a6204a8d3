import { findingTraits } from '../../../src/review/learnings/finding-traits.js';
import type {
  FeedbackSignal,
  FindingTraits,
  RepositoryLearnings,
  SignalKind,
  SignalRole,
} from '../../../src/review/learnings/learning-types.js';

export const REPOSITORY = 'acme/inventory';

/** The inventory's `reserve` finding that its team dismisses: it keeps the last unit back on purpose. */
export const SAFETY_STOCK: FindingTraits = findingTraits({
  fingerprint: '3f9a1c7e2b4d6a80',
  path: 'src/stock.ts',
  category: 'bug',
  title: '`reserve` refuses to sell the last units in stock',
  body: 'With `available === count` the `<=` refuses an order for exactly the units left.',
  code: ['  if (available <= count) return false;'],
  symbolKind: 'function',
});

/** A finding of another kind: an unordered range, which the team fixes. */
export const REVERSED_RANGE: FindingTraits = findingTraits({
  fingerprint: 'b41c9e07d2a35f18',
  path: 'src/format/price.ts',
  category: 'bug',
  title: '`formatRange` prints reversed ranges when `low` > `high`',
  body: 'Nothing orders `low` and `high`, so `formatRange(900, 500)` prints `$9.00–$5.00`.',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the flagged line is code that holds a template literal
  code: ['  return `${formatPrice(low)}–${formatPrice(high)}`;'],
  symbolKind: 'function',
});

/** The same finding on another pull request (another fingerprint: other code around it). */
export function onAnotherPull(finding: FindingTraits, n: number): FindingTraits {
  return { ...finding, fingerprint: `${finding.fingerprint.slice(0, 14)}${String(n).padStart(2, '0')}` };
}

export function signal(
  finding: FindingTraits,
  kind: SignalKind,
  options: { pull?: number; by?: string; role?: SignalRole; at?: number } = {},
): FeedbackSignal {
  return {
    pullNumber: options.pull ?? 7,
    kind,
    by: options.by ?? 'hubot',
    role: options.role ?? 'reviewer',
    at: options.at ?? 1_000,
    finding,
  };
}

export function learnings(
  signals: readonly FeedbackSignal[],
  forgotten: ReadonlyArray<[string, number]> = [],
): RepositoryLearnings {
  return { signals, conventions: [], forgotten: new Map(forgotten) };
}
