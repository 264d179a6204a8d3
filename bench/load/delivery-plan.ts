import { createHmac, randomUUID } from 'node:crypto';

/** One webhook delivery of a burst: which pull request, which push, its signed body. */
export interface Delivery {
  readonly id: string;
  readonly pull: number;
  /** 0 for `opened`, then 1, 2, … for each push. */
  readonly push: number;
  readonly head: string;
  readonly body: string;
}

export interface PlanShape {
  readonly pulls: number;
  readonly deliveries: number;
  /** Share of deliveries that are exact redeliveries of earlier ones (same delivery id). */
  readonly duplicateShare: number;
  /** Deliveries sent at once; a redelivery follows its original within a few bursts. */
  readonly burst: number;
  /** Installations the pull requests belong to. */
  readonly installations?: number;
}

export const shaOf = (pull: number, push: number) =>
  `${String(pull).padStart(5, '0')}${String(push).padStart(5, '0')}`.padEnd(40, 'c');

/** Every pull request of `acme/fleet`: opened, then pushes; some deliveries are redeliveries of earlier ones. */
export function planDeliveries(shape: PlanShape): Delivery[] {
  const originals = Math.round(shape.deliveries * (1 - shape.duplicateShare));
  const pushesPerPull = Math.ceil(originals / shape.pulls);
  const deliveries: Delivery[] = [];
  for (let push = 0; push < pushesPerPull; push += 1) {
    for (let pull = 1; pull <= shape.pulls && deliveries.length < originals; pull += 1) {
      const head = shaOf(pull, push);
      const payload = {
        action: push === 0 ? 'opened' : 'synchronize',
        number: pull,
        pull_request: {
          number: pull,
          state: 'open',
          merged: false,
          head: { sha: head },
          base: { ref: 'main' },
          user: { login: 'octocat' },
          updated_at: new Date(Date.UTC(2026, 11, 1, 10, push)).toISOString(),
        },
        repository: { name: 'fleet', owner: { login: 'acme' } },
        installation: { id: 1 + (pull % (shape.installations ?? 5)) },
      };
      deliveries.push({ id: randomUUID(), pull, push, head, body: JSON.stringify(payload) });
    }
  }
  const duplicates = Array.from(
    { length: shape.deliveries - originals },
    (_, index) => deliveries[(index * 7) % originals] as Delivery,
  );
  for (const [index, duplicate] of duplicates.entries()) {
    const at = Math.min(
      deliveries.length,
      deliveries.indexOf(duplicate) + shape.burst + (index % shape.burst),
    );
    deliveries.splice(at, 0, duplicate);
  }
  return deliveries;
}

/** A deterministic shuffle: each burst arrives out of order, the same way on every run. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let index = out.length - 1; index > 0; index -= 1) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const other = state % (index + 1);
    [out[index], out[other]] = [out[other] as T, out[index] as T];
  }
  return out;
}

export interface BurstRun {
  /** How long each webhook took to be answered, ms. */
  readonly intake: number[];
  /** When the first delivery of each `pull@head` was sent. */
  readonly sentAt: Map<string, number>;
  /** The newest delivery of each pull request: what GitHub reports as its head. */
  readonly latest: Map<number, Delivery>;
  /** Statuses other than 200, with how many. */
  readonly refused: Map<number, number>;
}

/**
 * Sends the deliveries in bursts to a Sift webhook URL, moving each pull request's head on the
 * fake GitHub (`push`) before the burst that announces it, as GitHub's state moves before its
 * deliveries arrive. `between` runs after each burst (a fault can be injected there).
 */
export async function sendInBursts(
  url: string,
  secret: string,
  deliveries: readonly Delivery[],
  options: {
    readonly burst: number;
    readonly gapMs: number;
    readonly push: (pull: number, head: string) => void;
    readonly between?: (burstIndex: number) => Promise<void>;
  },
): Promise<BurstRun> {
  const run: BurstRun = { intake: [], sentAt: new Map(), latest: new Map(), refused: new Map() };
  for (let at = 0, index = 0; at < deliveries.length; at += options.burst, index += 1) {
    const burst = deliveries.slice(at, at + options.burst);
    for (const delivery of burst) {
      if (delivery.push > (run.latest.get(delivery.pull)?.push ?? -1)) {
        run.latest.set(delivery.pull, delivery);
        options.push(delivery.pull, delivery.head);
      }
    }
    await Promise.all(
      shuffled(burst, at + 1).map(async (delivery) => {
        const begin = performance.now();
        const status = await post(url, secret, delivery).catch(() => 0);
        run.intake.push(performance.now() - begin);
        const key = `${delivery.pull}@${delivery.head}`;
        if (!run.sentAt.has(key)) run.sentAt.set(key, Date.now());
        if (status !== 200) run.refused.set(status, (run.refused.get(status) ?? 0) + 1);
      }),
    );
    await options.between?.(index);
    await new Promise((resolve) => setTimeout(resolve, options.gapMs));
  }
  return run;
}

async function post(url: string, secret: string, delivery: Delivery): Promise<number> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': 'pull_request',
      'x-github-delivery': delivery.id,
      'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(delivery.body).digest('hex')}`,
    },
    body: delivery.body,
  });
  await response.arrayBuffer();
  return response.status;
}

interface Recorded {
  readonly reviews: ReadonlyArray<{ readonly pull: number; readonly head: string; readonly at: number }>;
  readonly checkRuns: ReadonlyMap<
    number,
    { readonly head: string; readonly conclusion: string | null; readonly at: number | null }
  >;
}

/**
 * When each head's review ended: its posted review, or a check run concluded as a completed review
 * (`success`, `neutral`) — a later review with nothing new to say posts no review, only its check
 * run. Superseded (`cancelled`), skipped and failed runs are not reviews.
 */
export function reviewedAt(github: Recorded): Map<string, number> {
  const at = new Map<string, number>();
  const keep = (head: string, when: number) => at.set(head, Math.min(at.get(head) ?? when, when));
  for (const review of github.reviews) keep(review.head, review.at);
  for (const run of github.checkRuns.values())
    if ((run.conclusion === 'success' || run.conclusion === 'neutral') && run.at !== null)
      keep(run.head, run.at);
  return at;
}

/** Each pull request's latest head reviewed (or not), and heads with more than one review posted. */
export function tally(
  latest: ReadonlyMap<number, Delivery>,
  github: Recorded,
): { lost: number[]; duplicated: string[] } {
  const reviewed = reviewedAt(github);
  const posted = new Map<string, number>();
  for (const review of github.reviews) posted.set(review.head, (posted.get(review.head) ?? 0) + 1);
  return {
    lost: [...latest.values()].filter(({ head }) => !reviewed.has(head)).map(({ pull }) => pull),
    duplicated: [...posted].filter(([, count]) => count > 1).map(([head]) => head),
  };
}

/** What Sift's check runs said about each lost pull request's latest head: why it was not reviewed. */
export function whyLost(
  lost: readonly number[],
  latest: ReadonlyMap<number, Delivery>,
  checkRuns: ReadonlyMap<
    number,
    { readonly head: string; readonly conclusion: string | null; readonly title: string | null }
  >,
): Record<number, string[]> {
  return Object.fromEntries(
    lost.map((pull) => {
      const head = latest.get(pull)?.head;
      const runs = [...checkRuns.values()].filter((run) => run.head === head);
      return [
        pull,
        runs.length === 0
          ? ['no check run']
          : runs.map((run) => `${run.conclusion ?? 'in progress'}: ${run.title ?? ''}`),
      ];
    }),
  );
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
