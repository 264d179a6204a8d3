import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildConfigJsonSchema } from '../../src/config/build-config-json-schema.js';
import { repoConfigSchema } from '../../src/config/repo-config-schema.js';
import { PACKAGE_ROOT } from '../../src/package-root.js';

const COMMITTED = join(PACKAGE_ROOT, 'schema', 'sift.schema.json');

describe('schema/sift.schema.json', () => {
  it('is what `npm run schema` generates from repoConfigSchema', () => {
    const committed = readFileSync(COMMITTED, 'utf8');
    // A plain equality, not a snapshot: `vitest -u` must not be able to paper over a stale file.
    if (committed !== buildConfigJsonSchema()) {
      expect.fail(
        'schema/sift.schema.json is out of date with src/config/repo-config-schema.ts: run `npm run schema` and commit the result',
      );
    }
  });

  describe('the generated schema', () => {
    const schema = JSON.parse(buildConfigJsonSchema()) as {
      $schema: string;
      required?: string[];
      additionalProperties: boolean;
      properties: Record<string, { default?: unknown; description?: string }>;
    };

    it('is pretty-printed with two spaces and ends with a newline', () => {
      const text = buildConfigJsonSchema();
      expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    });

    it('is draft 2020-12 and rejects unknown keys, as Sift reports them', () => {
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.additionalProperties).toBe(false);
    });

    it('requires no key, since an empty file is valid', () => {
      expect(schema.required ?? []).toEqual([]);
    });

    it('allows the `_extends` key the config plugin reads before Sift sees the file, and every setting', () => {
      expect(Object.keys(schema.properties)).toEqual(['_extends', ...Object.keys(repoConfigSchema.shape)]);
    });

    it('describes every key and shows the defaults an editor can offer', () => {
      for (const [key, property] of Object.entries(schema.properties)) {
        expect(property.description, key).toBeTruthy();
      }
      expect(schema.properties.maxComments?.default).toBe(5);
      expect(schema.properties.categories?.default).toEqual([
        'bug',
        'security',
        'performance',
        'concurrency',
        'api-contract',
      ]);
    });
  });
});
