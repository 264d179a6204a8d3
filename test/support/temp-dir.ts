import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const created = new Set<string>();

/**
 * A fresh folder in the OS temp directory, removed after the test file that made it finishes
 * (test/setup.ts calls removeTempDirs in afterAll). The suite's global setup checks that a run
 * leaves nothing behind.
 */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.add(dir);
  return dir;
}

/** Removes every folder makeTempDir made in this test file. */
export function removeTempDirs(): void {
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
  created.clear();
}
