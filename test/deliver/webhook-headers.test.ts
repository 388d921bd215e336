// Webhook details a receiver depends on, against real local servers: the headers of each scheme when
// unsigned, one event id per group of a grouped rule, the proxy named by the run's environment, and a
// changed URL starting afresh after a re-enable.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createDeliverer } from '../../src/deliver/deliverer.js';
import { currentWebhookState } from '../../src/deliver/webhook-state.js';
import { emptyState } from '../../src/state/schema.js';
import { startServer, type TestServer } from '../helpers/http-server.js';
import { decisionOf, rulesFile } from './support.js';

let servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});
async function receiver(): Promise<TestServer> {
  const s = await startServer((_req, res) => void res.writeHead(200).end());
  servers.push(s);
  return s;
}
const deliverer = () => createDeliverer({ allowPrivateTargets: true, retryBaseMs: 0, timeoutMs: 5000 });

describe('unsigned webhooks per scheme', () => {
  it('standard: the Standard Webhooks id and timestamp, no signature, none of the seed headers', async () => {
    const s = await receiver();
    const file = rulesFile([{ notify_webhook: `${s.url}/h`, allow_http: true, webhook_scheme: 'standard' }]);
    const out = await deliverer().deliver([decisionOf(file.rules[0]!)], file, emptyState(), {});
    expect(out.outcomes[0]!.status).toBe('delivered');
    const h = s.requests[0]!.headers;
    expect(h['webhook-id']).toBe(`evt_${file.rules[0]!.id}_${Date.parse('2026-04-26T12:00:00Z') / 1000}`);
    expect(h['webhook-timestamp']).toMatch(/^\d{10}$/);
    expect(h['webhook-signature']).toBeUndefined();
    expect(Object.keys(h).filter((k) => k.startsWith('x-krafter-'))).toEqual([]);
  });

  it('both: the seed headers and the Standard Webhooks ones, neither signed', async () => {
    const s = await receiver();
    const file = rulesFile([{ notify_webhook: `${s.url}/h`, allow_http: true, webhook_scheme: 'both' }]);
    await deliverer().deliver([decisionOf(file.rules[0]!)], file, emptyState(), {});
    const h = s.requests[0]!.headers;
    expect(h['x-krafter-event-id']).toBe(h['webhook-id']);
    expect(h['x-krafter-signature']).toBeUndefined();
    expect(h['webhook-signature']).toBeUndefined();
  });
});

describe('a grouped rule', () => {
  it('two groups firing at the same tick get two event ids (receivers deduplicate on it), each stable', async () => {
    const s = await receiver();
    const file = rulesFile([{ notify_webhook: `${s.url}/h`, allow_http: true, group_by: ['host'], webhook_scheme: 'both' }]);
    const rule = file.rules[0]!;
    const at = (host: string) => ({ ...decisionOf(rule), group: { host } });
    await deliverer().deliver([at('web-1'), at('web-2')], file, emptyState(), {});
    await deliverer().deliver([at('web-1')], file, emptyState(), {});
    const ids = s.requests.map((r) => String(r.headers['x-krafter-event-id']));
    const base = `evt_${rule.id}_${Date.parse('2026-04-26T12:00:00Z') / 1000}_`;
    for (const id of ids) expect(id).toMatch(new RegExp(`^${base}[0-9a-f]{16}$`));
    expect(new Set(ids.slice(0, 2)).size).toBe(2);
    expect(ids.filter((id) => id === ids[2])).toHaveLength(2); // web-1 again: the same id as before
  });
});

describe('the proxy', () => {
  it("is the one the run's environment names, not the process's", async () => {
    const s = await receiver();
    const seen: string[] = [];
    const proxy: Server = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      const up = request(
        { host: '127.0.0.1', port: s.port, method: req.method, path: new URL(req.url ?? '/').pathname, headers: req.headers },
        (r) => {
          res.writeHead(r.statusCode ?? 502, r.headers);
          r.pipe(res);
        },
      );
      req.pipe(up);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    try {
      const file = rulesFile([{ notify_webhook: `${s.url}/via-proxy`, allow_http: true }]);
      const env = { http_proxy: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}` };
      const out = await deliverer().deliver([decisionOf(file.rules[0]!)], file, emptyState(), env);
      expect(out.outcomes[0]!.status).toBe('delivered');
      expect(seen).toEqual([`POST ${s.url}/via-proxy`]);
    } finally {
      await new Promise<void>((r) => proxy.close(() => r()));
    }
  });
});

describe('webhook state', () => {
  it('after a re-enable, a changed URL still starts afresh', () => {
    const at = '2026-04-26T12:00:00Z';
    const before = currentWebhookState(undefined, 'https://a.example/h', at);
    const failing = { ...before, consecutive_failures: 7 };
    expect(currentWebhookState(failing, 'https://a.example/h', at).consecutive_failures).toBe(7);
    expect(currentWebhookState(failing, 'https://b.example/h', at)).toMatchObject({ active: true, consecutive_failures: 0 });
  });
});
