// The webhook's retry schedule and status handling, exactly. backoff.test.ts shows the waits are real
// (lower bounds on the wall clock); here the delays the delivery asks to sleep are read from setTimeout
// (passed through) with Math.random fixed: floor(random × min(30 s, base × 2^retry)) before the 2nd and
// 3rd attempts, nothing before the 1st. The per-attempt deadline, also a setTimeout, is left out.
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDeliverer } from '../../src/deliver/deliverer.js';
import { emptyState } from '../../src/state/schema.js';
import { startServer, type TestServer } from '../helpers/http-server.js';
import { decisionOf, rulesFile } from './support.js';

const TIMEOUT_MS = 4321;
let server: TestServer | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await server?.close();
  server = undefined;
});

async function deliverTo(status: (i: number) => number, retryBaseMs: number, random = 0.5) {
  server = await startServer((_req, res: ServerResponse, i) => void res.writeHead(status(i)).end());
  const file = rulesFile([{ notify_webhook: `${server.url}/h`, allow_http: true }]);
  const spy = vi.spyOn(globalThis, 'setTimeout');
  vi.spyOn(Math, 'random').mockReturnValue(random);
  const out = await createDeliverer({ allowPrivateTargets: true, retryBaseMs, timeoutMs: TIMEOUT_MS }).deliver(
    [decisionOf(file.rules[0]!)],
    file,
    emptyState(),
    {},
  );
  const delays = spy.mock.calls.map((c) => c[1]).filter((ms) => ms !== TIMEOUT_MS);
  vi.restoreAllMocks();
  return { outcome: out.outcomes[0]!, delays, requests: server.requests.length };
}

describe('webhook retry schedule', () => {
  it('three failures: no wait before the first attempt, then up to base, then up to 2 × base', async () => {
    const r = await deliverTo(() => 500, 100);
    expect(r.delays).toEqual([50, 100]);
    expect(r.requests).toBe(3);
    expect(r.outcome).toMatchObject({ status: 'failed', attempts: 3, http_status: 500, detail: 'HTTP 500' });
  });

  it('a success on the first attempt sleeps nothing', async () => {
    const r = await deliverTo(() => 200, 100);
    expect(r.delays).toEqual([]);
    expect(r.outcome).toMatchObject({ status: 'delivered', attempts: 1 });
  });
});

describe('webhook statuses', () => {
  it.each([
    [299, 'delivered', undefined],
    [300, 'failed', 'HTTP 300 (redirects are not followed)'],
    [399, 'failed', 'HTTP 399 (redirects are not followed)'],
    [400, 'failed', 'HTTP 400'],
  ])('%i: %s', async (status, expected, detail) => {
    const r = await deliverTo(() => status, 0);
    expect(r.outcome.status).toBe(expected);
    expect(r.outcome.http_status).toBe(status);
    expect(r.outcome.detail).toBe(detail);
    expect(r.requests).toBe(expected === 'delivered' ? 1 : 3);
  });
});
