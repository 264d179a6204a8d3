import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV_TABLE_END, ENV_TABLE_START, textBetween } from '../../scripts/replace-between.js';
import { ENV_DOCS, envSchema } from '../../src/config/env-schema.js';
import { renderEnvExample, renderEnvTable } from '../../src/config/render-env-docs.js';

const ROOT = join(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** A Markdown table's cells, row by row, however the formatter padded them. */
function cellsOf(table: string): string[][] {
  return table
    .trim()
    .split('\n')
    .map((row) => row.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/^-+$/, '---')));
}

describe('the documented environment', () => {
  it('the README table is the one generated from the env schema (run `npm run docs:env`)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(cellsOf(textBetween(readme, ENV_TABLE_START, ENV_TABLE_END) ?? '')).toEqual(
      cellsOf(renderEnvTable()),
    );
  });

  it('.env.example is the one generated from the env schema (run `npm run docs:env`)', () => {
    expect(readFileSync(join(ROOT, '.env.example'), 'utf8')).toBe(renderEnvExample());
  });

  it('every variable the schema parses is documented, and nothing else is', () => {
    expect(Object.keys(ENV_DOCS).sort()).toEqual(Object.keys(envSchema.shape).sort());
  });

  it('every variable named in the source is in the schema', () => {
    const named = new Set<string>();
    for (const file of sourceFiles(join(ROOT, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\benv\.([A-Z][A-Z0-9_]+)\b/g)) named.add(match[1] ?? '');
      for (const match of text.matchAll(/\bvalues\.([A-Z][A-Z0-9_]+)\b/g)) named.add(match[1] ?? '');
    }
    // NO_COLOR is the cross-tool convention (https://no-color.org) the CLI honours, documented with it.
    const undocumented = [...named].filter((name) => !(name in ENV_DOCS) && name !== 'NO_COLOR');
    expect(undocumented).toEqual([]);
  });

  it('only src/config and the entry points read process.env', () => {
    const readers = sourceFiles(join(ROOT, 'src'))
      .filter((file) => readFileSync(file, 'utf8').includes('process.env'))
      .map((file) => file.slice(ROOT.length + 1))
      .filter((file) => !file.startsWith('src/config/'));
    expect(readers.sort()).toEqual(['src/action/main.ts', 'src/cli/main.ts', 'src/run-server.ts']);
  });
});
