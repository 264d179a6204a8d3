import { parseArgs } from 'node:util';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import { OUTPUT_FORMATS } from './output/format-outcome.js';

const unit = z.coerce.number().min(0).max(1);
const count = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const reviewOptionsSchema = z.object({
  repo: z.string().optional(),
  base: z.string().optional(),
  head: z.string().optional(),
  format: z.enum(OUTPUT_FORMATS).default('text'),
  output: z.string().optional(),
  config: z.string().optional(),
  threshold: unit.optional(),
  passes: count(1, 8).optional(),
  'max-comments': count(0, 50).optional(),
  'context-tokens': count(0, 100_000).optional(),
  'fail-on': z.enum(['none', 'minor', 'major', 'critical']).default('none'),
  quiet: z.boolean().default(false),
});

export const evalOptionsSchema = z.object({
  cases: z.string().optional(),
  case: z.array(z.string()).default([]),
  threshold: unit.default(0.7),
  passes: count(1, 8).default(4),
  model: z.string().optional(),
  'verifier-model': z.string().optional(),
  concurrency: count(1, 16).default(2),
  out: z.string().optional(),
  format: z.enum(['markdown', 'json']).default('markdown'),
  quiet: z.boolean().default(false),
});

type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;

/**
 * Parses a command's options with node's own parser, then checks their values with zod so that
 * every mistake gets a message naming the option and what it accepts.
 */
export function parseCliOptions<T extends z.ZodType>(
  args: readonly string[],
  spec: OptionSpec,
  schema: T,
): z.output<T> {
  let values: Record<string, unknown>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...args],
      options: spec,
      allowPositionals: true,
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(`[sift] ${error instanceof Error ? error.message : String(error)} (see sift help)`);
  }
  if (positionals.length > 0)
    throw new UsageError(`[sift] unexpected argument ${JSON.stringify(positionals[0])} (see sift help)`);
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`[sift] --${issue?.path.join('.')}: ${issue?.message} (see sift help)`);
  }
  return parsed.data;
}

export const REVIEW_OPTIONS: OptionSpec = {
  repo: { type: 'string' },
  base: { type: 'string' },
  head: { type: 'string' },
  format: { type: 'string' },
  output: { type: 'string' },
  config: { type: 'string' },
  threshold: { type: 'string' },
  passes: { type: 'string' },
  'max-comments': { type: 'string' },
  'context-tokens': { type: 'string' },
  'fail-on': { type: 'string' },
  quiet: { type: 'boolean' },
};

export const EVAL_OPTIONS: OptionSpec = {
  cases: { type: 'string' },
  case: { type: 'string', multiple: true },
  threshold: { type: 'string' },
  passes: { type: 'string' },
  model: { type: 'string' },
  'verifier-model': { type: 'string' },
  concurrency: { type: 'string' },
  out: { type: 'string' },
  format: { type: 'string' },
  quiet: { type: 'boolean' },
};
