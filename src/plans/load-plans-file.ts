import { readFileSync } from 'node:fs';
import { PlansFileInvalidError } from '../errors.js';
import { parsePlansFile } from './parse-plans-file.js';
import type { PlansConfig } from './plan-types.js';

/**
 * Reads the plans file `SIFT_PLANS_FILE` names, once at start. A file that cannot be read stops
 * Sift as an invalid one does: running without the limits the operator meant is not a fallback.
 */
export function loadPlansFile(path: string): PlansConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : String(error);
    throw new PlansFileInvalidError(
      `[sift] cannot start: the plans file ${path} (SIFT_PLANS_FILE) cannot be read: ${reason}`,
    );
  }
  return parsePlansFile(text, path);
}
