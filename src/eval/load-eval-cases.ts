import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { UsageError } from '../errors.js';
import { type EvalCase, evalCaseSchema } from './eval-case.js';

const run = promisify(execFile);

/** A labelled case and the way to get its repository: a two-commit git repository in a temporary folder. */
export interface LoadedEvalCase {
  readonly case: EvalCase;
  /** Creates the repository; `dispose` removes it. */
  materialize(): Promise<{ directory: string; baseRef: string; headRef: string; dispose(): Promise<void> }>;
}

/**
 * Reads the cases of a folder in the format of ../shared/eval: one folder per case with
 * `case.json` and either `repo.bundle` (branches base and head) or `base/` and `head/` folders
 * (the project's own dev cases under fixtures/eval). `ids` picks cases by id or folder name.
 */
export async function loadEvalCases(folder: string, ids: readonly string[] = []): Promise<LoadedEvalCase[]> {
  let entries: string[];
  try {
    entries = (await readdir(folder, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
  } catch {
    throw new UsageError(
      `[sift] cannot read the cases folder ${folder}: pass --cases <folder of case folders>`,
    );
  }
  const cases: LoadedEvalCase[] = [];
  for (const name of entries.sort()) {
    const dir = join(folder, name);
    const json = await readFile(join(dir, 'case.json'), 'utf8').catch(() => null);
    if (json === null) continue;
    const parsed = evalCaseSchema.safeParse(JSON.parse(json));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UsageError(
        `[sift] ${join(dir, 'case.json')} is not a valid case: ${issue?.path.join('.')} ${issue?.message}`,
      );
    }
    if (ids.length > 0 && !ids.includes(parsed.data.id) && !ids.includes(name)) continue;
    cases.push({ case: parsed.data, materialize: () => materialize(dir, parsed.data) });
  }
  const missing = ids.filter((id) => !cases.some((loaded) => loaded.case.id === id));
  if (missing.length > 0) throw new UsageError(`[sift] no case ${missing.join(', ')} in ${folder}`);
  return cases;
}

/**
 * The cases of several folders, as one run: `ids` picks among all of them, and a case id found in
 * two folders is an error rather than a case run twice.
 */
export async function loadEvalCaseFolders(
  folders: readonly string[],
  ids: readonly string[] = [],
): Promise<LoadedEvalCase[]> {
  if (folders.length === 1) return loadEvalCases(folders[0] ?? '', ids);
  const cases = (await Promise.all(folders.map((folder) => loadEvalCases(folder)))).flat();
  const seen = new Set<string>();
  for (const loaded of cases) {
    if (seen.has(loaded.case.id))
      throw new UsageError(`[sift] case ${loaded.case.id} is in more than one of ${folders.join(', ')}`);
    seen.add(loaded.case.id);
  }
  const picked = ids.length === 0 ? cases : cases.filter((loaded) => ids.includes(loaded.case.id));
  const missing = ids.filter((id) => !seen.has(id));
  if (missing.length > 0)
    throw new UsageError(`[sift] no case ${missing.join(', ')} in ${folders.join(', ')}`);
  return picked;
}

async function materialize(dir: string, evalCase: EvalCase) {
  const directory = await mkdtemp(join(tmpdir(), `sift-eval-${evalCase.id.slice(0, 40)}-`));
  const dispose = () => rm(directory, { recursive: true, force: true });
  const git = (...args: string[]) =>
    run('git', [
      '-C',
      directory,
      '-c',
      'user.name=sift eval',
      '-c',
      'user.email=eval@sift.invalid',
      '-c',
      'commit.gpgsign=false',
      ...args,
    ]);
  try {
    if (await exists(join(dir, 'repo.bundle'))) {
      await run('git', ['clone', '-q', join(dir, 'repo.bundle'), directory]);
      return {
        directory,
        baseRef: `origin/${evalCase.base_ref}`,
        headRef: `origin/${evalCase.head_ref}`,
        dispose,
      };
    }
    if (!(await exists(join(dir, 'base'))) || !(await exists(join(dir, 'head')))) {
      throw new UsageError(`[sift] case ${evalCase.id} has neither repo.bundle nor base/ and head/ folders`);
    }
    await git('init', '-q', '-b', 'base');
    await cp(join(dir, 'base'), directory, { recursive: true });
    await git('add', '-A');
    await git('commit', '-q', '--allow-empty', '-m', 'base');
    await git('checkout', '-q', '-b', 'head');
    for (const entry of await readdir(directory))
      if (entry !== '.git') await rm(join(directory, entry), { recursive: true });
    await cp(join(dir, 'head'), directory, { recursive: true });
    await git('add', '-A');
    await git('commit', '-q', '-m', evalCase.title);
    return { directory, baseRef: 'base', headRef: 'head', dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
