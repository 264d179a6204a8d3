import type { RepoConfig } from '../config/repo-config-schema.js';
import type { SymbolCaches } from '../context/symbol-index.js';
import type { ModelClient } from '../llm/model-client.js';
import { NO_USAGE } from '../llm/usage.js';
import type { Logger } from '../logger.js';
import type { RepositoryReader, RepositorySnapshot } from '../repository/repository-reader.js';
import { anchorFindings } from './anchor-findings/anchor-findings.js';
import { checkSuggestions } from './anchor-findings/check-suggestions.js';
import { askModels } from './ask-models/ask-models.js';
import { locateFindings } from './ask-models/locate-findings.js';
import { buildContext } from './build-context/build-context.js';
import { EMPTY_CONTEXT, type ReviewContext } from './build-context/context-types.js';
import { scoreFindings } from './score-findings/score-findings.js';
import { selectFiles } from './select-files/select-files.js';
import type { Change, ContextReport, ReviewOutcome } from './types.js';

export type ReviewConfig = Pick<
  RepoConfig,
  'paths' | 'categories' | 'instructions' | 'maxComments' | 'context'
>;

export interface ReviewChangeDeps {
  readonly model: ModelClient;
  /** The repository, for cross-file context and suggestion checks; without it the review sees the diff only. */
  readonly repository?: RepositoryReader | undefined;
  readonly caches: SymbolCaches;
  readonly log?: Logger | undefined;
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
      context: { status: 'off' },
      suggestionsDropped: 0,
    };
  }
  // 3 context
  const snapshot = await loadSnapshot(change, config, deps);
  const context = await contextFor(selected, config, snapshot, deps);
  // 4 ask
  const asked = await askModels({ change, files: selected, config, context: context.context }, deps);
  const { located, rejected } = locateFindings(asked.proposals, selected);
  deps.signal?.throwIfAborted();
  // 6 score
  const scored = scoreFindings(located, config);
  // 7 anchor
  const anchored = anchorFindings(scored.kept);
  const checked = await checkSuggestions(anchored.inline, async (path) =>
    snapshot.value ? snapshot.value.read(path) : null,
  );
  return {
    reviewedFiles: selected,
    skippedFiles: skipped,
    inline: checked.findings,
    summaryOnly: anchored.summaryOnly,
    filtered:
      rejected.length > 0 ? { ...scored.filtered, 'line-not-in-diff': rejected.length } : scored.filtered,
    usage: asked.usage,
    context: context.report,
    suggestionsDropped: checked.dropped,
  };
}

type SnapshotResult = { value: RepositorySnapshot | null; error: string | null };

/** The repository at the head commit; a failure degrades the review to the diff alone, and says so. */
async function loadSnapshot(
  change: Change,
  config: ReviewConfig,
  deps: ReviewChangeDeps,
): Promise<SnapshotResult> {
  if (!deps.repository || config.context.tokenBudget === 0) return { value: null, error: null };
  try {
    return { value: await deps.repository.snapshot(change.head.sha, deps.signal), error: null };
  } catch (error) {
    deps.signal?.throwIfAborted();
    deps.log?.warn({ err: error }, 'repository unavailable; reviewing the diff without cross-file context');
    return { value: null, error: error instanceof Error ? error.message : String(error) };
  }
}

async function contextFor(
  files: Parameters<typeof buildContext>[0]['files'],
  config: ReviewConfig,
  snapshot: SnapshotResult,
  deps: ReviewChangeDeps,
): Promise<{ context: ReviewContext; report: ContextReport }> {
  if (snapshot.error !== null)
    return { context: EMPTY_CONTEXT, report: { status: 'unavailable', reason: snapshot.error } };
  if (!snapshot.value) return { context: EMPTY_CONTEXT, report: { status: 'off' } };
  const context = await buildContext(
    { files, budget: config.context.tokenBudget },
    { snapshot: snapshot.value, caches: deps.caches, signal: deps.signal },
  );
  return {
    context,
    report: {
      status: 'built',
      snippets: context.snippets.length,
      files: new Set(context.snippets.map((snippet) => snippet.path)).size,
      tokens: context.tokens,
      budget: context.budget,
      omitted: context.omitted,
    },
  };
}
