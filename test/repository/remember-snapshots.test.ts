import { describe, expect, it } from 'vitest';
import { rememberSnapshots } from '../../src/repository/remember-snapshots.js';
import type { RepositoryReader, RepositorySnapshot } from '../../src/repository/repository-reader.js';

const HEAD = 'b'.repeat(40);

/** A reader that counts its loads and fails when told to. */
function countingReader(fail = false) {
  const calls: string[] = [];
  const reader: RepositoryReader = {
    async snapshot(commit) {
      calls.push(commit);
      if (fail) throw new Error('tarball download failed');
      return { commit, files: new Map(), read: async () => null } satisfies RepositorySnapshot;
    },
  };
  return { reader, calls };
}

describe('rememberSnapshots', () => {
  it('two stages ask for the head › the repository is loaded once, both get the same snapshot', async () => {
    const { reader, calls } = countingReader();
    const remembering = rememberSnapshots(reader);
    const [first, second] = await Promise.all([remembering.snapshot(HEAD), remembering.snapshot(HEAD)]);
    expect(first).toBe(second);
    expect(calls).toEqual([HEAD]);
  });

  it('the load failed › a later stage gets the same failure without a second download', async () => {
    const { reader, calls } = countingReader(true);
    const remembering = rememberSnapshots(reader);
    await expect(remembering.snapshot(HEAD)).rejects.toThrow('tarball download failed');
    await expect(remembering.snapshot(HEAD)).rejects.toThrow('tarball download failed');
    expect(calls).toEqual([HEAD]);
  });

  it('loaded › the snapshot once a stage loaded it; null before, and after a failed load', async () => {
    const ok = rememberSnapshots(countingReader().reader);
    expect(await ok.loaded(HEAD)).toBeNull();
    const snapshot = await ok.snapshot(HEAD);
    expect(await ok.loaded(HEAD)).toBe(snapshot);

    const failing = rememberSnapshots(countingReader(true).reader);
    await failing.snapshot(HEAD).catch(() => undefined);
    expect(await failing.loaded(HEAD)).toBeNull();
  });
});
