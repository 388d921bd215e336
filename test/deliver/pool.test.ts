import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runKeyedPool, runPool } from '../../src/deliver/pool.js';

/** Tasks that finish when the test says so, recording what was in flight. */
function harness() {
  const inFlight = new Map<string, number>();
  let total = 0;
  const peaks = { total: 0, perKey: new Map<string, number>() };
  const waiting: (() => void)[] = [];
  const task = (key: string, value: number) => ({
    key,
    run: () =>
      new Promise<number>((resolve) => {
        total++;
        inFlight.set(key, (inFlight.get(key) ?? 0) + 1);
        peaks.total = Math.max(peaks.total, total);
        peaks.perKey.set(key, Math.max(peaks.perKey.get(key) ?? 0, inFlight.get(key)!));
        waiting.push(() => {
          total--;
          inFlight.set(key, inFlight.get(key)! - 1);
          resolve(value);
        });
      }),
  });
  return { task, peaks, waiting, inFlight: () => total };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('keyed pool', () => {
  it('never exceeds the overall or the per-key bound, runs everything, keeps results aligned', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 40 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 100 }),
        async (keys, limit, perKey, picks) => {
          const h = harness();
          const run = runKeyedPool(
            keys.map((k, i) => h.task(k, i)),
            limit,
            perKey,
          );
          let p = 0;
          for (;;) {
            await tick();
            if (h.waiting.length === 0) break;
            // the pool fills every slot it may: no key with queued work is starved while a slot is free
            const finish = h.waiting.splice(picks[p++ % picks.length]! % h.waiting.length, 1)[0]!;
            finish();
          }
          expect(await run).toEqual(keys.map((_, i) => i));
          expect(h.peaks.total).toBeLessThanOrEqual(limit);
          for (const v of h.peaks.perKey.values()) expect(v).toBeLessThanOrEqual(Math.min(perKey, limit));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('a slow key holds only its own slots: the other keys use the rest', async () => {
    const h = harness();
    const tasks = [
      ...Array.from({ length: 10 }, (_, i) => h.task('slow', i)),
      ...Array.from({ length: 5 }, (_, i) => h.task('fast', 10 + i)),
    ];
    const run = runKeyedPool(tasks, 4, 2);
    await tick();
    // 2 slow + 2 fast in flight even though the slow tasks come first in the list
    expect(h.inFlight()).toBe(4);
    expect(h.peaks.perKey.get('slow')).toBe(2);
    expect(h.peaks.perKey.get('fast')).toBe(2);
    while (h.waiting.length > 0) {
      h.waiting.shift()!();
      await tick();
    }
    await run;
  });

  it('runPool keeps its old meaning (one bound, no keys)', async () => {
    expect(await runPool([async () => 1, async () => 2, async () => 3], 2)).toEqual([1, 2, 3]);
    expect(await runPool([], 2)).toEqual([]);
  });
});
