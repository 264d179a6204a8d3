import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const ROOT = resolve(import.meta.dirname, '../..');
const EVAL_DIR = resolve(ROOT, '../shared/eval');

const neededSchema = z.object({
  path: z.string(),
  symbol: z.string(),
  start_line: z.number().int().positive(),
  end_line: z.number().int().positive(),
});

/** A cross-file case built at run time from a package installed in node_modules (no third-party code is committed). */
const packageCaseSchema = z.strictObject({
  id: z.string(),
  language: z.string(),
  package: z.string().describe('folder under node_modules'),
  version: z.string().describe('the version the line numbers were taken from'),
  description: z.string(),
  mutations: z.array(z.object({ path: z.string(), find: z.string(), replace: z.string() })).min(1),
  needed_context: z.array(neededSchema).min(1),
});

export interface RecallCase {
  readonly id: string;
  readonly language: string;
  readonly source: 'eval' | 'node_modules';
  /** A git repository with `base` and `head` revisions. */
  readonly repository: string;
  readonly baseRef: string;
  readonly headRef: string;
  readonly needed: ReadonlyArray<z.output<typeof neededSchema>>;
}

/**
 * The labelled cross-file cases: every `cross-file` case of ../shared/eval (when present) and the
 * package cases in bench/context/cases, each materialised as a git repository.
 */
export function loadRecallCases(): RecallCase[] {
  return [...evalCases(), ...packageCases()];
}

function evalCases(): RecallCase[] {
  if (!existsSync(EVAL_DIR)) return [];
  const cases: RecallCase[] = [];
  for (const id of readdirSync(EVAL_DIR).sort()) {
    const caseFile = join(EVAL_DIR, id, 'case.json');
    if (!existsSync(caseFile)) continue;
    const json = JSON.parse(readFileSync(caseFile, 'utf8'));
    if (json.kind !== 'cross-file') continue;
    const repository = mkdtempSync(join(tmpdir(), `sift-recall-${id}-`));
    execFileSync('git', ['clone', '-q', join(EVAL_DIR, id, 'repo.bundle'), repository]);
    cases.push({
      id,
      language: json.language,
      source: 'eval',
      repository,
      baseRef: 'origin/base',
      headRef: 'origin/head',
      needed: z.array(neededSchema).parse(json.needed_context),
    });
  }
  return cases;
}

function packageCases(): RecallCase[] {
  const folder = join(import.meta.dirname, 'cases');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const spec = packageCaseSchema.parse(JSON.parse(readFileSync(join(folder, name), 'utf8')));
      const source = join(ROOT, 'node_modules', spec.package);
      const installed = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')).version;
      if (installed !== spec.version) {
        throw new Error(
          `${spec.id}: node_modules/${spec.package} is ${installed}, the case was written for ${spec.version}`,
        );
      }
      const repository = mkdtempSync(join(tmpdir(), `sift-recall-${spec.id}-`));
      cpSync(source, repository, {
        recursive: true,
        filter: (path) => !path.includes('/node_modules/', source.length),
      });
      const git = (...args: string[]) =>
        execFileSync('git', [
          '-C',
          repository,
          '-c',
          'user.name=bench',
          '-c',
          'user.email=bench@example.com',
          ...args,
        ]);
      git('init', '-q', '-b', 'base');
      git('add', '-A');
      git('commit', '-q', '-m', 'base');
      git('checkout', '-q', '-b', 'head');
      for (const mutation of spec.mutations) {
        const path = join(repository, mutation.path);
        const text = readFileSync(path, 'utf8');
        if (!text.includes(mutation.find))
          throw new Error(`${spec.id}: ${mutation.path} does not contain the text to replace`);
        writeFileSync(path, text.replace(mutation.find, mutation.replace));
      }
      git('commit', '-q', '-am', spec.description);
      return {
        id: spec.id,
        language: spec.language,
        source: 'node_modules' as const,
        repository,
        baseRef: 'base',
        headRef: 'head',
        needed: spec.needed_context,
      };
    });
}
