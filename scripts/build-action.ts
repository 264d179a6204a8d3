/**
 * Builds the GitHub Action's bundle into dist-action/ (committed: a workflow runs it as it is):
 *
 *   npm run build:action
 *
 * test/action/action-bundle.test.ts fails when the committed bundle is not what this builds.
 */
import { statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ACTION_DIR, buildActionBundle, ROOT } from './action-bundle.js';

await buildActionBundle(ACTION_DIR);
const size = (path: string) => `${(statSync(path).size / 1024).toFixed(0)} KiB`;
console.log(`wrote ${relative(ROOT, join(ACTION_DIR, 'index.js'))} (${size(join(ACTION_DIR, 'index.js'))})`);
