// Webhook delivery against real local HTTP(S) servers that capture the raw bytes.
import crypto from 'node:crypto';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { createDeliverer } from '../../src/deliver/deliverer.js';
import { toWhsec } from '../../src/deliver/sign.js';
import { urlHash } from '../../src/deliver/webhook-state.js';
import { emptyState } from '../../src/state/schema.js';
import { startServer, type TestServer } from '../helpers/http-server.js';
import { selfSignedCert } from '../events/support.js';
import { SECRET, SECRET_2, decisionOf, rulesFile } from './support.js';

// The seed's receiver snippet, unchanged (threshold-alerts-guide.txt, "Verifying the signature").
function verify(req: any, secret: any) {
  const raw = req.rawBody; // the exact bytes of the request body, before JSON parsing
  const expected = 'sha256=' + crypto.createHmac('sha256', secret).update(raw).digest('hex');
  const got = req.headers['x-krafter-signature'];
  return crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(got));
}

let servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});
async function receiver(handler: Parameters<typeof startServer>[0]): Promise<TestServer> {
  const s = await startServer(handler);
  servers.push(s);
  return s;
}
const answer = (status: number) => (_req: unknown, res: import('node:http').ServerResponse) => {
  res.writeHead(status, status === 301 ? { location: 'https://elsewhere.example/' } : {});
  res.end();
};

const deliverer = (extra: Partial<Parameters<typeof createDeliverer>[0]> = {}) =>
  createDeliverer({ allowPrivateTargets: true, retryBaseMs: 5, timeoutMs: 2000, ...extra });

describe('webhook delivery', () => {
  it('sends the seed payload byte-exact with the seed headers, and the seed receiver snippet verifies it', async () => {
    const s = await receiver(answer(200));
    const file = rulesFile([{ notify_webhook: `${s.url}/hooks/alerts`, allow_http: true, notify_webhook_secret_env: 'HOOK_SECRET' }]);
    const rule = file.rules[0]!;
    const result = await deliverer().deliver([decisionOf(rule)], file, emptyState(), { HOOK_SECRET: SECRET });
    expect(result.outcomes).toEqual([
      {
        rule_id: rule.id,
        rule_name: 'High Error Rate',
        channel: 'webhook',
        triggered_at: '2026-04-26T12:00:00Z',
        status: 'delivered',
        attempts: 1,
        http_status: 200,
      },
    ]);
    const req = s.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/hooks/alerts');
    expect(req.rawBody.toString()).toBe(
      `{"alert_id":"${rule.id}","alert_name":"High Error Rate","level":"error","match_count":12,"window_minutes":5,"triggered_at":"2026-04-26T12:00:00Z"}`,
    );
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers['x-krafter-event']).toBe('alert.triggered');
    expect(req.headers['x-krafter-webhook-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(req.headers['x-krafter-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verify(req, SECRET)).toBe(true);
    expect(() => verify(req, SECRET_2)).not.toThrow();
    expect(verify(req, SECRET_2)).toBe(false);
    // Krafter-only mode sends no Standard Webhooks headers.
    expect(req.headers['webhook-signature']).toBeUndefined();
  });

  it('Standard Webhooks mode verifies with the standardwebhooks package, with either secret during a rotation', async () => {
    const s = await receiver(answer(204));
    const file = rulesFile([
      { notify_webhook: `${s.url}/h`, allow_http: true, notify_webhook_secret_env: 'HOOK_SECRET', webhook_scheme: 'both' },
    ]);
    const rule = file.rules[0]!;
    const out = await deliverer().deliver([decisionOf(rule)], file, emptyState(), { HOOK_SECRET: `${SECRET} ${SECRET_2}` });
    expect(out.outcomes[0]!.status).toBe('delivered');
    const req = s.requests[0]!;
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
    expect(headers['webhook-id']).toBe(headers['x-krafter-event-id']);
    expect(headers['webhook-signature']!.split(' ')).toHaveLength(2);
    for (const secret of [SECRET, SECRET_2])
      expect(new Webhook(toWhsec(secret)).verify(req.rawBody.toString(), headers)).toMatchObject({ alert_id: rule.id, match_count: 12 });
    expect(() => new Webhook(toWhsec('ab'.repeat(32))).verify(req.rawBody.toString(), headers)).toThrow();
    // With both schemes, the seed's headers stay intact (signed with the first secret).
    expect(verify(req, SECRET)).toBe(true);
  });

  it('500, 500, then 200 is one delivery in three attempts: distinct attempt ids, one stable event id, counter reset', async () => {
    const s = await receiver((req, res, i) => answer(i < 2 ? 500 : 200)(req, res));
    const file = rulesFile([{ notify_webhook: `${s.url}/h`, allow_http: true, notify_webhook_secret_env: 'HOOK_SECRET' }]);
    const rule = file.rules[0]!;
    const state = {
      ...emptyState(),
      webhooks: { [rule.id]: { url_sha256: urlHash(rule.notify_webhook!), active: true, consecutive_failures: 4, disabled_at: null } },
    };
    const out = await deliverer().deliver([decisionOf(rule)], file, state, { HOOK_SECRET: SECRET });
    expect(out.outcomes[0]).toMatchObject({ status: 'delivered', attempts: 3, http_status: 200 });
    expect(s.requests).toHaveLength(3);
    expect(new Set(s.requests.map((r) => r.headers['x-krafter-webhook-id'])).size).toBe(3);
    expect(new Set(s.requests.map((r) => r.headers['x-krafter-event-id'])).size).toBe(1);
    expect(s.requests.every((r) => verify(r, SECRET))).toBe(true);
    expect(out.state.webhooks[rule.id]!.consecutive_failures).toBe(0);
  });

  it.each([
    ['a 301 (never followed)', (s: TestServer) => `${s.url}/moved`, answer(301), /HTTP 301 \(redirects are not followed\)/],
    ['a receiver slower than the timeout', (s: TestServer) => `${s.url}/slow`, () => {}, /no answer within 300 ms/],
    [
      'a connection reset',
      (s: TestServer) => `${s.url}/reset`,
      (_req: unknown, res: import('node:http').ServerResponse) => res.socket?.destroy(),
      /connection was reset/,
    ],
  ])('%s is a failed delivery after 3 attempts with a clear reason', async (_name, url, handler, reason) => {
    const s = await receiver(handler);
    const file = rulesFile([{ notify_webhook: url(s), allow_http: true }]);
    const out = await deliverer({ timeoutMs: 300 }).deliver([decisionOf(file.rules[0]!)], file, emptyState(), {});
    expect(out.outcomes[0]).toMatchObject({ status: 'failed', attempts: 3, detail: expect.stringMatching(reason) });
    expect(s.requests).toHaveLength(3);
    expect(out.state.webhooks[file.rules[0]!.id]!.consecutive_failures).toBe(1);
  });

  it('a TLS failure (self-signed certificate) is a failed delivery naming TLS', async () => {
    const { key, cert } = selfSignedCert('localhost');
    let hits = 0;
    const server = createHttpsServer({ key, cert }, (_req, res) => {
      hits++;
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as AddressInfo).port;
      const file = rulesFile([{ notify_webhook: `https://localhost:${port}/h` }]);
      const out = await deliverer().deliver([decisionOf(file.rules[0]!)], file, emptyState(), {});
      expect(out.outcomes[0]).toMatchObject({
        status: 'failed',
        attempts: 3,
        detail: expect.stringMatching(/^TLS error: .*self[- ]signed/i),
      });
      expect(hits).toBe(0);
    } finally {
      server.close();
    }
  });

  it('a name that does not resolve is a failed delivery naming DNS, quickly', async () => {
    const file = rulesFile([{ notify_webhook: 'https://alerts.receiver.invalid/h' }]);
    const out = await deliverer().deliver([decisionOf(file.rules[0]!)], file, emptyState(), {});
    expect(out.outcomes[0]).toMatchObject({
      status: 'failed',
      detail: expect.stringMatching(/DNS lookup failed for alerts\.receiver\.invalid/),
    });
  });

  it('sends unsigned (with a warning) only when the rule names no secret; a named but unset secret fails without sending', async () => {
    const s = await receiver(answer(200));
    const file = rulesFile([
      { notify_webhook: `${s.url}/unsigned`, allow_http: true },
      { notify_webhook: `${s.url}/missing`, allow_http: true, notify_webhook_secret_env: 'NOT_SET' },
      { notify_webhook: `${s.url}/bad`, allow_http: true, notify_webhook_secret_env: 'BAD_SECRET' },
    ]);
    const log: string[] = [];
    const out = await createDeliverer({ allowPrivateTargets: true, log: (l) => log.push(l) }).deliver(
      file.rules.map((r) => decisionOf(r)),
      file,
      emptyState(),
      { BAD_SECRET: 'hunter2' },
    );
    expect(out.outcomes.map((o) => [o.status, o.detail ?? ''])).toEqual([
      ['delivered', ''],
      ['failed', 'env NOT_SET (the webhook secret) is not set'],
      ['failed', 'env BAD_SECRET: secret #1 is not 64 lowercase hex characters'],
    ]);
    expect(s.requests.map((r) => r.url)).toEqual(['/unsigned']);
    expect(s.requests[0]!.headers['x-krafter-signature']).toBeUndefined();
    expect(log).toEqual([expect.stringContaining('webhook of "High Error Rate" is unsigned')]);
    expect(JSON.stringify(out) + log.join('')).not.toContain('hunter2');
    // A configuration problem is not the receiver's failure: no counter moves.
    expect(out.state.webhooks[file.rules[1]!.id]!.consecutive_failures).toBe(0);
  });
});
