import { fileURLToPath } from 'node:url';

/**
 * The folder holding package.json, prompts/ and schema/. This file sits one level below it both
 * as source (src/) and when compiled (dist/), so the same URL works for `tsx` and `node dist`.
 */
export const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url));
