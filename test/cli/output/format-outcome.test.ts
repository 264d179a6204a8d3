import { describe, expect, it } from 'vitest';
import { formatJson } from '../../../src/cli/output/format-json.js';
import { formatMarkdown } from '../../../src/cli/output/format-markdown.js';
import { formatOutcome } from '../../../src/cli/output/format-outcome.js';
import { formatSarif } from '../../../src/cli/output/format-sarif.js';
import { formatText } from '../../../src/cli/output/format-text.js';
import { change, outcome } from './sample-review.js';

describe('formatOutcome', () => {
  it.each([
    ['text', formatText(outcome, change, { color: true })],
    ['markdown', formatMarkdown(outcome, change)],
    ['json', formatJson(outcome, change, '1.2.3')],
    ['sarif', formatSarif(outcome, change, '1.2.3')],
  ] as const)('%s › the %s formatter’s output, ending with a newline', (format, expected) => {
    const text = formatOutcome(format, outcome, change, { color: true, toolVersion: '1.2.3' });
    expect(text).toBe(expected);
    expect(text.endsWith('\n')).toBe(true);
  });

  it.each(['markdown', 'json', 'sarif'] as const)('%s › no colour codes even with colour on', (format) => {
    expect(formatOutcome(format, outcome, change, { color: true, toolVersion: '1.2.3' })).not.toContain(
      '\u001b',
    );
  });
});
