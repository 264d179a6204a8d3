import { describe, expect, it } from 'vitest';
import { evalCaseSchema } from '../../src/eval/eval-case.js';
import { noteIdentifiers } from '../../src/eval/note-identifiers.js';
import { HAS_EVAL_CASES, readEvalCase } from '../support/eval-cases.js';

function noteOf(id: string): string {
  return evalCaseSchema.parse(readEvalCase(id).caseJson).expected[0]?.note ?? '';
}

describe('noteIdentifiers', () => {
  describe.runIf(HAS_EVAL_CASES)('on the notes of the labelled cases', () => {
    it.each([
      // `defer` is a keyword, `f`, `w` and `os` too short; bufio.Writer gives both sides.
      [
        'go__cobra__md-tree-buffered',
        ['Close', 'bufio', 'Writer', 'Create', 'GenMarkdownTreeCustom', 'Flush'],
      ],
      // command.go is a file, not code; template.Must(t.Parse(...)) gives template, Must, Parse.
      [
        'go__cobra__template-func-alias',
        [
          'trimTrailingWhitespaces',
          'templateFuncs',
          'UsageTemplate',
          'HelpTemplate',
          'template',
          'Must',
          'Parse',
          'tmpl',
        ],
      ],
      // lib/error.js and lib/command.js are files; Command._exit gives Command and _exit.
      [
        'javascript__commander__commandererror-args',
        ['CommanderError', 'exitCode', 'Command', '_exit', '_executeSubCommand', 'err', 'code', 'message'],
      ],
      // `response` is the only name: `undefined` is a literal, a Promise is prose.
      ['javascript__undici__cachestorage-await', ['response']],
      // `default is not None`: keywords and literals go, the parameter stays.
      ['python__click__confirm-empty-answer', ['default', 'confirm']],
      // `//` and `.1f` name nothing: the rule on identifiers does not apply to this note.
      ['python__jinja2__filesizeformat-scaled', []],
      [
        'python__requests__select-proxy-no-proxy',
        ['select_proxy', 'no_proxy', 'HTTPAdapter', 'get_connection', 'request_url', 'TypeError'],
      ],
      // compile/validate/dataType.ts is a path even though dataType is camelCase; for...in is no member access.
      [
        'typescript__ajv__tohash-set',
        ['toHash', 'coerceAndCheckDataType', 'checkDataTypes', 'types', 'array', 'mergeEvaluated', 'props'],
      ],
    ])('%s › %j', (id, names) => {
      expect(noteIdentifiers(noteOf(id))).toEqual(names);
    });
  });

  it.each([
    ['nothing code-like', 'The loop stops one element early.', []],
    [
      'all-caps prose is emphasis, not a name',
      'The check is inverted: when the method IS listed, POST is retried.',
      [],
    ],
    ['PascalCase needs an inner capital', 'Promise, Version and ServeHTTP', ['ServeHTTP']],
    [
      'a name called with ( counts, a parenthesis after a space does not',
      'fresh() and trust (proxy)',
      ['fresh'],
    ],
    ['member access after a call', 'f.read().decode(enc)', ['read', 'decode']],
    ['short names and keywords inside backticks go', '`if (ok) return null`', []],
    ['a file name followed by ( is a call', 'res.json() and app.json', ['res', 'json']],
    ['numbers with letters hold no name', 'waits 2e3 ms, prints `.1f`', []],
    [
      'each name once, in order of first mention',
      '`total` then `count`, then `total` again',
      ['total', 'count'],
    ],
  ])('%s', (_condition, note, names) => {
    expect(noteIdentifiers(note)).toEqual(names);
  });
});
