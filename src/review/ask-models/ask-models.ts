import type { RepoConfig } from '../../config/repo-config-schema.js';
import { BudgetExceededError, describeError } from '../../errors.js';
import type { ModelClient, ModelUsage } from '../../llm/model-client.js';
import { addUsage } from '../../llm/usage.js';
import { usageOfFailure } from '../../llm/usage-of-failure.js';
import type { ReviewContext } from '../build-context/context-types.js';
import type { Convention } from '../learnings/learning-types.js';
import type { Change, ProposedFinding, ReviewFile } from '../types.js';
import { buildReviewMessages, type ReviewPass } from './build-review-messages.js';
import { reviewAnswerSchema } from './review-answer-schema.js';

export interface PassFailure {
  readonly pass: string;
  readonly reason: string;
}

export interface AskModelsResult {
  readonly proposals: readonly ProposedFinding[];
  /** What every pass spent, failed ones included. */
  readonly usage: ModelUsage;
  /** Passes that did not answer; the review goes on with the others. */
  readonly failures: readonly PassFailure[];
  /** The messages every pass shares, for the verifier to reuse as its own prefix. */
  readonly prompt: ReturnType<typeof buildReviewMessages>;
}

/**
 * Stage 4: runs the review passes concurrently (the model client limits how many are in flight)
 * and collects their findings. A pass that fails is reported and the review continues with the
 * rest; only when every pass fails does the review fail, with the first pass's error. A pass
 * refused by a spent budget stops the review (BudgetExceededError).
 */
export async function askModels(
  input: {
    change: Pick<Change, 'title' | 'body' | 'commitMessages'>;
    files: readonly ReviewFile[];
    config: Pick<RepoConfig, 'categories' | 'instructions'>;
    context: ReviewContext;
    passes: readonly ReviewPass[];
    /** Conventions the team stated, given to every pass with the repository's rules. */
    conventions?: readonly Convention[] | undefined;
  },
  deps: {
    model: ModelClient;
    signal?: AbortSignal | undefined;
    progress?: ((message: string) => void) | undefined;
  },
): Promise<AskModelsResult> {
  const prompt = buildReviewMessages(
    input.change,
    input.files,
    input.config,
    input.context,
    input.conventions ?? [],
  );
  const names = passNames(input.passes);
  let answered = 0;
  const settled = await Promise.allSettled(
    input.passes.map(async (pass, index) => {
      const response = await deps.model.complete({
        role: 'reviewer',
        messages: prompt.messagesFor(pass),
        schema: reviewAnswerSchema,
        schemaName: 'review',
        signal: deps.signal,
      });
      answered += 1;
      deps.progress?.(`${names[index]} pass answered (${answered} of ${input.passes.length})`);
      return response;
    }),
  );
  deps.signal?.throwIfAborted();
  const proposals: ProposedFinding[] = [];
  const usages: ModelUsage[] = [];
  const failures: PassFailure[] = [];
  settled.forEach((result, index) => {
    const pass = names[index] ?? `pass ${index + 1}`;
    if (result.status === 'fulfilled') {
      usages.push(result.value.usage);
      proposals.push(...result.value.value.findings.map((finding) => ({ ...finding, pass })));
    } else {
      usages.push(usageOfFailure(result.reason));
      failures.push({ pass, reason: describeError(result.reason) });
    }
  });
  // A spent budget is not one pass failing: the review stops, once the passes in flight are done.
  const budgetStop = settled.find(
    (result) => result.status === 'rejected' && result.reason instanceof BudgetExceededError,
  );
  if (budgetStop?.status === 'rejected') throw budgetStop.reason;
  const firstFailure = settled.find((result) => result.status === 'rejected');
  if (failures.length === input.passes.length && firstFailure?.status === 'rejected')
    throw firstFailure.reason;
  return { proposals, usage: addUsage(...usages), failures, prompt };
}

/** Pass names are their lenses, numbered when a lens repeats (more passes than lenses). */
function passNames(passes: readonly ReviewPass[]): string[] {
  const seen = new Map<string, number>();
  return passes.map((pass) => {
    const count = (seen.get(pass.lens) ?? 0) + 1;
    seen.set(pass.lens, count);
    return count === 1 ? pass.lens : `${pass.lens} #${count}`;
  });
}
