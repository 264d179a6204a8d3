import { BudgetExceededError, describeError } from '../../errors.js';
import { fenceUntrusted } from '../../llm/fence-untrusted.js';
import { loadPrompt } from '../../llm/load-prompt.js';
import type { ChatMessage, ModelClient, ModelUsage } from '../../llm/model-client.js';
import { renderPrompt } from '../../llm/render-prompt.js';
import { addUsage } from '../../llm/usage.js';
import { usageOfFailure } from '../../llm/usage-of-failure.js';
import type { Verdict } from '../types.js';
import type { Cluster } from './cluster-findings.js';
import { verifyAnswerSchema } from './verify-answer-schema.js';

export interface Verification {
  readonly verdict: Verdict;
  readonly reason: string;
  readonly evidence: readonly string[];
}

export interface VerifyResult {
  readonly verifications: ReadonlyMap<string, Verification>;
  /** What every verifier call spent, failed ones included. */
  readonly usage: ModelUsage;
  /** Why some clusters stayed unverified (a failed verifier call), for the check run. */
  readonly failures: readonly string[];
}

// A verdict takes the verifier a paragraph; past this many per call the answer risks the output limit.
const CLUSTERS_PER_CALL = 12;

/**
 * Stage 5, second half: one verifier call per batch of clusters checks each against the diff and
 * the context, reusing the review's shared prompt prefix. A confirmation without cited evidence
 * counts as uncertain. A failed call leaves its clusters unverified and the review goes on; a
 * call refused by a spent budget stops the review (BudgetExceededError).
 */
export async function verifyClusters(
  clusters: readonly Cluster[],
  sharedPrefix: readonly ChatMessage[],
  deps: { model: ModelClient; signal?: AbortSignal | undefined },
): Promise<VerifyResult> {
  const verifications = new Map<string, Verification>();
  const usages: ModelUsage[] = [];
  const failures: string[] = [];
  let budgetStop: BudgetExceededError | undefined;
  const batches: Cluster[][] = [];
  for (let i = 0; i < clusters.length; i += CLUSTERS_PER_CALL)
    batches.push(clusters.slice(i, i + CLUSTERS_PER_CALL));
  const template = loadPrompt('verify');
  await Promise.all(
    batches.map(async (batch) => {
      try {
        const response = await deps.model.complete({
          role: 'verifier',
          messages: [
            ...sharedPrefix,
            { role: 'user', content: renderPrompt(template, { findings: renderClusters(batch) }) },
          ],
          schema: verifyAnswerSchema,
          schemaName: 'verification',
          signal: deps.signal,
        });
        usages.push(response.usage);
        const shown = new Set(batch.map((cluster) => cluster.id));
        for (const answer of response.value.verdicts) {
          if (!shown.has(answer.id) || verifications.has(answer.id)) continue;
          const evidence = answer.evidence.map((item) => item.trim()).filter(Boolean);
          const verdict =
            answer.verdict === 'confirmed' && evidence.length === 0 ? 'uncertain' : answer.verdict;
          verifications.set(answer.id, { verdict, reason: answer.reason, evidence });
        }
      } catch (error) {
        deps.signal?.throwIfAborted();
        if (error instanceof BudgetExceededError) budgetStop ??= error;
        usages.push(usageOfFailure(error));
        failures.push(describeError(error));
      }
    }),
  );
  // A spent budget stops the review rather than leave clusters unverified: thrown once the
  // batches in flight are done, so what they spent is counted.
  if (budgetStop) throw budgetStop;
  for (const cluster of clusters) {
    if (!verifications.has(cluster.id))
      verifications.set(cluster.id, { verdict: 'unverified', reason: '', evidence: [] });
  }
  return { verifications, usage: addUsage(...usages), failures };
}

/** The clusters as the verifier reads them, fenced: their text was written by models from untrusted input. */
function renderClusters(clusters: readonly Cluster[]): string {
  const text = clusters
    .map(({ id, representative: finding }) => {
      const side = finding.side === 'RIGHT' ? 'new version' : 'old version';
      return [
        `## ${id}: ${finding.path} lines ${finding.startLine}-${finding.endLine} (${side}) — ${finding.category}, ${finding.severity}`,
        finding.title,
        finding.body,
        finding.evidence.length > 0 ? `Cited: ${finding.evidence.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('\n');
    })
    .join('\n\n');
  return fenceUntrusted('proposed-findings', text);
}
