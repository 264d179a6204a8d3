import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeConfigLayers } from '../../src/config/merge-config-layers.js';
import { parseRepoConfig } from '../../src/config/parse-repo-config.js';
import { repoConfigSchema } from '../../src/config/repo-config-schema.js';
import { resolveRepoConfig } from '../../src/config/resolve-repo-config.js';

const RUNS = { numRuns: 300 };
const LABEL = '.github/sift.yml';

// Pieces of `.github/sift.yml` as people (and attackers) write it: real keys and wrong ones, YAML
// syntax that nests, anchors, tags and merges, and values of every type.
// biome-ignore format: a table of fragments reads better packed
const FRAGMENTS = [
  'threshold', 'maxComments', 'categories', 'paths', 'ignore', 'instructions', 'ensemble', 'passes',
  'autoReview', 'drafts', 'onPush', 'bots', 'skipLabels', 'context', 'tokenBudget', 'budget',
  'maxTokens', 'maxModelCalls', '_extends', '__proto__', 'constructor', 'prototype', 'toString',
  ': ', ':', '\n', '\n  ', '\n    ', '- ', '[', ']', '{', '}', ',', '"', "'", '#', '|', '>', '&a ', '*a',
  '<<: *a', '!!str ', '!!binary ', '!!set ', '!!omap ', '!!int ', '!custom ', '? ', '---', '...', '%YAML 1.1',
  '0.7', '-1', '1e309', '.nan', '.inf', 'null', '~', 'true', 'yes', 'no', '0x10', '0o7', '12345678901234567890',
  'bug', 'security', '"**/*.snap"', 'docs/**', '\t', '\r\n', '\uFEFF', '\u0000', '\u202E', 'é',
];

const yamlish = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join(''));

/** A YAML mapping of real keys to values of any type, nested. */
const structured = fc
  .dictionary(
    fc.constantFrom('threshold', 'maxComments', 'categories', 'paths', 'autoReview', 'ensemble', 'unknown'),
    fc.jsonValue({ maxDepth: 3 }),
    { maxKeys: 6 },
  )
  .map((value) => JSON.stringify(value));

function expectUsable(loaded: ReturnType<typeof parseRepoConfig>): void {
  expect(repoConfigSchema.safeParse(loaded.config).success).toBe(true);
  for (const problem of loaded.problems) {
    expect(typeof problem.message).toBe('string');
    expect(problem.file).toBe(LABEL);
    expect(problem.line === null || (Number.isInteger(problem.line) && problem.line >= 1)).toBe(true);
  }
}

describe('configuration, for any bytes in .github/sift.yml', () => {
  it('parseRepoConfig never throws and always answers a usable configuration', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 400 }),
          fc.string({ unit: 'binary', maxLength: 300 }),
          yamlish,
          structured,
        ),
        (content) => expectUsable(parseRepoConfig(content, LABEL)),
      ),
      RUNS,
    );
  });

  it('resolveRepoConfig never throws for merged layers of any values, and reports what it dropped', () => {
    fc.assert(
      fc.property(fc.array(fc.anything({ maxDepth: 3 }), { maxLength: 3 }), (layers) => {
        const { config, problems } = resolveRepoConfig(mergeConfigLayers(layers));
        expect(repoConfigSchema.safeParse(config).success).toBe(true);
        for (const problem of problems) expect(typeof problem.key).toBe('string');
      }),
      RUNS,
    );
  });

  it('a valid key next to invalid ones › kept', () => {
    fc.assert(
      fc.property(yamlish, (noise) => {
        const loaded = parseRepoConfig(`threshold: 0.9\nnoise: ${JSON.stringify(noise)}\n`, LABEL);
        expect(loaded.config.threshold).toBe(0.9);
      }),
      RUNS,
    );
  });
});
