import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');

/** Every module of src/ with the src/ modules it imports (type-only imports included). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) {
        const text = readFileSync(path, 'utf8');
        const targets = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((match) =>
          relative(SRC, normalize(join(dirname(path), (match[1] ?? '').replace(/\.js$/, '.ts')))),
        );
        graph.set(relative(SRC, path), targets);
      }
    }
  };
  walk(SRC);
  return graph;
}

/**
 * Which parts of Sift may not know which: the pipeline sees only its ports, handlers only the
 * queue, and the engines below them nothing above. See design.md's layout.
 */
const RULES: ReadonlyArray<{ from: string; forbidden: readonly string[]; why: string }> = [
  {
    from: 'review/',
    forbidden: [
      'github/',
      'store/',
      'queue/',
      'jobs/',
      'handlers/',
      'server/',
      'app.ts',
      'run-server.ts',
      'llm/openai-model-client.ts',
      'llm/create-model-client.ts',
    ],
    why: 'the pipeline talks to the world through its ports only',
  },
  { from: 'handlers/', forbidden: ['github/', 'review/'], why: 'handlers only validate and enqueue' },
  {
    from: 'context/',
    forbidden: ['review/', 'jobs/', 'github/'],
    why: 'the context engine is below the pipeline',
  },
  { from: 'diff/', forbidden: ['review/', 'jobs/', 'github/'], why: 'diff parsing is below the pipeline' },
  { from: 'queue/', forbidden: ['github/', 'review/'], why: 'the queue knows jobs, not what they do' },
];

describe('import boundaries', () => {
  const graph = importGraph();

  it('finds the modules it checks (the walk works)', () => {
    expect(graph.get('jobs/review-job.ts')).toContain('review/review-change.ts');
  });

  it.each(RULES)('$from imports none of $forbidden: $why', ({ from, forbidden }) => {
    const crossings = [...graph]
      .filter(([module]) => module.startsWith(from))
      .flatMap(([module, targets]) =>
        targets
          .filter((target) => forbidden.some((part) => target === part || target.startsWith(part)))
          .map((target) => `${module} → ${target}`),
      );
    expect(crossings).toEqual([]);
  });
});
