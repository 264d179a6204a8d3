import { describe, expect, it } from 'vitest';
import { type ExpectedFinding, evalCaseSchema } from '../../src/eval/eval-case.js';
import { matchFindings } from '../../src/eval/match-findings.js';
import type { Finding } from '../../src/review/types.js';
import { HAS_EVAL_CASES, readEvalCase } from '../support/eval-cases.js';
import { expectedFinding, finding } from './factories.js';

/** The one expected finding of a labelled case, as the harness reads it. */
function expectedOf(id: string): ExpectedFinding {
  const [expected] = evalCaseSchema.parse(readEvalCase(id).caseJson).expected;
  if (!expected) throw new Error(`${id} expects no finding`);
  return expected;
}

const MD_TREE = 'go__cobra__md-tree-buffered';
const COMMANDER_ERROR = 'javascript__commander__commandererror-args';
const CONFIRM = 'python__click__confirm-empty-answer';
const EACH = 'typescript__immer__each-callback-order';
const FILESIZE = 'python__jinja2__filesizeformat-scaled';
const TRUST_HOPS = 'javascript__express__trust-hops-named';

const closeLeak = {
  path: 'doc/md_docs.go',
  title: 'File created by os.Create is never closed',
  body: 'The `defer f.Close()` was removed, so each generated file leaks a descriptor.',
};
const swappedArguments = {
  path: 'lib/error.js',
  category: 'api-contract' as const,
  title: 'Constructor parameters reordered',
  body: '`new CommanderError(exitCode, code, message)` callers still pass the old order.',
};
const noneReturned = {
  path: 'click/termui.py',
  title: '`confirm()` can return None',
  body: 'An empty answer with no default no longer re-prompts.',
};
const swappedCallback = {
  path: 'src/utils/common.ts',
  category: 'api-contract' as const,
  severity: 'critical' as const,
  title: 'each() now passes (value, key)',
  body: 'Callers of `each` still take `iter(key, value)`.',
};

describe.runIf(HAS_EVAL_CASES)('matchFindings on labelled cases', () => {
  it('the labels are the ones these tables were written against', () => {
    const where = (id: string) => {
      const { path, side, start_line, end_line, category } = expectedOf(id);
      return [path, side, start_line, end_line, category];
    };
    expect([MD_TREE, COMMANDER_ERROR, CONFIRM, EACH, FILESIZE, TRUST_HOPS].map(where)).toEqual([
      ['doc/md_docs.go', 'right', 148, 148, 'bug'],
      ['lib/error.js', 'right', 11, 11, 'api-contract'],
      ['click/termui.py', 'right', 242, 243, 'bug'],
      ['src/utils/common.ts', 'right', 71, 81, 'api-contract'],
      ['jinja2/filters.py', 'right', 709, 709, 'bug'],
      ['lib/utils.js', 'right', 225, 225, 'security'],
    ]);
  });

  describe('one expected finding, one finding', () => {
    it.each<[string, string, Partial<Finding>, boolean]>([
      // go__cobra__md-tree-buffered: doc/md_docs.go:148, bug, names Close, Flush, GenMarkdownTreeCustom…
      ['on the line, naming f.Close()', MD_TREE, { ...closeLeak, startLine: 148, endLine: 148 }, true],
      ['3 lines below', MD_TREE, { ...closeLeak, startLine: 151, endLine: 151 }, true],
      ['3 lines above', MD_TREE, { ...closeLeak, startLine: 145, endLine: 145 }, true],
      ['4 lines below', MD_TREE, { ...closeLeak, startLine: 152, endLine: 152 }, false],
      ['4 lines above', MD_TREE, { ...closeLeak, startLine: 144, endLine: 144 }, false],
      [
        'a range ending 4 above but reaching in',
        MD_TREE,
        { ...closeLeak, startLine: 140, endLine: 146 },
        true,
      ],
      [
        'on the LEFT side (the base version)',
        MD_TREE,
        { ...closeLeak, side: 'LEFT', startLine: 148, endLine: 148 },
        false,
      ],
      [
        'in another file',
        MD_TREE,
        { ...closeLeak, path: 'doc/man_docs.go', startLine: 148, endLine: 148 },
        false,
      ],
      [
        'filed as performance',
        MD_TREE,
        { ...closeLeak, category: 'performance', startLine: 148, endLine: 148 },
        false,
      ],
      [
        'filed as concurrency (the defect family)',
        MD_TREE,
        { ...closeLeak, category: 'concurrency', startLine: 148, endLine: 148 },
        true,
      ],
      [
        'naming none of the note’s identifiers',
        MD_TREE,
        {
          ...closeLeak,
          title: 'File handle leaked',
          body: 'The file is never closed.',
          startLine: 148,
          endLine: 148,
        },
        false,
      ],
      [
        'naming one only inside a longer name',
        MD_TREE,
        {
          ...closeLeak,
          title: 'Leak',
          body: 'Wrap the file in an io.WriteCloser.',
          startLine: 148,
          endLine: 148,
        },
        false,
      ],
      [
        'naming GenMarkdownTreeCustom only',
        MD_TREE,
        {
          ...closeLeak,
          title: 'Leak in GenMarkdownTreeCustom',
          body: 'A descriptor per command.',
          startLine: 148,
          endLine: 148,
        },
        true,
      ],
      // javascript__commander__commandererror-args: lib/error.js:11, api-contract.
      [
        'on the line, naming CommanderError',
        COMMANDER_ERROR,
        { ...swappedArguments, startLine: 11, endLine: 11 },
        true,
      ],
      [
        'filed as a bug (same family)',
        COMMANDER_ERROR,
        { ...swappedArguments, category: 'bug', startLine: 11, endLine: 11 },
        true,
      ],
      [
        'filed as security',
        COMMANDER_ERROR,
        { ...swappedArguments, category: 'security', startLine: 11, endLine: 11 },
        false,
      ],
      [
        'filed as style',
        COMMANDER_ERROR,
        { ...swappedArguments, category: 'style', startLine: 11, endLine: 11 },
        false,
      ],
      [
        'naming only Command._exit',
        COMMANDER_ERROR,
        {
          ...swappedArguments,
          title: 'Callers break',
          body: '`Command._exit` passes the old order.',
          startLine: 11,
          endLine: 11,
        },
        true,
      ],
      [
        'naming only the files (not code)',
        COMMANDER_ERROR,
        {
          ...swappedArguments,
          title: 'Callers break',
          body: 'lib/command.js still uses the old order.',
          startLine: 11,
          endLine: 11,
        },
        false,
      ],
      ['a range ending 3 above', COMMANDER_ERROR, { ...swappedArguments, startLine: 5, endLine: 8 }, true],
      ['a range ending 4 above', COMMANDER_ERROR, { ...swappedArguments, startLine: 1, endLine: 7 }, false],
      // python__click__confirm-empty-answer: click/termui.py:242-243, names `default` and confirm().
      ['covering the range', CONFIRM, { ...noneReturned, startLine: 240, endLine: 246 }, true],
      ['starting 3 after the range ends', CONFIRM, { ...noneReturned, startLine: 246, endLine: 250 }, true],
      ['starting 4 after the range ends', CONFIRM, { ...noneReturned, startLine: 247, endLine: 250 }, false],
      [
        'naming only None (a literal, not an identifier)',
        CONFIRM,
        {
          ...noneReturned,
          title: 'Returns None',
          body: 'An empty answer returns None.',
          startLine: 242,
          endLine: 242,
        },
        false,
      ],
      [
        'naming `default`',
        CONFIRM,
        {
          ...noneReturned,
          title: 'Empty answer',
          body: 'With `default` unset the prompt no longer repeats.',
          startLine: 243,
          endLine: 243,
        },
        true,
      ],
      // typescript__immer__each-callback-order: src/utils/common.ts:71-81, api-contract critical.
      ['ending 3 before the range', EACH, { ...swappedCallback, startLine: 60, endLine: 68 }, true],
      ['ending 4 before the range', EACH, { ...swappedCallback, startLine: 60, endLine: 67 }, false],
      ['starting 3 after the range', EACH, { ...swappedCallback, startLine: 84, endLine: 90 }, true],
      ['starting 4 after the range', EACH, { ...swappedCallback, startLine: 85, endLine: 90 }, false],
      // python__jinja2__filesizeformat-scaled: jinja2/filters.py:709; the note names no identifier.
      [
        'any wording when the note names no code',
        FILESIZE,
        {
          path: 'jinja2/filters.py',
          title: 'Floor division drops the fraction',
          body: '1500 bytes shows as 1.0 kB.',
          startLine: 709,
          endLine: 709,
        },
        true,
      ],
      [
        'filed as performance when the note names no code',
        FILESIZE,
        {
          path: 'jinja2/filters.py',
          category: 'performance',
          title: 'Floor division',
          startLine: 709,
          endLine: 709,
        },
        false,
      ],
      // javascript__express__trust-hops-named: lib/utils.js:225, security; names `hops`, `val`, trust, proxy.
      [
        'filed as security, naming hops',
        TRUST_HOPS,
        {
          path: 'lib/utils.js',
          category: 'security',
          title: 'Off by one in `hops <= val`',
          startLine: 225,
          endLine: 225,
        },
        true,
      ],
      [
        'filed as a bug (another family)',
        TRUST_HOPS,
        {
          path: 'lib/utils.js',
          category: 'bug',
          title: 'Off by one in `hops <= val`',
          startLine: 225,
          endLine: 225,
        },
        false,
      ],
    ])('%s › %s › matched: %s', (_condition, id, overrides, matched) => {
      const expected = expectedOf(id);
      const reported = finding(overrides);
      expect(matchFindings([expected], [reported])).toEqual(matched ? [{ expected, finding: reported }] : []);
    });
  });

  describe('several candidates for one expected finding', () => {
    it('two findings for one defect › one match, the closer one', () => {
      const expected = expectedOf(MD_TREE);
      const near = finding({ ...closeLeak, startLine: 150, endLine: 150 });
      const onTheLine = finding({ ...closeLeak, startLine: 148, endLine: 148 });
      expect(matchFindings([expected], [near, onTheLine])).toEqual([{ expected, finding: onTheLine }]);
    });

    it('a wide range over the line and a tight one 2 lines off › the one over the line', () => {
      const expected = expectedOf(MD_TREE);
      const tight = finding({ ...closeLeak, startLine: 150, endLine: 150 });
      const wide = finding({ ...closeLeak, startLine: 120, endLine: 148 });
      expect(matchFindings([expected], [tight, wide])).toEqual([{ expected, finding: wide }]);
    });

    it('two ranges over the line › the one whose ends are nearer the expected range', () => {
      const expected = expectedOf(MD_TREE);
      const wide = finding({ ...closeLeak, startLine: 140, endLine: 160 });
      const tight = finding({ ...closeLeak, startLine: 148, endLine: 149 });
      expect(matchFindings([expected], [wide, tight])).toEqual([{ expected, finding: tight }]);
    });

    it('two findings equally close › one match, the first given', () => {
      const expected = expectedOf(MD_TREE);
      const below = finding({ ...closeLeak, startLine: 150, endLine: 150 });
      const above = finding({ ...closeLeak, startLine: 146, endLine: 146 });
      expect(matchFindings([expected], [below, above])).toEqual([{ expected, finding: below }]);
      expect(matchFindings([expected], [above, below])).toEqual([{ expected, finding: above }]);
    });

    it('two defects near one finding › one match, to the first defect', () => {
      const leak = expectedOf(MD_TREE);
      const flush = expectedFinding({
        path: 'doc/md_docs.go',
        start_line: 150,
        end_line: 150,
        note: 'The error of `w.Flush()` is ignored.',
      });
      const both = finding({
        ...closeLeak,
        body: `${closeLeak.body} And w.Flush() errors are ignored.`,
        startLine: 149,
        endLine: 149,
      });
      expect(matchFindings([leak, flush], [both])).toEqual([{ expected: leak, finding: both }]);
    });

    it('a greedy pairing would strand a defect › the augmenting path matches both', () => {
      const leak = expectedOf(MD_TREE);
      // Listed first, it takes the finding at 149 (closest) until the leak needs it.
      const flush = expectedFinding({
        path: 'doc/md_docs.go',
        start_line: 150,
        end_line: 150,
        note: 'The error of `w.Flush()` is ignored.',
      });
      const both = finding({
        ...closeLeak,
        body: `${closeLeak.body} And w.Flush() errors are ignored.`,
        startLine: 149,
        endLine: 149,
      });
      const flushOnly = finding({
        path: 'doc/md_docs.go',
        title: 'w.Flush() error dropped',
        startLine: 153,
        endLine: 153,
      });
      expect(matchFindings([flush, leak], [both, flushOnly])).toEqual([
        { expected: flush, finding: flushOnly },
        { expected: leak, finding: both },
      ]);
    });
  });
});

describe('matchFindings', () => {
  it('nothing expected › no match, whatever was posted', () => {
    expect(matchFindings([], [finding()])).toEqual([]);
  });

  it('nothing posted › no match', () => {
    expect(matchFindings([expectedFinding()], [])).toEqual([]);
  });

  it('a defect labelled on the left side › matches a LEFT finding only', () => {
    const removed = expectedFinding({ side: 'left', note: 'The removed `guard()` call was the only check.' });
    const left = finding({ side: 'LEFT', title: 'guard() removed' });
    const right = finding({ side: 'RIGHT', title: 'guard() removed' });
    expect(matchFindings([removed], [right, left])).toEqual([{ expected: removed, finding: left }]);
  });
});
