// The per-host delivery bound at the default settings, without timers: a receiver that answers nothing
// until the test releases it holds at most delivery.per_host_concurrency of the slots, and every delivery
// to another host completes meanwhile.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createDeliverer } from '../../src/deliver/deliverer.js';
import { DEFAULT_CONCURRENCY, DEFAULT_PER_HOST_CONCURRENCY } from '../../src/rules/schema.js';
import { emptyState } from '../../src/state/schema.js';
import { decisionOf, rulesFile } from './support.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});

async function listen(handler: (res: ServerResponse) => void): Promise<string> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => handler(res));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  closers.push(
    () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('per-host delivery bound (defaults)', () => {
  it('a host that never answers until released holds only its share; every delivery to another host completes meanwhile', async () => {
    const SLOW = 100;
    // More fast deliveries than the overall bound: without a per-host bound, each slot a fast delivery
    // frees would be taken in turn by the held host until it held every slot and the fast host starved.
    const FAST = 3 * DEFAULT_CONCURRENCY;
    const held: ServerResponse[] = [];
    let released = false;
    let slowPeak = 0;
    let fastFinished = 0;
    let fastAllDone!: () => void;
    let overBound!: (e: Error) => void;
    const fastDone = new Promise<void>((resolve, reject) => {
      fastAllDone = resolve;
      overBound = reject;
    });
    let slowFull!: () => void;
    const slowHoldsItsShare = new Promise<void>((resolve) => (slowFull = resolve));
    const slow = await listen((res) => {
      if (released) return res.end();
      held.push(res);
      slowPeak = Math.max(slowPeak, held.length);
      if (held.length === DEFAULT_PER_HOST_CONCURRENCY) slowFull();
      if (held.length > DEFAULT_PER_HOST_CONCURRENCY) overBound(new Error(`${held.length} requests in flight to the held host`));
    });
    const fast = await listen((res) => {
      res.on('finish', () => {
        if (++fastFinished === FAST) fastAllDone();
      });
      res.end();
    });
    // The held host's rules come first; the file sets no bounds (the defaults apply).
    const file = rulesFile([
      ...Array.from({ length: SLOW }, (_, i) => ({ name: `slow ${i}`, notify_webhook: `${slow}/${i}`, allow_http: true })),
      ...Array.from({ length: FAST }, (_, i) => ({ name: `fast ${i}`, notify_webhook: `${fast}/${i}`, allow_http: true })),
    ]);
    expect(file.delivery).toMatchObject({ concurrency: DEFAULT_CONCURRENCY, per_host_concurrency: DEFAULT_PER_HOST_CONCURRENCY });
    const delivering = createDeliverer({ allowPrivateTargets: true }).deliver(
      file.rules.map((r) => decisionOf(r)),
      file,
      emptyState(),
      {},
    );
    await Promise.all([fastDone, slowHoldsItsShare]);
    // Every fast delivery answered while the held host had answered nothing and held its share of the slots.
    expect(fastFinished).toBe(FAST);
    expect(held.length).toBeLessThanOrEqual(DEFAULT_PER_HOST_CONCURRENCY);
    released = true;
    for (const res of held.splice(0)) res.end();
    const out = await delivering;
    expect(out.outcomes).toHaveLength(SLOW + FAST);
    expect(out.outcomes.every((o) => o.status === 'delivered')).toBe(true);
    expect(slowPeak).toBe(DEFAULT_PER_HOST_CONCURRENCY);
  }, 30_000);
});
