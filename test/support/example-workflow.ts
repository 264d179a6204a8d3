import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const EXAMPLES = join(import.meta.dirname, '../../examples/workflows');

export interface WorkflowStep {
  readonly uses?: string;
  readonly id?: string;
  readonly if?: string;
  readonly with?: Record<string, string>;
}

export interface Workflow {
  readonly on: Record<string, { types?: string[] } | null>;
  readonly permissions: Record<string, string>;
  readonly jobs: Record<string, { if?: string; steps: WorkflowStep[] }>;
}

/** One of the workflows the README tells people to copy, as GitHub reads it. */
export function exampleWorkflow(name: 'sift.yml' | 'sift-forks.yml' | 'sift-code-scanning.yml'): {
  readonly text: string;
  readonly workflow: Workflow;
  /** The step that runs Sift (`uses: sift-review/sift@v1`). */
  readonly siftStep: WorkflowStep;
} {
  const text = readFileSync(join(EXAMPLES, name), 'utf8');
  const workflow = parse(text) as Workflow;
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
  const siftStep = steps.find((step) => step.uses?.endsWith('/sift@v1'));
  if (!siftStep) throw new Error(`${name} has no Sift step`);
  return { text, workflow, siftStep };
}

/**
 * A step's `with:` as the runner hands it over: `${{ secrets.NAME }}` replaced by the secret (an
 * empty string when the run gets none), other expressions left to the test.
 */
export function stepInputs(step: WorkflowStep, secrets: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(step.with ?? {}).map(([name, value]) => [
      name,
      String(value).replace(/\$\{\{\s*secrets\.(\w+)\s*\}\}/g, (_, secret: string) => secrets[secret] ?? ''),
    ]),
  );
}
