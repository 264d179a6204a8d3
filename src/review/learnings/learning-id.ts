import { createHash } from 'node:crypto';

/**
 * The short id people use to name a learning (`/review forget 3f9a1c7`): derived from what the
 * learning is, so the same evidence seen again keeps its id and a forgotten learning stays
 * forgotten. Seven hex digits, as git abbreviates commits: within one repository's few hundred
 * learnings a collision is vanishingly unlikely.
 */
export function learningId(
  kind: 'finding' | 'convention' | 'threshold',
  ...parts: Array<string | number>
): string {
  return createHash('sha256')
    .update([kind, ...parts].join('\0'))
    .digest('hex')
    .slice(0, 7);
}

/** What an id people type must look like; anything else is not a learning id. */
export const LEARNING_ID = /^[0-9a-f]{7}$/;
