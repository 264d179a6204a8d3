import { parse } from 'yaml';
import type { z } from 'zod';
import { describeYamlError } from '../config/describe-yaml-error.js';
import { hasPath } from '../config/has-path.js';
import { locateYamlKey } from '../config/locate-yaml-key.js';
import { PlansFileInvalidError } from '../errors.js';
import type { Plan, PlansConfig } from './plan-types.js';
import { plansFileSchema } from './plans-file-schema.js';

interface Problem {
  readonly key: string;
  readonly message: string;
  readonly line: number | null;
  readonly column?: number | undefined;
}

/**
 * The operator's plans file, checked as a whole: YAML, the shape of every plan, a `noPurchase`
 * plan that exists, and each Marketplace plan buying one plan only. Every problem is reported at
 * once with its line, in the words an operator reads at start; nothing is guessed or defaulted.
 */
export function parsePlansFile(text: string, label: string): PlansConfig {
  let raw: unknown;
  try {
    raw = parse(text, { logLevel: 'error' });
  } catch (error) {
    const problem = describeYamlError(error, label);
    throw invalid(label, [{ key: '', message: problem.message, line: problem.line, column: problem.column }]);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw invalid(label, [
      {
        key: '',
        message: 'the file must be a YAML mapping with `plans`, `noPurchase` and `upgradeUrl`',
        line: null,
      },
    ]);
  }
  const parsed = plansFileSchema.safeParse(raw);
  const located = (key: string, message: string): Problem => ({
    key,
    message,
    line: locateYamlKey(text, key),
  });
  // Every problem at once: the shape's, and the cross-checks on whatever of it can be read.
  const problems = [
    ...(parsed.success
      ? []
      : parsed.error.issues.flatMap((issue) =>
          describeIssue(issue, raw as Record<string, unknown>, located),
        )),
    ...crossChecks(raw as Record<string, unknown>, located),
  ];
  if (!parsed.success || problems.length > 0) throw invalid(label, problems);
  const plans: Plan[] = Object.entries(parsed.data.plans).map(([name, limits]) => ({ name, ...limits }));
  // crossChecks made sure the `noPurchase` plan is one of them.
  const noPurchase = plans.find((plan) => plan.name === parsed.data.noPurchase) as Plan;
  return { plans, noPurchase, upgradeUrl: parsed.data.upgradeUrl };
}

/**
 * What the schema cannot say: the default plan exists; a Marketplace plan buys one plan only.
 * Read from the raw file, so these are reported along with any problem of its shape.
 */
function crossChecks(
  raw: Record<string, unknown>,
  located: (key: string, message: string) => Problem,
): Problem[] {
  const problems: Problem[] = [];
  const plans = isRecord(raw.plans) ? raw.plans : {};
  const names = Object.keys(plans);
  if (typeof raw.noPurchase === 'string' && names.length > 0 && !names.includes(raw.noPurchase)) {
    problems.push(
      located(
        'noPurchase',
        `there is no plan \`${raw.noPurchase}\`; the plans are ${names.map((name) => `\`${name}\``).join(', ')}`,
      ),
    );
  }
  const buyers = new Map<number, string>();
  for (const [name, plan] of Object.entries(plans)) {
    const id = isRecord(plan) ? plan.marketplacePlanId : undefined;
    if (typeof id !== 'number') continue;
    const earlier = buyers.get(id);
    if (earlier === undefined) {
      buyers.set(id, name);
      continue;
    }
    problems.push(
      located(
        `plans.${name}.marketplacePlanId`,
        `Marketplace plan ${id} already buys plan \`${earlier}\`; each Marketplace plan buys one plan`,
      ),
    );
  }
  return problems;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeIssue(
  issue: z.core.$ZodIssue,
  raw: Record<string, unknown>,
  located: (key: string, message: string) => Problem,
): Problem[] {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) =>
      located([...path, key].join('.'), 'is not a plans-file setting (check the spelling)'),
    );
  }
  const missing = path.length > 0 && !hasPath(raw, path);
  return [located(path.join('.'), missing ? 'is missing' : issue.message.replace(/^Invalid input: /, ''))];
}

function invalid(label: string, problems: readonly Problem[]): PlansFileInvalidError {
  const lines = problems.map((problem) => {
    const where = [
      problem.line ? `line ${problem.line}` : '',
      problem.column ? `column ${problem.column}` : '',
      problem.key ? `\`${problem.key}\`` : '',
    ]
      .filter(Boolean)
      .join(', ');
    return `  - ${where ? `${where}: ` : ''}${problem.message}`;
  });
  return new PlansFileInvalidError(
    [`[sift] cannot start: the plans file ${label} (SIFT_PLANS_FILE) is invalid:`, ...lines].join('\n'),
  );
}
