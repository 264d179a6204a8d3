import type { Change, ReviewOutcome } from '../../review/types.js';
import { formatJson } from './format-json.js';
import { formatMarkdown } from './format-markdown.js';
import { formatSarif } from './format-sarif.js';
import { formatText } from './format-text.js';

/** The formats `sift review --format` accepts, for its argument schema. */
export const OUTPUT_FORMATS = ['text', 'markdown', 'json', 'sarif'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** The review in the format `sift review --format` asked for; every format ends with a newline. */
export function formatOutcome(
  format: OutputFormat,
  outcome: ReviewOutcome,
  change: Pick<Change, 'repository' | 'base' | 'head' | 'files'>,
  options: { color: boolean; toolVersion: string },
): string {
  switch (format) {
    case 'text':
      return formatText(outcome, change, { color: options.color });
    case 'markdown':
      return formatMarkdown(outcome, change);
    case 'json':
      return formatJson(outcome, change, options.toolVersion);
    case 'sarif':
      return formatSarif(outcome, change, options.toolVersion);
  }
}
