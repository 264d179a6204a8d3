/**
 * Regenerates the README's environment table and `.env.example` from the env schema:
 *
 *   npm run docs:env
 *
 * test/config/env-docs.test.ts fails when either is out of date.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderEnvExample, renderEnvTable } from '../src/config/render-env-docs.js';
import { ENV_TABLE_END, ENV_TABLE_START, replaceBetween } from './replace-between.js';

const root = join(import.meta.dirname, '..');
const readme = join(root, 'README.md');
writeFileSync(
  readme,
  replaceBetween(readFileSync(readme, 'utf8'), ENV_TABLE_START, ENV_TABLE_END, renderEnvTable()),
);
writeFileSync(join(root, '.env.example'), renderEnvExample());
// The README is formatted by Biome, which pads tables.
execFileSync('npx', ['biome', 'format', '--write', readme], { cwd: root, stdio: 'ignore' });
console.log('wrote the environment table in README.md and .env.example');
