import type { RepoConfig } from '../config/repo-config-schema.js';
import type { SymbolCaches } from '../context/symbol-index.js';
import { ModelError } from '../errors.js';
import type { ModelClient } from '../llm/model-client.js';
import { usageOfFailure } from '../llm/usage-of-failure.js';
import { createLocalHost } from '../repository/create-local-host.js';
import { createLocalGitRepository } from '../repository/local-git-repository.js';
import { reviewChange } from '../review/review-change.js';
import type { CaseResult } from './eval-types.js';
import type { LoadedEvalCase } from './load-eval-cases.js';

/**
 * Runs one labelled case through the whole review pipeline — file selection, cross-file context
 * from its repository, every pass, verification of every cluster, scoring — and keeps every
 * candidate, so the report can score any threshold. A failure is recorded, not thrown: one broken
 * case must not sink a long eval run.
 */
export async function runEvalCase(
  loaded: LoadedEvalCase,
  config: RepoConfig,
  deps: {
    model: ModelClient;
    caches: SymbolCaches;
    maxPromptTokens?: number | undefined;
    describeModelFailure?: ((error: ModelError) => string) | undefined;
    signal?: AbortSignal | undefined;
  },
): Promise<CaseResult> {
  const started = Date.now();
  const base = { case: loaded.case, maxComments: config.maxComments };
  let repository: Awaited<ReturnType<LoadedEvalCase['materialize']>> | undefined;
  try {
    repository = await loaded.materialize();
    const host = createLocalHost(repository.directory, {
      base: repository.baseRef,
      head: repository.headRef,
    });
    const change = await host.loadPullRequest();
    const outcome = await reviewChange(
      { ...change, title: loaded.case.title, body: loaded.case.description },
      config,
      {
        model: deps.model,
        repository: createLocalGitRepository(repository.directory),
        caches: deps.caches,
        maxPromptTokens: deps.maxPromptTokens,
        verifyAll: true,
        signal: deps.signal,
      },
    );
    return {
      ...base,
      candidates: outcome.candidates,
      usage: outcome.usage,
      durationMs: Date.now() - started,
      error: null,
    };
  } catch (error) {
    deps.signal?.throwIfAborted();
    const message =
      error instanceof ModelError && deps.describeModelFailure
        ? deps.describeModelFailure(error)
        : error instanceof Error
          ? `${error.name}: ${error.message}`
          : String(error);
    return {
      ...base,
      candidates: [],
      usage: usageOfFailure(error),
      durationMs: Date.now() - started,
      error: message,
    };
  } finally {
    await repository?.dispose();
  }
}
