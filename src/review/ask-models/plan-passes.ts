import { createHash } from 'node:crypto';
import type { ReviewPass } from './build-review-messages.js';

/** The lenses of an ensemble, one prompt each under prompts/lenses/, in the order passes get them. */
export const ENSEMBLE_LENSES = [
  'correctness',
  'security',
  'concurrency-resources',
  'cross-file-contracts',
] as const;

/** The lens of a review with a single pass: every enabled category, weighed evenly. */
export const SINGLE_PASS_LENS = 'general';

/**
 * The passes of a review. Each pass gets its own lens and its own order of the files — the
 * first in path order, the others shuffled — so passes do not all attend to the same files
 * first. Shuffles are seeded by `seed` (the head commit), so a review of the same commit asks the
 * same questions.
 */
export function planPasses(fileIds: readonly string[], passes: number, seed: string): ReviewPass[] {
  if (passes <= 1) return [{ lens: SINGLE_PASS_LENS, fileOrder: [...fileIds] }];
  return Array.from({ length: passes }, (_, index) => ({
    lens: ENSEMBLE_LENSES[index % ENSEMBLE_LENSES.length] ?? SINGLE_PASS_LENS,
    fileOrder: index === 0 ? [...fileIds] : shuffle(fileIds, `${seed}:${index}`),
  }));
}

/** Fisher–Yates with a generator seeded from a hash of `seed` (mulberry32). */
function shuffle<T>(items: readonly T[], seed: string): T[] {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0);
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const result = [...items];
  for (let i = result.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}
