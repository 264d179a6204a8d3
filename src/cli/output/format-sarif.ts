import type { Category } from '../../config/repo-config-schema.js';
import type { Change, Finding, ReviewOutcome, Severity } from '../../review/types.js';
import { stripControlCharacters } from './strip-control-characters.js';

type Level = 'error' | 'warning' | 'note';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/apps/sift-review';
// Paths are relative to the repository root; a consumer maps %SRCROOT% to its checkout.
const SRCROOT = '%SRCROOT%';

const LEVELS: Record<Severity, Level> = { critical: 'error', major: 'warning', minor: 'note' };

/**
 * One rule per finding category. Maintainability and style default to `note`: they are the
 * nitpicks off by default (DEFAULT_CATEGORIES); each result still carries its own level.
 */
const RULES: Record<Category, { name: string; description: string; level: Level }> = {
  bug: {
    name: 'Bug',
    description: 'The change makes code behave wrongly for some input or state.',
    level: 'warning',
  },
  security: {
    name: 'Security',
    description: 'The change opens a vulnerability or weakens a security control.',
    level: 'warning',
  },
  performance: {
    name: 'Performance',
    description: 'The change does work that grows or repeats needlessly.',
    level: 'warning',
  },
  concurrency: {
    name: 'Concurrency',
    description: 'The change races, deadlocks or leaks a resource under concurrent use.',
    level: 'warning',
  },
  'api-contract': {
    name: 'ApiContract',
    description: 'The change breaks what callers, clients or stored data rely on.',
    level: 'warning',
  },
  maintainability: {
    name: 'Maintainability',
    description: 'The change makes the code hard to change correctly.',
    level: 'note',
  },
  style: { name: 'Style', description: "The change departs from the codebase's conventions.", level: 'note' },
};

/**
 * The review as a SARIF 2.1.0 log (OASIS, https://docs.oasis-open.org/sarif/sarif/v2.1.0/) for code
 * scanning and editors: one run, one rule per category used, one result per posted finding.
 *
 * - Findings on removed lines (side LEFT) name lines that do not exist in the reviewed version, so
 *   their location has no region; `properties.side` is "base" and `baseStartLine`/`baseEndLine`
 *   give the lines in the base commit (`run.properties.base`).
 * - A suggestion becomes a fix replacing whole lines. A region without columns covers its lines
 *   but not the final line break (§3.30.2), so the inserted text has none; an empty suggestion
 *   deletes the lines, line break included, by ending the region at column 1 of the next line.
 * - Failed review passes, a failed verifier and skipped files are tool execution notifications:
 *   the run succeeded, with less coverage.
 */
export function formatSarif(
  outcome: ReviewOutcome,
  change: Pick<Change, 'repository' | 'base' | 'head' | 'files'>,
  toolVersion: string,
): string {
  const findings = [...outcome.inline, ...outcome.summaryOnly];
  const categories = [...new Set(findings.map((finding) => finding.category))];
  const run = {
    tool: {
      driver: {
        name: 'Sift',
        version: toolVersion,
        informationUri: INFORMATION_URI,
        rules: categories.map((category) => ({
          id: category,
          name: RULES[category].name,
          shortDescription: { text: RULES[category].description },
          defaultConfiguration: { level: RULES[category].level },
        })),
      },
    },
    invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications(outcome) }],
    ...(/^https?:\/\//.test(change.repository.htmlUrl)
      ? {
          versionControlProvenance: [
            { repositoryUri: change.repository.htmlUrl, revisionId: change.head.sha },
          ],
        }
      : {}),
    results: findings.map((finding) => result(finding, categories.indexOf(finding.category), change)),
    properties: { base: change.base.sha, head: change.head.sha },
  };
  return `${JSON.stringify({ $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] }, null, 2)}\n`;
}

function result(finding: Finding, ruleIndex: number, change: Pick<Change, 'files'>) {
  const artifactLocation = { uri: uriOf(finding.path), uriBaseId: SRCROOT };
  const onHead = finding.side === 'RIGHT';
  const region = { startLine: finding.startLine, endLine: finding.endLine };
  const basePath = change.files.find((file) => file.path === finding.path)?.previousPath ?? null;
  return {
    ruleId: finding.category,
    ruleIndex,
    level: LEVELS[finding.severity],
    message: { text: plain(`${finding.title}\n\n${finding.body}`) },
    locations: [{ physicalLocation: onHead ? { artifactLocation, region } : { artifactLocation } }],
    partialFingerprints: { 'sift/v1': finding.fingerprint },
    // SARIF's rank orders results by priority on 0–100 (§3.27.27); confidence is how Sift orders them.
    rank: Math.round(finding.confidence * 1000) / 10,
    ...(onHead && finding.suggestion !== null
      ? { fixes: [fix(finding, finding.suggestion, artifactLocation)] }
      : {}),
    properties: {
      confidence: finding.confidence,
      votes: finding.votes,
      verdict: finding.verdict,
      severity: finding.severity,
      ...(onHead
        ? {}
        : {
            side: 'base',
            baseStartLine: finding.startLine,
            baseEndLine: finding.endLine,
            ...(basePath ? { basePath } : {}),
          }),
    },
  };
}

function fix(finding: Finding, suggestion: string, artifactLocation: { uri: string; uriBaseId: string }) {
  const lines =
    finding.startLine === finding.endLine
      ? `line ${finding.startLine}`
      : `lines ${finding.startLine}–${finding.endLine}`;
  const replacement =
    suggestion === ''
      ? {
          deletedRegion: {
            startLine: finding.startLine,
            startColumn: 1,
            endLine: finding.endLine + 1,
            endColumn: 1,
          },
        }
      : {
          deletedRegion: { startLine: finding.startLine, endLine: finding.endLine },
          insertedContent: { text: suggestion.replace(/\r?\n$/, '') },
        };
  return {
    description: {
      text: suggestion === '' ? `Delete ${lines}.` : `Replace ${lines} with Sift's suggestion.`,
    },
    artifactChanges: [{ artifactLocation, replacements: [replacement] }],
  };
}

function notifications(outcome: ReviewOutcome) {
  return [
    ...outcome.passes.failed.map((failure) => ({
      level: 'warning' as const,
      message: {
        text: plain(
          `Review pass ${failure.pass} failed: ${sentence(failure.reason)} The review went on without it.`,
        ),
      },
    })),
    ...outcome.verifierFailures.map((reason) => ({
      level: 'warning' as const,
      message: {
        text: plain(`Verification failed: ${sentence(reason)} Findings were scored on agreement alone.`),
      },
    })),
    ...outcome.skippedFiles.map((file) => ({
      level: 'note' as const,
      message: { text: plain(`Not reviewed: ${sentence(file.reason)}`) },
      locations: [{ physicalLocation: { artifactLocation: { uri: uriOf(file.path), uriBaseId: SRCROOT } } }],
    })),
  ];
}

/** A repository path as a relative URI reference: each segment percent-encoded, so `a b.ts` is `a%20b.ts`. */
function uriOf(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** Model and error text as plain text a viewer can show safely. */
function plain(text: string): string {
  return stripControlCharacters(text).trim();
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
