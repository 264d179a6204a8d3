import type { RepoConfig } from '../config/repo-config-schema.js';
import type { SymbolCaches } from '../context/symbol-index.js';
import { countTokens } from '../llm/count-tokens.js';
import type { ModelClient } from '../llm/model-client.js';
import { addUsage, NO_USAGE } from '../llm/usage.js';
import type { Logger } from '../logger.js';
import type { RepositoryReader, RepositorySnapshot } from '../repository/repository-reader.js';
import { anchorFindings } from './anchor-findings/anchor-findings.js';
import { checkSuggestions } from './anchor-findings/check-suggestions.js';
import { askModels } from './ask-models/ask-models.js';
import { attachSymbols } from './ask-models/attach-symbols.js';
import { describeEvidence } from './ask-models/describe-evidence.js';
import { locateFindings } from './ask-models/locate-findings.js';
import { planPasses } from './ask-models/plan-passes.js';
import { renderPullRequest } from './ask-models/render-pull-request.js';
import { buildContext } from './build-context/build-context.js';
import { EMPTY_CONTEXT, type ReviewContext } from './build-context/context-types.js';
import { conventionsFor, renderConventions } from './learnings/conventions-for.js';
import { learnedReport } from './learnings/learned-report.js';
import type { ReviewLearnings } from './learnings/weigh-learnings.js';
import { findPlantedInstructions } from './planted-text/find-planted-instructions.js';
import { keepPlantedTextOut } from './planted-text/keep-planted-text-out.js';
import { plantedWordsOf } from './planted-text/planted-words.js';
import { untrustedTextsOf } from './planted-text/untrusted-texts-of.js';
import { plural } from './render/plural.js';
import type { AlreadySaid } from './score-findings/already-said.js';
import { couldBePosted, scoreFindings } from './score-findings/score-findings.js';
import { fitSizeLimit, type SizeLimit } from './select-files/fit-size-limit.js';
import { planBudget } from './select-files/plan-budget.js';
import { selectFiles } from './select-files/select-files.js';
import type { Change, ContextReport, ReviewFile, ReviewOutcome } from './types.js';
import { clusterFindings } from './verify-findings/cluster-findings.js';
import { verifyClusters } from './verify-findings/verify-clusters.js';

export type ReviewConfig = Pick<
  RepoConfig,
  'paths' | 'categories' | 'instructions' | 'maxComments' | 'threshold' | 'context' | 'ensemble' | 'budget'
>;

export interface ReviewChangeDeps {
  readonly model: ModelClient;
  /** The repository, for cross-file context and suggestion checks; without it the review sees the diff only. */
  readonly repository?: RepositoryReader | undefined;
  readonly caches: SymbolCaches;
  /** The model's context window less its answer; prompts are kept under it. */
  readonly maxPromptTokens?: number | undefined;
  /** Whether a finding was already raised on the pull request (open, or dismissed): never posted again. */
  readonly alreadySaid?: AlreadySaid | undefined;
  /** What the repository learned from its team's feedback (reviewLearnings); without it, nothing. */
  readonly learnings?: ReviewLearnings | undefined;
  /**
   * Verify every cluster, even those that could not be posted whatever the verifier said (the
   * eval harness does, to score every threshold); reviews skip those to save the calls.
   */
  readonly verifyAll?: boolean | undefined;
  readonly log?: Logger | undefined;
  readonly signal?: AbortSignal | undefined;
  /** The most of the pull request this review may cover (the installation's plan); beyond it, the riskiest files. */
  readonly sizeLimit?: SizeLimit | undefined;
  /** Told what the review is doing, step by step (the CLI shows it while it works). */
  readonly progress?: ((message: string) => void) | undefined;
}

// Completion tokens a review pass usually spends; used only to estimate the budget.
const EXPECTED_OUTPUT_TOKENS = 1_500;
const DEFAULT_MAX_PROMPT_TOKENS = 120_000;

/**
 * Stages 2–7 of the pipeline, shared by the app, the CLI and the eval harness: everything between
 * a loaded change and findings ready to post. No GitHub here; the caller loads and posts.
 */
export async function reviewChange(
  change: Change,
  config: ReviewConfig,
  deps: ReviewChangeDeps,
): Promise<ReviewOutcome> {
  // 2 select, fit the review into its plan's size, then into its budget
  const selection = selectFiles(change.files, config);
  const sized = fitSizeLimit(selection.selected, deps.sizeLimit);
  const conventions = deps.learnings
    ? conventionsFor(
        deps.learnings.conventions,
        sized.files.map((selected) => selected.file.path),
      )
    : [];
  const plan = planBudget(sized.files, config, {
    fixedPromptTokens:
      countTokens(renderPullRequest(change)) +
      countTokens(config.instructions) +
      countTokens(renderConventions(conventions)) +
      2_000,
    maxPromptTokens: deps.maxPromptTokens ?? DEFAULT_MAX_PROMPT_TOKENS,
    expectedOutputTokens: EXPECTED_OUTPUT_TOKENS,
  });
  const skippedFiles = [...selection.skipped, ...sized.skipped, ...plan.skipped];
  deps.progress?.(
    `reviewing ${plural(plan.files.length, 'file')}${skippedFiles.length > 0 ? `, ${skippedFiles.length} skipped` : ''}`,
  );
  // Said only when the size limit left something out, so outcomes without a plan read as before.
  const bySize = sized.skipped.length > 0 ? { leftOutBySize: sized.skipped.length } : {};
  if (plan.files.length === 0) return { ...emptyOutcome(skippedFiles, plan.notes), ...bySize };

  // 3 context
  const snapshot = await loadSnapshot(change, config, deps);
  const context = await contextFor(plan.files, config, snapshot, deps);
  if (context.report.status === 'built') {
    deps.progress?.(
      `cross-file context: ${plural(context.report.snippets, 'snippet')} from ${plural(context.report.files, 'file')}`,
    );
  }

  // 4 ask: the passes of the ensemble
  const passes = planPasses(
    plan.files.map((file) => file.id),
    plan.passes,
    change.head.sha,
  );
  const asked = await askModels(
    { change, files: plan.files, config, context: context.context, passes, conventions },
    deps,
  );
  const located = locateFindings(asked.proposals, plan.files);
  const planted = keepPlantedTextOut(located.located, plantedWordsIn(change, deps));
  const withSymbols = await attachSymbols(planted.findings, snapshot.value, deps.caches);

  // 5 verify: cluster what the passes agree on, then check each cluster against the code.
  // Agreement is counted against the passes configured: a budget that ran one pass of four has
  // heard one opinion, not a unanimous one.
  const agreementOf = Math.max(config.ensemble.passes, passes.length);
  const clusters = clusterFindings(withSymbols);
  const worthVerifying = clusters.filter(
    (cluster) => deps.verifyAll || couldBePosted(cluster, config, agreementOf, deps.learnings),
  );
  if (worthVerifying.length > 0) deps.progress?.(`verifying ${plural(worthVerifying.length, 'finding')}`);
  const verified = await verifyClusters(worthVerifying, asked.prompt.sharedPrefix, deps);
  deps.signal?.throwIfAborted();

  // 6 score: computed confidence, threshold, already posted, maxComments
  const verifications = new Map(
    [...verified.verifications].map(([id, verification]) => [
      id,
      { ...verification, evidence: verification.evidence.map((item) => describeEvidence(item, plan.files)) },
    ]),
  );
  const scored = scoreFindings(clusters, verifications, config, {
    passes: agreementOf,
    alreadySaid: deps.alreadySaid,
    learnings: deps.learnings,
  });

  // 7 anchor: inline on a diff line, or in the summary; suggestions that do not parse are dropped
  const anchored = anchorFindings(scored.kept);
  const checked = await checkSuggestions(anchored.inline, async (path) =>
    snapshot.value ? snapshot.value.read(path) : null,
  );
  // Each pass may repeat the same stray id; count the distinct proposals, as people would.
  const rejected = new Set(
    located.rejected.map((proposal) => `${proposal.startLineId}|${proposal.endLineId}|${proposal.title}`),
  ).size;
  if (rejected > 0) {
    deps.log?.warn(
      { rejected, examples: located.rejected.slice(0, 3).map((proposal) => proposal.startLineId) },
      'findings pointed at lines that are not in the diff: the model and the prompt disagree on line ids',
    );
  }
  const filtered = {
    ...scored.filtered,
    ...(rejected > 0 ? { 'line-not-in-diff': rejected } : {}),
    ...(planted.heldBack > 0 ? { 'repeats-planted-text': planted.heldBack } : {}),
  };
  return {
    reviewedFiles: plan.files,
    skippedFiles,
    inline: checked.findings,
    summaryOnly: anchored.summaryOnly,
    filtered,
    usage: addUsage(asked.usage, verified.usage),
    context: context.report,
    suggestionsDropped: checked.dropped,
    candidates: scored.candidates,
    passes: { planned: passes.length, failed: asked.failures },
    verifierFailures: verified.failures,
    budgetNotes: plan.notes,
    plantedText:
      planted.heldBack + planted.redacted > 0
        ? { where: planted.where, findings: planted.heldBack + planted.redacted }
        : null,
    ...bySize,
    learned: deps.learnings
      ? learnedReport(scored.candidates, deps.learnings, conventions.length, change, config.threshold)
      : null,
  };
}

function emptyOutcome(
  skippedFiles: ReviewOutcome['skippedFiles'],
  budgetNotes: readonly string[],
): ReviewOutcome {
  return {
    reviewedFiles: [],
    skippedFiles,
    inline: [],
    summaryOnly: [],
    filtered: {},
    usage: NO_USAGE,
    context: { status: 'off' },
    suggestionsDropped: 0,
    candidates: [],
    passes: { planned: 0, failed: [] },
    verifierFailures: [],
    budgetNotes,
    plantedText: null,
    learned: null,
  };
}

/**
 * The words passages addressed to an AI reviewer planted in the pull request. The prompt already
 * fences them as data; this keeps a model that obeyed anyway from posting them.
 */
function plantedWordsIn(change: Change, deps: ReviewChangeDeps) {
  const untrusted = untrustedTextsOf(change);
  const instructions = findPlantedInstructions(untrusted);
  if (instructions.length > 0) {
    deps.log?.warn(
      { where: [...new Set(instructions.map((instruction) => instruction.where))] },
      'the pull request addresses an AI reviewer; its text is read as data',
    );
  }
  return plantedWordsOf(instructions, untrusted);
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
    // The reason is shown on the check run, where Sift's own prefix means nothing.
    const reason = error instanceof Error ? error.message : String(error);
    return { value: null, error: reason.replace(/^\[sift\] /, '') };
  }
}

async function contextFor(
  files: readonly ReviewFile[],
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
