import type { RepoConfig } from '../config/repo-config-schema.js';
import type { ModelClient } from '../llm/model-client.js';
import { NO_USAGE } from '../llm/usage.js';
import { anchorFindings } from './anchor-findings/anchor-findings.js';
import { askModels } from './ask-models/ask-models.js';
import { locateFindings } from './ask-models/locate-findings.js';
import { scoreFindings } from './score-findings/score-findings.js';
import { selectFiles } from './select-files/select-files.js';
import type { Change, ReviewOutcome } from './types.js';

export type ReviewConfig = Pick<RepoConfig, 'paths' | 'categories' | 'instructions' | 'maxComments'>;

export interface ReviewChangeDeps {
  readonly model: ModelClient;
  readonly signal?: AbortSignal | undefined;
}

/**
 * Stages 2–7 of the pipeline, shared by the app, the CLI and the eval harness: everything between
 * a loaded change and findings ready to post. No GitHub here; the caller loads and posts.
 */
export async function reviewChange(
  change: Change,
  config: ReviewConfig,
  deps: ReviewChangeDeps,
): Promise<ReviewOutcome> {
  // 2 select
  const { selected, skipped } = selectFiles(change.files, config);
  if (selected.length === 0) {
    return {
      reviewedFiles: [],
      skippedFiles: skipped,
      inline: [],
      summaryOnly: [],
      filtered: {},
      usage: NO_USAGE,
    };
  }
  // 4 ask
  const asked = await askModels({ change, files: selected, config }, deps);
  const { located, rejected } = locateFindings(asked.proposals, selected);
  deps.signal?.throwIfAborted();
  // 6 score
  const scored = scoreFindings(located, config);
  // 7 anchor
  const anchored = anchorFindings(scored.kept);
  return {
    reviewedFiles: selected,
    skippedFiles: skipped,
    inline: anchored.inline,
    summaryOnly: anchored.summaryOnly,
    filtered:
      rejected.length > 0 ? { ...scored.filtered, 'line-not-in-diff': rejected.length } : scored.filtered,
    usage: asked.usage,
  };
}
