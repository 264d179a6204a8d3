import { parseArgs } from 'node:util';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import { OUTPUT_FORMATS } from './output/format-outcome.js';

// Options arrive as text. Digits are checked before Number() reads them, because Number() also
// takes '', '0x10' and '1e4', and a typo should be an error rather than a surprising number.
const unit = (() => {
  const message = 'must be a number from 0 to 1';
  return z
    .string()
    .regex(/^(?:\d+(?:\.\d*)?|\.\d+)$/, message)
    .transform(Number)
    .pipe(z.number().min(0, message).max(1, message));
})();

const count = (min: number, max: number) => {
  const message = `must be a whole number of ${min} or more`;
  return z
    .string()
    .regex(/^\d+$/, message)
    .transform(Number)
    .pipe(z.number().min(min, message).max(max, `must be ${max} or less`));
};

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of ${values.join(', ')}` });

export const reviewOptionsSchema = z.object({
  repo: z.string().optional(),
  base: z.string().optional(),
  head: z.string().optional(),
  format: oneOf(OUTPUT_FORMATS).default('text'),
  output: z.string().optional(),
  config: z.string().optional(),
  threshold: unit.optional(),
  passes: count(1, 8).optional(),
  'max-comments': count(0, 50).optional(),
  'context-tokens': count(0, 100_000).optional(),
  'fail-on': oneOf(['none', 'minor', 'major', 'critical']).default('none'),
  quiet: z.boolean().default(false),
  'env-file': z.string().optional(),
});

export type ReviewOptions = z.output<typeof reviewOptionsSchema>;

export const evalOptionsSchema = z.object({
  cases: z.array(z.string()).default([]),
  case: z.array(z.string()).default([]),
  threshold: unit.default(0.7),
  passes: count(1, 8).default(4),
  model: z.string().optional(),
  'verifier-model': z.string().optional(),
  concurrency: count(1, 16).default(2),
  out: z.string().optional(),
  format: oneOf(['markdown', 'json']).default('markdown'),
  quiet: z.boolean().default(false),
  'env-file': z.string().optional(),
});

type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;

/**
 * Parses a command's options with node's own parser, then checks their values with zod so that
 * every mistake gets a message naming the option, what it accepts and what it got:
 * `--max-comments must be a whole number of 0 or more (got "lots")`.
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
      args: joinNegativeValues(args, spec),
      options: spec,
      allowPositionals: true,
      strict: true,
    }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(`[sift] ${message.replace(/\s*\n\s*/g, ' ')} (see sift help)`);
  }
  if (positionals.length > 0)
    throw new UsageError(`[sift] unexpected argument ${JSON.stringify(positionals[0])} (see sift help)`);
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0]);
    throw new UsageError(`[sift] --${name} ${issue?.message} (got ${JSON.stringify(values[name])})`);
  }
  return parsed.data;
}

/**
 * `--max-comments -1` as `--max-comments=-1`: node's parser takes a value starting with a dash
 * for a forgotten value, and would answer "argument is ambiguous" where the user needs to hear
 * that the number is out of range.
 */
function joinNegativeValues(args: readonly string[], spec: OptionSpec): string[] {
  const joined: string[] = [];
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    const next = args[index + 1];
    if (spec[arg.slice(2)]?.type === 'string' && arg.startsWith('--') && next && /^-\.?\d/.test(next)) {
      joined.push(`${arg}=${next}`);
      index += 1;
    } else {
      joined.push(arg);
    }
  }
  return joined;
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
  'env-file': { type: 'string' },
};

export const EVAL_OPTIONS: OptionSpec = {
  cases: { type: 'string', multiple: true },
  case: { type: 'string', multiple: true },
  threshold: { type: 'string' },
  passes: { type: 'string' },
  model: { type: 'string' },
  'verifier-model': { type: 'string' },
  concurrency: { type: 'string' },
  out: { type: 'string' },
  format: { type: 'string' },
  quiet: { type: 'boolean' },
  'env-file': { type: 'string' },
};
