import { randomUUID } from 'node:crypto';
import { appendFile } from 'node:fs/promises';

/** The outputs action.yml declares; a later step reads them as `steps.<id>.outputs.<name>`. */
export interface StepOutputs {
  /** How the run ended: `posted`, `quiet`, `skipped`, `failed`, `refused: …`, `ignored`… */
  readonly result: string;
  /** Findings this run posted, inline and in the review summary. */
  readonly findings: number;
  /** Findings this run kept back (below the threshold, over max-comments, unplaced…). */
  readonly 'held-back': number;
  /** The SARIF file written, or empty when none was. */
  readonly 'sarif-file': string;
}

/**
 * Writes the step's outputs to the file GitHub names in GITHUB_OUTPUT, each as a heredoc
 * (`name<<delimiter`) with a delimiter no value can contain, as GitHub documents for values that
 * are not one plain line (https://docs.github.com/actions/reference/workflow-commands-for-github-actions#multiline-strings).
 */
export async function writeStepOutputs(file: string | undefined, outputs: StepOutputs): Promise<void> {
  if (!file) return;
  const text = Object.entries(outputs)
    .map(([name, value]) => {
      const delimiter = `sift_${randomUUID()}`;
      return `${name}<<${delimiter}\n${String(value)}\n${delimiter}\n`;
    })
    .join('');
  await appendFile(file, text);
}
