import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Query } from 'web-tree-sitter';
import { LANGUAGE_IDS } from '../../src/context/languages.js';
import { loadLanguage } from '../../src/context/load-language.js';
import { splitQueryPatterns } from '../../src/context/split-query-patterns.js';

const QUERIES = join(import.meta.dirname, '../../src/context/queries');

describe('splitQueryPatterns', () => {
  it.each<{ name: string; source: string; patterns: string[] }>([
    {
      name: 'one pattern per line, each with its trailing capture',
      source: [
        '(function_declaration name: (identifier) @name) @definition.function',
        '(class_declaration name: (type_identifier) @name) @definition.class',
      ].join('\n'),
      patterns: [
        '(function_declaration name: (identifier) @name) @definition.function',
        '(class_declaration name: (type_identifier) @name) @definition.class',
      ],
    },
    {
      name: 'a pattern over several lines stays whole',
      source: [
        '(lexical_declaration',
        '  (variable_declarator',
        '    name: (identifier) @name',
        '    value: [(arrow_function) (function_expression) (generator_function)])) @definition.function',
        '(enum_declaration name: (identifier) @name) @definition.enum',
      ].join('\n'),
      patterns: [
        [
          '(lexical_declaration',
          '  (variable_declarator',
          '    name: (identifier) @name',
          '    value: [(arrow_function) (function_expression) (generator_function)])) @definition.function',
        ].join('\n'),
        '(enum_declaration name: (identifier) @name) @definition.enum',
      ],
    },
    {
      name: 'comment lines before, between and after patterns are dropped',
      source: [
        '; Definitions',
        '(function_declaration name: (identifier) @name) @definition.function',
        '; Module-level constants only: locals inside functions (and their closures) are not part of any interface.',
        '(program (lexical_declaration (variable_declarator name: (identifier) @name)) @definition.constant)',
        '; trailing note',
      ].join('\n'),
      patterns: [
        '(function_declaration name: (identifier) @name) @definition.function',
        '(program (lexical_declaration (variable_declarator name: (identifier) @name)) @definition.constant)',
      ],
    },
    {
      name: 'a comment inside a pattern with an unbalanced parenthesis does not split it',
      source: [
        '(call_expression',
        '  ; a call like foo( without its closing parenthesis is still a call',
        '  function: (identifier) @name) @reference.call',
        '(new_expression constructor: (identifier) @name) @reference.call',
      ].join('\n'),
      patterns: [
        ['(call_expression', '  function: (identifier) @name) @reference.call'].join('\n'),
        '(new_expression constructor: (identifier) @name) @reference.call',
      ],
    },
    {
      name: 'strings holding parentheses, brackets, semicolons and escaped quotes do not count',
      source: [
        '((identifier) @_fn (#match? @_fn "^(require|import)\\\\($"))',
        '((string) @_s (#eq? @_s "\\")];"))',
        '(comment) @doc',
      ].join('\n'),
      patterns: [
        '((identifier) @_fn (#match? @_fn "^(require|import)\\\\($"))',
        '((string) @_s (#eq? @_s "\\")];"))',
        '(comment) @doc',
      ],
    },
    {
      name: 'predicates stay with the pattern they constrain',
      source: [
        '(call',
        '  !receiver',
        '  method: (identifier) @_require',
        '  arguments: (argument_list . (string . (string_content) @import.source .))',
        '  (#any-of? @_require "require" "require_relative")) @import',
        '(module) @definition.module',
      ].join('\n'),
      patterns: [
        [
          '(call',
          '  !receiver',
          '  method: (identifier) @_require',
          '  arguments: (argument_list . (string . (string_content) @import.source .))',
          '  (#any-of? @_require "require" "require_relative")) @import',
        ].join('\n'),
        '(module) @definition.module',
      ],
    },
    {
      name: 'a top-level alternation is a pattern of its own',
      source: [
        '[(function_item name: (identifier) @name) (function_signature_item name: (identifier) @name)] @definition.function',
        '(struct_item name: (type_identifier) @name) @definition.class',
      ].join('\n'),
      patterns: [
        '[(function_item name: (identifier) @name) (function_signature_item name: (identifier) @name)] @definition.function',
        '(struct_item name: (type_identifier) @name) @definition.class',
      ],
    },
    {
      name: 'a grouped sequence with a quantifier and an anchor is one pattern',
      source: [
        '((comment)+ @doc . (function_declaration name: (identifier) @name) @definition.function)',
        '(identifier)? @name',
      ].join('\n'),
      patterns: [
        '((comment)+ @doc . (function_declaration name: (identifier) @name) @definition.function)',
        '(identifier)? @name',
      ],
    },
    { name: 'only comments', source: '; nothing here yet\n; still nothing\n', patterns: [] },
    { name: 'an empty file', source: '', patterns: [] },
  ])('$name', ({ source, patterns }) => {
    expect(splitQueryPatterns(source)).toEqual(patterns);
  });

  // Each piece must be exactly one pattern, or the symbol and reference queries built from the
  // pieces would lose or duplicate patterns of the shipped query files.
  describe.each(LANGUAGE_IDS.filter((id) => id !== 'tsx'))('the shipped %s query', (id) => {
    it('splits into as many pieces as tree-sitter counts patterns, each compiling alone', async () => {
      const source = readFileSync(join(QUERIES, `${id}.scm`), 'utf8');
      const { parser } = await loadLanguage(id);
      const language = parser.language;
      if (!language) throw new Error(`no language loaded for ${id}`);
      const pieces = splitQueryPatterns(source);
      expect(pieces.length).toBe(new Query(language, source).patternCount());
      for (const piece of pieces) expect(new Query(language, piece).patternCount()).toBe(1);
    });
  });
});
