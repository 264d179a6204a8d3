import { describe, expect, it } from 'vitest';
import { countOpenFindings } from '../../src/action/count-open-findings.js';
import type { PostedFinding, Severity } from '../../src/review/types.js';

const posted = (severity: Severity | undefined, isResolved = false) =>
  ({
    marker: { fingerprint: 'abcdef0123456789', ...(severity ? { severity } : {}) },
    isResolved,
  }) as PostedFinding;

describe('countOpenFindings', () => {
  const history = {
    findings: [
      posted('critical'),
      posted('major'),
      posted('minor'),
      posted('critical', true),
      posted(undefined),
    ],
  };

  it.each([
    ['critical', 1],
    ['major', 2],
    ['minor', 3],
  ] as const)('at or above %s, in unresolved threads › %i', (severity, open) => {
    expect(countOpenFindings(severity, history, [])).toBe(open);
  });

  it('this run’s findings in the review summary (no thread) › counted too', () => {
    expect(countOpenFindings('major', { findings: [] }, [{ severity: 'major' }, { severity: 'minor' }])).toBe(
      1,
    );
  });
});
