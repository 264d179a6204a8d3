import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ACTION_DIR, buildActionBundle, NOT_IN_THE_ACTION, ROOT } from '../../scripts/action-bundle.js';
import { ACTION_INPUTS } from '../../src/config/action-inputs.js';
import { makeTempDir } from '../support/temp-dir.js';

/** Every file of a folder, by its path inside it. */
function filesOf(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesOf(dir, join(prefix, entry.name)) : [join(prefix, entry.name)],
  );
}

// The bundle carries its whole dependency tree; past this, something big came in by accident.
const MAX_BUNDLE_BYTES = 6 << 20;

describe('the committed Action (dist-action/)', () => {
  it('is what `npm run build:action` builds from the sources now (rebuild and commit it when this fails)', async () => {
    const fresh = makeTempDir('sift-action-build-');
    const metafile = await buildActionBundle(fresh);

    expect(filesOf(ACTION_DIR).sort()).toEqual(filesOf(fresh).sort());
    const bundle = readFileSync(join(ACTION_DIR, 'index.js'));
    expect(bundle.equals(readFileSync(join(fresh, 'index.js')))).toBe(true);
    for (const file of filesOf(fresh)) {
      if (file === 'index.js') continue;
      // gzip's bytes depend on the zlib that wrote them; what they unpack to must not.
      const unpack = (dir: string) => {
        const bytes = readFileSync(join(dir, file));
        return file.endsWith('.gz') ? gunzipSync(bytes) : bytes;
      };
      expect(unpack(ACTION_DIR).equals(unpack(fresh)), file).toBe(true);
    }
    // The Action has no store and no queue.
    const bundled = Object.keys(metafile.inputs);
    for (const name of NOT_IN_THE_ACTION)
      expect(bundled.filter((input) => input.includes(`/${name}/`))).toEqual([]);
  }, 120_000);

  it('stays a reasonable size', () => {
    expect(statSync(join(ACTION_DIR, 'index.js')).size).toBeLessThan(MAX_BUNDLE_BYTES);
  });

  it('is what action.yml runs, on Node 20, with every input the Action reads and their defaults', () => {
    const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { default?: string; description?: string }>;
      outputs: Record<string, unknown>;
      runs: { using: string; main: string };
    };
    expect(action.runs).toEqual({ using: 'node20', main: 'dist-action/index.js' });
    expect(
      Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default])),
    ).toEqual(
      Object.fromEntries(Object.entries(ACTION_INPUTS).map(([name, input]) => [name, input.default])),
    );
    for (const input of Object.values(action.inputs)) expect(input.description).toBeTruthy();
    expect(Object.keys(action.outputs).sort()).toEqual(['findings', 'held-back', 'result', 'sarif-file']);
  });
});
