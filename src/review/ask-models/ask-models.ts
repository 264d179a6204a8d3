import type { RepoConfig } from '../../config/repo-config-schema.js';
import type { ModelClient, ModelUsage } from '../../llm/model-client.js';
import type { ReviewContext } from '../build-context/context-types.js';
import type { Change, ProposedFinding, ReviewFile } from '../types.js';
import { buildReviewMessages, type ReviewPass } from './build-review-messages.js';
import { reviewAnswerSchema } from './review-answer-schema.js';

export interface AskModelsResult {
  readonly proposals: readonly ProposedFinding[];
  readonly usage: ModelUsage;
}

/** Stage 4: asks the reviewer model for findings on the selected files. */
export async function askModels(
  input: {
    change: Pick<Change, 'title' | 'body' | 'commitMessages'>;
    files: readonly ReviewFile[];
    config: Pick<RepoConfig, 'categories' | 'instructions'>;
    context: ReviewContext;
  },
  deps: { model: ModelClient; signal?: AbortSignal | undefined },
): Promise<AskModelsResult> {
  const prompt = buildReviewMessages(input.change, input.files, input.config, input.context);
  const pass: ReviewPass = { lens: 'general', fileOrder: input.files.map((file) => file.id) };
  const response = await deps.model.complete({
    role: 'reviewer',
    messages: prompt.messagesFor(pass),
    schema: reviewAnswerSchema,
    schemaName: 'review',
    signal: deps.signal,
  });
  return {
    proposals: response.value.findings.map((finding) => ({ ...finding, pass: pass.lens })),
    usage: response.usage,
  };
}
