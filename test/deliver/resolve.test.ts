// Resolves (alert.resolved) and value-rule fires on every channel, against real local servers.
import crypto from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createDeliverer } from '../../src/deliver/deliverer.js';
import type { Decision } from '../../src/deliver/types.js';
import { emptyState } from '../../src/state/schema.js';
import { startServer, type TestServer } from '../helpers/http-server.js';
import { GOOD_KEY, bodyOf, startApi } from '../events/support.js';
import { SECRET, decisionOf, rulesFile, startSmtp, type TestSmtp } from './support.js';

// The seed's receiver snippet, unchanged.
function verify(req: any, secret: any) {
  const raw = req.rawBody;
  const expected = 'sha256=' + crypto.createHmac('sha256', secret).update(raw).digest('hex');
  const got = req.headers['x-krafter-signature'];
  return crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(got));
}

const closers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c.close()));
});
async function http(handler: Parameters<typeof startServer>[0]): Promise<TestServer> {
  const s = await startServer(handler);
  closers.push(s);
  return s;
}
async function smtp(): Promise<TestSmtp> {
  const s = await startSmtp();
  closers.push(s);
  return s;
}

const disk = {
  name: 'Disk almost full',
  threshold: 90,
  recovery_threshold: 85,
  value: { field: 'disk_used_pct', aggregate: 'max' as const },
};
const resolveOf = (fire: Decision, resolved_at: string, value: number | null, group?: Record<string, string | null>): Decision => ({
  ...fire,
  event: 'alert.resolved',
  resolved_at,
  value,
  ...(group ? { group } : {}),
});

describe('resolve over webhook', () => {
  it('x-krafter-event alert.resolved, body = the fired body + resolved_at, value, group; signed, its own stable event id, retried as fires are', async () => {
    const s = await http((_req, res, i) => {
      res.writeHead(i === 1 || i === 2 ? 500 : 200);
      res.end();
    });
    const file = rulesFile([{ ...disk, notify_webhook: `${s.url}/h`, allow_http: true, notify_webhook_secret_env: 'S' }]);
    const rule = file.rules[0]!;
    const fire: Decision = { ...decisionOf(rule, '2026-04-26T12:00:00Z', 3), value: 93.5, group: { host: 'web-1' } };
    const deliverer = createDeliverer({ allowPrivateTargets: true, retryBaseMs: 1 });
    const fired = await deliverer.deliver([fire], file, emptyState(), { S: SECRET });
    expect(fired.outcomes[0]).toMatchObject({ status: 'delivered', attempts: 1 });
    const resolved = await deliverer.deliver([resolveOf(fire, '2026-04-26T12:25:00Z', 84, { host: 'web-1' })], file, fired.state, {
      S: SECRET,
    });
    expect(resolved.outcomes[0]).toMatchObject({
      status: 'delivered',
      attempts: 3,
      event: 'alert.resolved',
      resolved_at: '2026-04-26T12:25:00Z',
      triggered_at: '2026-04-26T12:00:00Z',
    });

    const [f, ...r] = s.requests;
    expect(f!.headers['x-krafter-event']).toBe('alert.triggered');
    expect(f!.rawBody.toString()).toBe(
      `{"alert_id":"${rule.id}","alert_name":"Disk almost full","level":"error","match_count":3,"window_minutes":5,"triggered_at":"2026-04-26T12:00:00Z","value":93.5,"aggregate":"max","field":"disk_used_pct"}`,
    );
    expect(r).toHaveLength(3);
    for (const req of r) {
      expect(req.headers['x-krafter-event']).toBe('alert.resolved');
      expect(verify(req, SECRET)).toBe(true);
      expect(req.rawBody.toString()).toBe(
        `{"alert_id":"${rule.id}","alert_name":"Disk almost full","level":"error","match_count":3,"window_minutes":5,"triggered_at":"2026-04-26T12:00:00Z","value":84,"aggregate":"max","field":"disk_used_pct","resolved_at":"2026-04-26T12:25:00Z","group":{"host":"web-1"}}`,
      );
    }
    // one event id for the resolve's attempts, distinct from the fire's
    expect(new Set(r.map((q) => q.headers['x-krafter-event-id']))).toEqual(
      new Set([`evt_${rule.id}_${Date.UTC(2026, 3, 26, 12, 25) / 1000}_resolved`]),
    );
    expect(f!.headers['x-krafter-event-id']).toBe(`evt_${rule.id}_${Date.UTC(2026, 3, 26, 12, 0) / 1000}`);
    // the seed's six fields come first, unchanged: a receiver that reads them sees the fire it knows
    const fb = JSON.parse(f!.rawBody.toString());
    const rb = JSON.parse(r[0]!.rawBody.toString());
    for (const k of ['alert_id', 'alert_name', 'level', 'match_count', 'window_minutes', 'triggered_at']) expect(rb[k]).toEqual(fb[k]);
  });

  it('a resolve of a count rule (no value field) still carries resolved_at and value', async () => {
    const s = await http((_req, res) => {
      res.end();
    });
    const file = rulesFile([{ pending_ticks: 2, notify_webhook: `${s.url}/h`, allow_http: true }]);
    const fire = decisionOf(file.rules[0]!, '2026-04-26T12:00:00Z', 12);
    await createDeliverer({ allowPrivateTargets: true }).deliver([resolveOf(fire, '2026-04-26T12:10:00Z', 2)], file, emptyState(), {});
    expect(JSON.parse(s.requests[0]!.rawBody.toString())).toEqual({
      alert_id: file.rules[0]!.id,
      alert_name: 'High Error Rate',
      level: 'error',
      match_count: 12,
      window_minutes: 5,
      triggered_at: '2026-04-26T12:00:00Z',
      resolved_at: '2026-04-26T12:10:00Z',
      value: 2,
    });
  });
});

describe('resolve over email and push', () => {
  it('email: "Resolved: …" subject, X-Alert-Event alert.resolved, the value and when it fired', async () => {
    const mail = await smtp();
    const file = rulesFile([{ ...disk, channels: ['email'], notify_email: 'ops@shop.example' }]);
    const fire: Decision = { ...decisionOf(file.rules[0]!, '2026-04-26T12:00:00Z', 3), value: 93.5, group: { host: 'web-1' } };
    const out = await createDeliverer({ allowPrivateTargets: false }).deliver(
      [fire, resolveOf(fire, '2026-04-26T12:25:00Z', 84, { host: 'web-1' })],
      file,
      emptyState(),
      { SMTP_URL: mail.url },
    );
    expect(out.outcomes.map((o) => [o.status, o.event])).toEqual([
      ['delivered', undefined],
      ['delivered', 'alert.resolved'],
    ]);
    const [m1, m2] = [...mail.mails].sort((a, b) => a.decoded.indexOf('Resolved') - b.decoded.indexOf('Resolved'));
    expect(m1!.decoded).toMatch(
      /^Subject: \[shop-api\] Disk almost full for host=web-1: max of disk_used_pct 93\.5 in 5 min \(threshold 90, recovery 85\)$/m,
    );
    expect(m1!.decoded).toMatch(/^X-Alert-Event: alert.triggered$/m);
    expect(m2!.decoded).toMatch(/^Subject: Resolved: \[shop-api\] Disk almost full for host=web-1$/m);
    expect(m2!.decoded).toMatch(/^X-Alert-Event: alert.resolved$/m);
    for (const line of [
      'Resolved at: 2026-04-26T12:25:00Z',
      'Value: max of disk_used_pct: 84',
      'Fired at: 2026-04-26T12:00:00Z',
      'Group: host=web-1',
    ])
      expect(m2!.decoded).toContain(line);
  });

  it('push: event alert.resolved with resolved_at, value and group in data', async () => {
    const api = await startApi();
    closers.push(api);
    const file = rulesFile([{ ...disk, channels: ['apialerts'] }], { apialerts_key_env: 'MY_KEY' });
    const fire: Decision = { ...decisionOf(file.rules[0]!, '2026-04-26T12:00:00Z', 3), value: 93.5, group: { host: 'web-1' } };
    const out = await createDeliverer({ allowPrivateTargets: false }).deliver(
      [resolveOf(fire, '2026-04-26T12:25:00Z', 84, { host: 'web-1' })],
      file,
      emptyState(),
      {
        MY_KEY: GOOD_KEY,
        APIALERTS_SERVER_URL: api.url,
      },
    );
    expect(out.outcomes[0]).toMatchObject({ status: 'delivered', event: 'alert.resolved' });
    expect(bodyOf(api.requests[0])).toMatchObject({
      event: 'alert.resolved',
      title: 'Resolved: Disk almost full (shop-api)',
      message: expect.stringContaining('resolved at 2026-04-26T12:25:00Z'),
      data: {
        alert_id: file.rules[0]!.id,
        triggered_at: '2026-04-26T12:00:00Z',
        resolved_at: '2026-04-26T12:25:00Z',
        value: 84,
        group: { host: 'web-1' },
      },
    });
  });
});

describe('rule file: lifecycle fields', () => {
  it('a recovery threshold on the wrong side, or no_data without value, is refused naming the field', () => {
    expect(() => rulesFile([{ ...disk, recovery_threshold: 95 }])).toThrow(/recovery_threshold[\s\S]*at most the threshold \(90\)/);
    expect(() => rulesFile([{ no_data: 'ok' }])).toThrow(/no_data[\s\S]*only for value rules/);
  });
});
