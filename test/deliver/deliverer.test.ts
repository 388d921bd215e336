// The deliverer itself (src/deliver/deliverer.ts), gaps the mutation run named: the order outcomes are
// listed in whatever order deliveries finish, the run environment's timeout and backoff settings, and a
// rules file built by hand (library use) without the delivery bounds the schema defaults.
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDeliverer } from '../../src/deliver/deliverer.js';
import type { RulesFile } from '../../src/rules/schema.js';
import { emptyState } from '../../src/state/schema.js';
import { startServer, type TestServer } from '../helpers/http-server.js';
import { GOOD_KEY, startApi } from '../events/support.js';
import { decisionOf, rulesFile, startSmtp } from './support.js';

const closers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(closers.splice(0).map((c) => c.close()));
});
async function http(handler: Parameters<typeof startServer>[0]): Promise<TestServer> {
  const s = await startServer(handler);
  closers.push(s);
  return s;
}

describe('deliverer', () => {
  it('lists outcomes in decision order, then webhook, email, API Alerts — not in the order deliveries finish', async () => {
    // The first decision's webhook answers last: its outcome still comes first.
    const hooks = await http((req, res: ServerResponse) => {
      if (req.url === '/slow') setTimeout(() => res.writeHead(200).end(), 150);
      else res.writeHead(200).end();
    });
    const mail = await startSmtp();
    closers.push(mail);
    const api = await startApi();
    closers.push(api);
    const file = rulesFile([
      {
        name: 'first',
        channels: ['apialerts', 'email', 'webhook'],
        notify_webhook: `${hooks.url}/slow`,
        allow_http: true,
        notify_email: 'ops@shop.example',
      },
      { name: 'second', channels: ['webhook'], notify_webhook: `${hooks.url}/fast`, allow_http: true },
    ]);
    const [a, b] = file.rules;
    const decisions = [
      decisionOf(a!, '2026-04-26T12:00:00Z'),
      decisionOf(b!, '2026-04-26T12:00:00Z'),
      decisionOf(a!, '2026-04-26T12:05:00Z'),
    ];
    const out = await createDeliverer({ allowPrivateTargets: true }).deliver(decisions, file, emptyState(), {
      SMTP_URL: mail.url,
      APIALERTS_API_KEY: GOOD_KEY,
      APIALERTS_SERVER_URL: api.url,
    });
    expect(out.outcomes.map((o) => [o.rule_name, o.triggered_at, o.channel, o.status])).toEqual([
      ['first', '2026-04-26T12:00:00Z', 'webhook', 'delivered'],
      ['first', '2026-04-26T12:00:00Z', 'email', 'delivered'],
      ['first', '2026-04-26T12:00:00Z', 'apialerts', 'delivered'],
      ['second', '2026-04-26T12:00:00Z', 'webhook', 'delivered'],
      ['first', '2026-04-26T12:05:00Z', 'webhook', 'delivered'],
      ['first', '2026-04-26T12:05:00Z', 'email', 'delivered'],
      ['first', '2026-04-26T12:05:00Z', 'apialerts', 'delivered'],
    ]);
  });

  it('takes the per-attempt deadline and the backoff base from the run environment, options first, bad values ignored', async () => {
    const hook = await http((_req, res: ServerResponse) => void res.writeHead(500).end());
    const file = rulesFile([{ notify_webhook: `${hook.url}/h`, allow_http: true }]);
    const d = [decisionOf(file.rules[0]!)];
    // The delays the delivery asks for (setTimeout, passed through), with the jitter fixed at half.
    const delaysOf = async (opts: { timeoutMs?: number; retryBaseMs?: number }, env: Record<string, string>) => {
      const spy = vi.spyOn(globalThis, 'setTimeout');
      vi.spyOn(Math, 'random').mockReturnValue(0.5);
      const out = await createDeliverer({ allowPrivateTargets: true, ...opts }).deliver(d, file, emptyState(), env);
      const delays = spy.mock.calls.map((c) => c[1]);
      vi.restoreAllMocks();
      expect(out.outcomes[0]).toMatchObject({ status: 'failed', attempts: 3 });
      return delays;
    };
    // Three attempts, each with its deadline; backoff half of base, then half of 2 × base.
    expect(await delaysOf({}, { APIALERTS_WEBHOOK_TIMEOUT_MS: '4321', APIALERTS_RETRY_BASE_MS: '40' })).toEqual([4321, 20, 4321, 40, 4321]);
    expect(
      await delaysOf({ timeoutMs: 1234, retryBaseMs: 10 }, { APIALERTS_WEBHOOK_TIMEOUT_MS: '4321', APIALERTS_RETRY_BASE_MS: '40' }),
    ).toEqual([1234, 5, 1234, 10, 1234]);
    expect(await delaysOf({}, { APIALERTS_WEBHOOK_TIMEOUT_MS: 'soon', APIALERTS_RETRY_BASE_MS: '-5' })).toEqual([
      10_000, 500, 10_000, 1000, 10_000,
    ]);
  });

  it('delivers a rules file built by hand without delivery.concurrency or per_host_concurrency, with the default bounds', async () => {
    // Each request is held until all three are in flight (or a moment has passed): with the default
    // 64 per host they are; a missing bound read as "one at a time" would show a peak of 1.
    let inFlight = 0;
    let peak = 0;
    const held: ServerResponse[] = [];
    const hook = await http((_req, res: ServerResponse) => {
      peak = Math.max(peak, ++inFlight);
      held.push(res);
      const release = () => {
        for (const r of held.splice(0)) {
          inFlight--;
          r.writeHead(200).end();
        }
      };
      if (inFlight === 3) release();
      else setTimeout(release, 300);
    });
    const parsed = rulesFile([
      { notify_webhook: `${hook.url}/a`, allow_http: true },
      { notify_webhook: `${hook.url}/b`, allow_http: true },
      { notify_webhook: `${hook.url}/c`, allow_http: true },
    ]);
    const { concurrency: _c, per_host_concurrency: _p, ...delivery } = parsed.delivery;
    const file = { ...parsed, delivery } as RulesFile;
    const out = await createDeliverer({ allowPrivateTargets: true }).deliver(
      file.rules.map((r) => decisionOf(r)),
      file,
      emptyState(),
      {},
    );
    expect(out.outcomes.map((o) => o.status)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(hook.requests.map((r) => r.url).sort()).toEqual(['/a', '/b', '/c']);
    expect(peak).toBe(3);
  });
});
