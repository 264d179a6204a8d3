import { afterEach, describe, expect, it } from 'vitest';
import { createSiftMetrics } from '../../src/metrics/sift-metrics.js';
import { INVENTORY_SCRIPT } from '../e2e/lifecycle/script.js';
import { startLifecycle } from '../support/lifecycle-harness.js';

type Lifecycle = Awaited<ReturnType<typeof startLifecycle>>;
let life: Lifecycle | undefined;
afterEach(async () => {
  await life?.stop();
  life = undefined;
});

/** The value of one series in Prometheus' text format, or undefined when it is not there. */
function seriesValue(text: string, series: string): number | undefined {
  const line = text.split('\n').find((row) => row.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('metrics', () => {
  it('a review › counted by result, with its findings, model calls and tokens, and its latency observed', async () => {
    const metrics = createSiftMetrics();
    life = await startLifecycle({ fixture: 'inventory', script: INVENTORY_SCRIPT, metrics });
    await life.opened();
    await life.idle();
    const { contentType, body } = await metrics.render();
    expect(contentType).toContain('text/plain');
    expect(seriesValue(body, 'sift_jobs_total{kind="review",result="posted"}')).toBe(1);
    expect(seriesValue(body, 'sift_findings_total{fate="posted_inline"}')).toBe(2);
    expect(seriesValue(body, 'sift_findings_unanchored_total')).toBe(0);
    expect(seriesValue(body, 'sift_model_calls_total{outcome="answered"}')).toBeGreaterThanOrEqual(4);
    expect(seriesValue(body, 'sift_model_tokens_total{kind="prompt"}')).toBeGreaterThan(0);
    expect(seriesValue(body, 'sift_job_latency_seconds_count{kind="review"}')).toBe(1);
    expect(seriesValue(body, 'sift_queue_depth')).toBe(0);
    expect(body).toContain('process_resident_memory_bytes');
  });

  it('a review that fails › counted as failed, with the error kind', async () => {
    const metrics = createSiftMetrics();
    const broken = { review: () => 'not findings' as unknown as Array<Record<string, unknown>> };
    life = await startLifecycle({ fixture: 'inventory', script: broken, metrics });
    await life.opened();
    await life.idle();
    const { body } = await metrics.render();
    expect(seriesValue(body, 'sift_jobs_total{kind="review",result="failed"}')).toBe(1);
    expect(body).toMatch(/^sift_errors_total\{kind="[A-Za-z]+Error"\} 1$/m);
  });
});
