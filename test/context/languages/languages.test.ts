import { describe, expect, it } from 'vitest';
import { detectLanguage, LANGUAGE_IDS, type LanguageId } from '../../../src/context/languages.js';
import { loadLanguage } from '../../../src/context/load-language.js';
import { summarizeFile } from '../../../src/context/summarize-file.js';
import { definitionRows } from './summary-rows.js';

// The capture names summarize-file.ts and find-calls.ts read (queries/README.md); anything else
// is a typo that would silently drop what it captures.
const CAPTURE_NAME =
  /^(definition\.(function|method|class|interface|type|enum|constant|variable|module)|name|reference\.call|import(\.(source|name|alias|namespace|clause))?|reexport|_.+)$/;

describe('loadLanguage', () => {
  describe.each(LANGUAGE_IDS)('%s', (id) => {
    it('compiles a symbol query and a reference query for the grammar', async () => {
      const { symbolQuery, referenceQuery } = await loadLanguage(id);
      expect(symbolQuery.patternCount()).toBeGreaterThan(0);
      expect(referenceQuery.patternCount()).toBeGreaterThan(0);
    });

    it('captures only names of the convention, references only in the reference query', async () => {
      const { symbolQuery, referenceQuery } = await loadLanguage(id);
      const names = [...symbolQuery.captureNames, ...referenceQuery.captureNames];
      expect(names.filter((name) => !CAPTURE_NAME.test(name))).toEqual([]);
      expect(symbolQuery.captureNames.filter((name) => name.startsWith('reference.'))).toEqual([]);
    });
  });
});

describe('summarizeFile', () => {
  describe('with a syntax error in the first of two functions', () => {
    it.each<{ language: LanguageId; source: string[]; definitions: string[] }>([
      {
        language: 'typescript',
        source: [
          'export function parseConfig(text: string): Config {',
          "  const lines = text.split('\\n');",
          '  return { lines: lines.map((l) => l.trim() };',
          '}',
          '',
          'export function formatConfig(config: Config): string {',
          "  return config.lines.join('\\n');",
          '}',
        ],
        definitions: ['function parseConfig 1-4', 'function formatConfig 6-8'],
      },
      {
        language: 'go',
        source: [
          'package store',
          '',
          'func (s *Store) Get(key string) (string, error) {',
          '\tv, ok := s.items[key',
          '\treturn v, nil',
          '}',
          '',
          'func (s *Store) Put(key, value string) {',
          '\ts.items[key] = value',
          '}',
        ],
        definitions: ['method Get 3-6', 'method Put 8-10'],
      },
      {
        language: 'rust',
        source: [
          'impl Store {',
          '    pub fn get(&self, key: &str) -> Option<&str> {',
          '        self.items.get(key).map(|v| v.as_str()',
          '    }',
          '',
          '    pub fn put(&mut self, key: String, value: String) {',
          '        self.items.insert(key, value);',
          '    }',
          '}',
        ],
        definitions: ['method get 2-4', 'method put 6-8'],
      },
      {
        language: 'java',
        source: [
          'public class Parser {',
          '    public Node parse(String text) {',
          '        return new Node(text.strip();',
          '    }',
          '',
          '    public void reset() {',
          '        buffer.clear();',
          '    }',
          '}',
        ],
        definitions: ['class Parser 1-9', 'method parse 2-4', 'method reset 6-8'],
      },
      {
        language: 'c',
        source: [
          'static int parse_header(const char *line, struct header *out)',
          '{',
          '\tout->len = strlen(line)',
          '\treturn 0;',
          '}',
          '',
          'void free_header(struct header *h)',
          '{',
          '\tfree(h->name);',
          '}',
        ],
        definitions: ['function parse_header 1-5', 'function free_header 7-10'],
      },
    ])(
      '$language › still defines both, flagged as best effort',
      async ({ language, source, definitions }) => {
        const summary = await summarizeFile(source.join('\n'), language);
        expect(summary.hasErrors).toBe(true);
        expect(definitionRows(summary)).toEqual(definitions);
      },
    );
  });
});

describe('detectLanguage', () => {
  it.each<[string, LanguageId | null]>([
    ['src/context/summarize-file.ts', 'typescript'],
    ['scripts/build.mts', 'typescript'],
    ['config/jest.config.cts', 'typescript'],
    ['web/src/App.tsx', 'tsx'],
    ['index.js', 'javascript'],
    ['vite.config.mjs', 'javascript'],
    ['.eslintrc.cjs', 'javascript'],
    ['eslint.config.cjs', 'javascript'],
    ['src/Button.jsx', 'javascript'],
    ['app/tasks.py', 'python'],
    ['stubs/requests/__init__.pyi', 'python'],
    ['internal/router/router.go', 'go'],
    ['src/main/java/com/example/OrderService.java', 'java'],
    ['crates/cache/src/lib.rs', 'rust'],
    ['src/Billing/InvoiceService.cs', 'csharp'],
    ['app/models/subscription.rb', 'ruby'],
    ['lib/tasks/billing.rake', 'ruby'],
    ['Rakefile', 'ruby'],
    ['services/api/Gemfile', 'ruby'],
    ['app/Http/Controllers/InvoiceController.php', 'php'],
    ['src/strbuf.c', 'c'],
    ['src/strbuf.h', 'cpp'],
    ['src/lru_cache.cc', 'cpp'],
    ['src/main.cpp', 'cpp'],
    ['src/util.cxx', 'cpp'],
    ['include/cache/lru_cache.hpp', 'cpp'],
    ['include/util.hh', 'cpp'],
    ['include/util.hxx', 'cpp'],
    ['LEGACY/MAIN.C', 'c'],
    ['src/Widget.TSX', 'tsx'],
    ['README.md', null],
    ['Makefile', null],
    ['Gemfile.lock', null],
    ['.gitignore', null],
    ['src/v1.2/notes', null],
    ['docs/diagram.svg', null],
  ])('%s › %s', (path, expected) => {
    expect(detectLanguage(path)).toBe(expected);
  });
});
