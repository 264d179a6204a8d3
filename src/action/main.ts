#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-root.js';
import { runAction } from './run-action.js';

const { version } = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
  version: string;
};
// GitHub cancels a run (a newer push, with the workflow's `concurrency`) with SIGINT, then SIGTERM.
const cancelled = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => cancelled.abort());
process.exitCode = await runAction({
  env: process.env,
  out: process.stdout,
  signal: cancelled.signal,
  version,
});
