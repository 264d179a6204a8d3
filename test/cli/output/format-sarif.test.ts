import { describe, expect, it } from 'vitest';
import { formatSarif } from '../../../src/cli/output/format-sarif.js';
import type { Change, Finding, ReviewOutcome } from '../../../src/review/types.js';
import { checkSarifShape } from './check-sarif-shape.js';
import { change, finding, outcome, removedAdminCheck, renamedField } from './sample-review.js';

/** The parts of a SARIF log these tests read. */
interface Log {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: Rule[] } };
    invocations: {
      executionSuccessful: boolean;
      toolExecutionNotifications: { level: string; message: { text: string } }[];
    }[];
    versionControlProvenance?: { repositoryUri: string; revisionId: string }[];
    results: Result[];
    properties: Record<string, unknown>;
  }[];
}
interface Rule {
  id: string;
  shortDescription: { text: string };
  defaultConfiguration: { level: string };
}
interface Result {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: {
    physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region?: unknown };
  }[];
  partialFingerprints: Record<string, string>;
  fixes?: {
    artifactChanges: {
      artifactLocation: unknown;
      replacements: { deletedRegion: unknown; insertedContent?: { text: string } }[];
    }[];
  }[];
  properties: Record<string, unknown>;
}

const sarif = (review: ReviewOutcome = outcome, reviewed: Change = change): Log =>
  JSON.parse(formatSarif(review, reviewed, '0.1.0')) as Log;
const runOf = (review?: ReviewOutcome, reviewed?: Change) => {
  const [run] = sarif(review, reviewed).runs;
  if (!run) throw new Error('no run');
  return run;
};
const resultOf = (posted: Finding): Result => {
  const [result] = runOf({ ...outcome, inline: [posted], summaryOnly: [] }).results;
  if (!result) throw new Error('no result');
  return result;
};

describe('formatSarif', () => {
  describe('the log as a whole', () => {
    it('has what SARIF 2.1.0 requires: version, one run, a named driver, a message on every result', () => {
      const log = sarif();
      expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
      expect(log.version).toBe('2.1.0');
      expect(log.runs).toHaveLength(1);
      expect(log.runs[0]?.tool.driver).toMatchObject({
        name: 'Sift',
        version: '0.1.0',
        informationUri: 'https://github.com/apps/sift-review',
      });
      expect(log.runs[0]?.results.map((result) => result.message.text.length > 0)).toEqual([
        true,
        true,
        true,
      ]);
    });

    it.each<[string, ReviewOutcome, Change]>([
      ['the sample review', outcome, change],
      ['a review with nothing posted', { ...outcome, inline: [], summaryOnly: [], skippedFiles: [] }, change],
      ['an empty suggestion (a deletion)', { ...outcome, inline: [finding({ suggestion: '' })] }, change],
      [
        'a removed line of a renamed file, a verifier failure, a local repository',
        {
          ...outcome,
          inline: [],
          summaryOnly: [{ ...renamedField, side: 'LEFT' }],
          verifierFailures: ['timed out'],
        },
        { ...change, repository: { owner: '', repo: 'inventory', htmlUrl: 'file:///home/ada/inventory' } },
      ],
    ])('%s › conforms to the SARIF 2.1.0 schema definitions it uses', (_, review, reviewed) => {
      expect(checkSarifShape(JSON.parse(formatSarif(review, reviewed, '0.1.0')))).toEqual([]);
    });

    it('the shape checker itself › catches what the schema forbids', () => {
      const log = sarif();
      const broken = JSON.parse(JSON.stringify(log)) as Log & {
        runs: { results: Record<string, unknown>[] }[];
      };
      const result = broken.runs[0]?.results[0] as Record<string, unknown>;
      delete result.message;
      result.confidence = 0.86;
      expect(checkSarifShape(broken)).toEqual([
        '$.runs[0].results[0]: message is required',
        '$.runs[0].results[0]: result has no property confidence',
      ]);
    });

    it('is JSON with a 2-space indent and a trailing newline', () => {
      const text = formatSarif(outcome, change, '0.1.0');
      expect(text.startsWith('{\n  "$schema"')).toBe(true);
      expect(text.endsWith('}\n')).toBe(true);
    });
  });

  describe('rules', () => {
    it('one per category used, in order of first use; each result points at its own', () => {
      const run = runOf();
      expect(run.tool.driver.rules.map((rule) => [rule.id, rule.defaultConfiguration.level])).toEqual([
        ['bug', 'warning'],
        ['security', 'warning'],
        ['api-contract', 'warning'],
      ]);
      for (const result of run.results)
        expect(run.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
      expect(run.results.map((result) => result.ruleId)).toEqual(['bug', 'security', 'api-contract']);
    });

    it('two findings of one category › one rule', () => {
      const run = runOf({
        ...outcome,
        inline: [finding(), finding({ fingerprint: 'other' })],
        summaryOnly: [],
      });
      expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual(['bug']);
      expect(run.results.map((result) => result.ruleIndex)).toEqual([0, 0]);
    });

    it('maintainability and style, the nitpicks off by default › note', () => {
      const run = runOf({
        ...outcome,
        inline: [finding({ category: 'maintainability' }), finding({ category: 'style' })],
        summaryOnly: [],
      });
      expect(run.tool.driver.rules.map((rule) => rule.defaultConfiguration.level)).toEqual(['note', 'note']);
    });
  });

  describe('a result', () => {
    it.each([
      ['critical', 'error'],
      ['major', 'warning'],
      ['minor', 'note'],
    ] as const)('of a %s finding › level %s', (severity, level) => {
      expect(resultOf(finding({ severity })).level).toBe(level);
    });

    it('on added lines › the file relative to %SRCROOT%, the lines as a region, the fingerprint and scores', () => {
      const result = resultOf(finding());
      expect(result.locations).toEqual([
        {
          physicalLocation: {
            artifactLocation: { uri: 'inventory/reservations.py', uriBaseId: '%SRCROOT%' },
            region: { startLine: 42, endLine: 43 },
          },
        },
      ]);
      expect(result.partialFingerprints).toEqual({ 'sift/v1': 'a41f09c2d87e5b13' });
      expect(result.properties).toEqual({
        confidence: 0.86,
        votes: 3,
        verdict: 'confirmed',
        severity: 'major',
      });
      expect(result).toMatchObject({ rank: 86 });
    });

    it('on removed lines › no region (the lines are not in the reviewed version); the base lines in properties', () => {
      const result = resultOf(removedAdminCheck);
      expect(result.locations).toEqual([
        { physicalLocation: { artifactLocation: { uri: 'inventory/api/items.py', uriBaseId: '%SRCROOT%' } } },
      ]);
      expect(result.properties).toEqual({
        confidence: 0.93,
        votes: 3,
        verdict: 'confirmed',
        severity: 'critical',
        side: 'base',
        baseStartLine: 17,
        baseEndLine: 17,
      });
      expect(runOf().properties).toEqual({ base: change.base.sha, head: change.head.sha });
    });

    it('on removed lines of a renamed file › also the path in the base version', () => {
      expect(resultOf({ ...renamedField, side: 'LEFT' }).properties).toMatchObject({
        side: 'base',
        basePath: 'inventory/model.py',
      });
    });

    it('message › the title, a blank line and the body, as plain text without control characters', () => {
      const result = resultOf(
        finding({ title: 'Ask <b>now</b>\u001b[2J', body: 'It fails for `qty == 0`.\r\n' }),
      );
      expect(result.message).toEqual({ text: 'Ask <b>now</b>\n\nIt fails for `qty == 0`.' });
    });

    it('a path with spaces or non-ASCII characters › a percent-encoded relative URI with forward slashes', () => {
      const result = resultOf(finding({ path: 'docs/user guide/ümlaut#1.py' }));
      expect(result.locations[0]?.physicalLocation.artifactLocation.uri).toBe(
        'docs/user%20guide/%C3%BCmlaut%231.py',
      );
    });
  });

  describe('fixes', () => {
    it('a suggestion on added lines › replaces exactly those lines with it', () => {
      expect(resultOf(finding()).fixes).toEqual([
        {
          description: { text: "Replace lines 42–43 with Sift's suggestion." },
          artifactChanges: [
            {
              artifactLocation: { uri: 'inventory/reservations.py', uriBaseId: '%SRCROOT%' },
              replacements: [
                {
                  deletedRegion: { startLine: 42, endLine: 43 },
                  insertedContent: {
                    text: '    if available < quantity:\n        raise OutOfStock(sku, available)',
                  },
                },
              ],
            },
          ],
        },
      ]);
    });

    it('a suggestion ending in a newline › inserted without it, as the region stops before the line break', () => {
      const [fix] = resultOf(finding({ suggestion: '    return total\n' })).fixes ?? [];
      expect(fix?.artifactChanges[0]?.replacements[0]?.insertedContent).toEqual({ text: '    return total' });
    });

    it('an empty suggestion › deletes the lines and their line break', () => {
      const [fix] = resultOf(finding({ suggestion: '' })).fixes ?? [];
      expect(fix?.artifactChanges[0]?.replacements).toEqual([
        { deletedRegion: { startLine: 42, startColumn: 1, endLine: 44, endColumn: 1 } },
      ]);
    });

    it.each([
      ['no suggestion', finding({ suggestion: null })],
      ['a suggestion on removed lines', { ...removedAdminCheck, suggestion: '@require_role("admin")' }],
    ])('%s › no fixes', (_, posted) => {
      expect(resultOf(posted)).not.toHaveProperty('fixes');
    });
  });

  describe('the run', () => {
    it('a failed pass and skipped files › tool execution notifications; the run still succeeded', () => {
      const [invocation] = runOf().invocations;
      expect(invocation?.executionSuccessful).toBe(true);
      expect(
        invocation?.toolExecutionNotifications.map(({ level, message }) => [level, message.text]),
      ).toEqual([
        [
          'warning',
          'Review pass concurrency-resources failed: The model did not answer in time. The review went on without it.',
        ],
        ['note', 'Not reviewed: lockfile.'],
        ['note', 'Not reviewed: binary file.'],
        ['note', 'Not reviewed: generated file.'],
      ]);
    });

    it.each([
      [
        'https://github.com/acme/inventory',
        [{ repositoryUri: 'https://github.com/acme/inventory', revisionId: change.head.sha }],
      ],
      ['file:///home/ada/inventory', undefined],
    ])('repository at %s › version control provenance %j', (htmlUrl, provenance) => {
      const run = runOf(outcome, { ...change, repository: { ...change.repository, htmlUrl } });
      expect(run.versionControlProvenance).toEqual(provenance);
    });
  });
});
