import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeTempDir } from './temp-dir.js';

/** The labelled cases beside the project; absent in a user's fresh clone, present in CI. */
export const EVAL_DIR = resolve(import.meta.dirname, '../../../shared/eval');
export const HAS_EVAL_CASES = existsSync(EVAL_DIR);

export function evalCaseIds(): string[] {
  if (!HAS_EVAL_CASES) return [];
  return readdirSync(EVAL_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(EVAL_DIR, entry.name, 'case.json')))
    .map((entry) => entry.name)
    .sort();
}

export interface EvalCaseFiles {
  readonly id: string;
  readonly dir: string;
  readonly caseJson: Record<string, unknown> & { title: string; description: string };
  readonly prDiff: string;
}

export function readEvalCase(id: string): EvalCaseFiles {
  const dir = join(EVAL_DIR, id);
  return {
    id,
    dir,
    caseJson: JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')),
    prDiff: readFileSync(join(dir, 'pr.diff'), 'utf8'),
  };
}

/** Clones a case's bundle into a temporary folder; `origin/base` and `origin/head` are its two commits. */
export function cloneEvalBundle(id: string): string {
  const target = makeTempDir(`sift-${id}-`);
  execFileSync('git', ['clone', '-q', join(EVAL_DIR, id, 'repo.bundle'), target]);
  return target;
}
