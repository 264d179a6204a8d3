import { describe, expect, it } from 'vitest';
import { parseReviewCommand, type ReviewCommand } from '../../src/commands/parse-review-command.js';

describe('parseReviewCommand', () => {
  describe('a comment that is only the command', () => {
    it.each<[string, string, ReviewCommand]>([
      ['no argument', '/review', { kind: 'review', scope: 'new' }],
      ['full', '/review full', { kind: 'review', scope: 'full' }],
      ['config', '/review config', { kind: 'config' }],
      ['stats', '/review stats', { kind: 'stats' }],
      ['help', '/review help', { kind: 'help', unknown: null }],
      ['learnings', '/review learnings', { kind: 'learnings' }],
      ['forget an id', '/review forget 3f9a1c7', { kind: 'forget', id: '3f9a1c7' }],
      ['forget an id quoted as code', '/review forget `3f9a1c7`', { kind: 'forget', id: '3f9a1c7' }],
      ['a recursive glob', '/review src/**/*.ts', { kind: 'review', scope: 'paths', glob: 'src/**/*.ts' }],
      ['an extension glob', '/review *.py', { kind: 'review', scope: 'paths', glob: '*.py' }],
      ['a folder', '/review docs/', { kind: 'review', scope: 'paths', glob: 'docs/' }],
      ['a brace set', '/review {a,b}/*.go', { kind: 'review', scope: 'paths', glob: '{a,b}/*.go' }],
      ['a single file', '/review src/stock.ts', { kind: 'review', scope: 'paths', glob: 'src/stock.ts' }],
      ['leading spaces', '   /review full', { kind: 'review', scope: 'full' }],
      ['a tab before the argument', '/review\tstats', { kind: 'stats' }],
      ['trailing spaces', '/review full   ', { kind: 'review', scope: 'full' }],
    ])('%s › %j', (_, body, expected) => {
      expect(parseReviewCommand(body)).toEqual(expected);
    });
  });

  describe('an argument Sift does not understand', () => {
    it.each<[string, string, string]>([
      ['a word', '/review everything', 'everything'],
      ['a known word with a capital', '/review Full', 'Full'],
      ['a known word followed by more', '/review full please', 'full please'],
      ['a glob with a space in it', '/review src/my folder/*.ts', 'src/my folder/*.ts'],
      ['an unterminated brace set', '/review src/**/*.{ts', 'src/**/*.{ts'],
      ['a character range out of order', '/review src/[z-a].ts', 'src/[z-a].ts'],
      ['a mention', '/review @octocat', '@octocat'],
      ['forget without an id', '/review forget', 'forget'],
      ['forget something that is not an id', '/review forget everything', 'forget everything'],
      ['forget an id in capitals', '/review forget 3F9A1C7', 'forget 3F9A1C7'],
      ['forget two ids', '/review forget 3f9a1c7 0c1d2e3', 'forget 3f9a1c7 0c1d2e3'],
    ])('%s › help naming the argument', (_, body, unknown) => {
      expect(parseReviewCommand(body)).toEqual({ kind: 'help', unknown });
    });

    it('an over-long glob › help, the argument cut to 80 characters', () => {
      const glob = `src/${'inventory-reconciliation/'.repeat(10)}**/*.ts`;
      expect(glob.length).toBeGreaterThan(200);
      expect(parseReviewCommand(`/review ${glob}`)).toEqual({ kind: 'help', unknown: glob.slice(0, 80) });
    });

    it('a glob of exactly 200 characters › still a glob', () => {
      const glob = `src/${'a'.repeat(191)}/*.ts`;
      expect(glob).toHaveLength(200);
      expect(parseReviewCommand(`/review ${glob}`)).toEqual({ kind: 'review', scope: 'paths', glob });
    });
  });

  describe('a command inside a longer comment', () => {
    it('on a later line, after some prose › found', () => {
      const body = [
        'Thanks for the quick fixes, the reservation logic reads much better now.',
        '',
        '/review full',
        '',
        'Also cc @acme/inventory-team for the pricing part.',
      ].join('\n');
      expect(parseReviewCommand(body)).toEqual({ kind: 'review', scope: 'full' });
    });

    it('with CRLF line endings (comments written on Windows) › found, argument intact', () => {
      expect(parseReviewCommand('LGTM after the rename.\r\n\r\n/review src/format/**\r\n')).toEqual({
        kind: 'review',
        scope: 'paths',
        glob: 'src/format/**',
      });
    });

    it('two commands › only the first counts', () => {
      expect(parseReviewCommand('/review stats\n/review full')).toEqual({ kind: 'stats' });
    });

    it('quoting an earlier command, then a command of its own › the quote is skipped', () => {
      const body = '> /review full\n\nThat one failed for me, trying again with a glob:\n/review src/**';
      expect(parseReviewCommand(body)).toEqual({ kind: 'review', scope: 'paths', glob: 'src/**' });
    });

    it('a command after a closed code block › found', () => {
      const body = ['```sh', '/review full', '```', '/review stats'].join('\n');
      expect(parseReviewCommand(body)).toEqual({ kind: 'stats' });
    });
  });

  describe('no command', () => {
    it.each([
      ['a quoted command', '> /review full'],
      ['a quoted command with leading spaces', '  > /review'],
      ['a command in a backtick code block', 'To ask again, comment:\n```\n/review full\n```'],
      ['a command in a tilde code block', '~~~markdown\n/review\n~~~'],
      ['a command in an unclosed code block', 'Example:\n```\n/review'],
      ['/reviewer, another word', '/reviewer please take a look'],
      ['/reviews', '/reviews'],
      ['the command mid-sentence', 'Could you /review this again?'],
      ['the command in inline code', 'Comment `/review full` to review again.'],
      ['an empty comment', ''],
      ['a comment without any command', 'Looks good to me, merging after CI.'],
    ])('%s › null', (_, body) => {
      expect(parseReviewCommand(body)).toBeNull();
    });
  });
});
