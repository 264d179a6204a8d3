import { describe, expect, it } from 'vitest';
import { createConcurrencyLimit, forEachConcurrently } from '../src/concurrency-limit.js';

/** A task that stays running until the test lets it finish. */
function gate() {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

describe('createConcurrencyLimit', () => {
  it('runs at most `limit` tasks at once, the rest in order as others finish', async () => {
    const pool = createConcurrencyLimit(2);
    const gates = [gate(), gate(), gate()];
    const started: number[] = [];
    const runs = gates.map((item, index) =>
      pool.run(async () => {
        started.push(index);
        await item.opened;
        return index;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    gates[1]?.open();
    await runs[1];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    gates[0]?.open();
    gates[2]?.open();
    expect(await Promise.all(runs)).toEqual([0, 1, 2]);
  });

  it('a waiting task whose signal aborts › leaves the line with the reason, and never runs', async () => {
    const pool = createConcurrencyLimit(1);
    const running = gate();
    const first = pool.run(() => running.opened);
    const controller = new AbortController();
    let ran = false;
    const waiting = pool.run(async () => {
      ran = true;
    }, controller.signal);
    controller.abort(new Error('superseded'));
    await expect(waiting).rejects.toThrow('superseded');
    running.open();
    await first;
    expect(ran).toBe(false);
  });
});

describe('forEachConcurrently', () => {
  it('after a failure › the others take no more work, and the failure is thrown', async () => {
    const seen: number[] = [];
    await expect(
      forEachConcurrently([1, 2, 3, 4, 5], 1, async (item) => {
        seen.push(item);
        if (item === 2) throw new Error('snapshot failed');
      }),
    ).rejects.toThrow('snapshot failed');
    expect(seen).toEqual([1, 2]);
  });
});
