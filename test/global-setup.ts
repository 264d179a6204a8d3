import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const BUILD_STAMP = join(ROOT, 'dist', 'main.js');

/**
 * Once per test run, before any test file: build dist/ when the sources are newer than it (the
 * tests that start Sift as a process run the built server, as `npm start` does, without building
 * it again each time), and give the run its own temp directory, so that whatever a test or a
 * process it starts leaves behind is found and reported at the end.
 */
export function setup(): () => void {
  if (isStale()) execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  const runTemp = mkdtempSync(join(tmpdir(), 'sift-test-run-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = runTemp;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    const leftovers = readdirSync(runTemp);
    rmSync(runTemp, { recursive: true, force: true });
    if (leftovers.length > 0) {
      throw new Error(
        `the test run left ${leftovers.length} entries in the temp directory (clean up with makeTempDir or in afterEach): ${leftovers.slice(0, 20).join(', ')}`,
      );
    }
  };
}

function isStale(): boolean {
  if (!existsSync(BUILD_STAMP)) return true;
  const built = statSync(BUILD_STAMP).mtimeMs;
  return newestMtime(join(ROOT, 'src')) > built || newestMtime(join(ROOT, 'package.json')) > built;
}

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}
