// Outgoing requests refuse loopback, private, link-local and metadata addresses as resolved at
// connect time, unless explicitly allowed; proved against a real local receiver.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privateReason } from '../../src/deliver/address-policy.js';
import { createDeliverer } from '../../src/deliver/deliverer.js';
import { emptyState } from '../../src/state/schema.js';
import { startServer, type TestServer } from '../helpers/http-server.js';
import { decisionOf, rulesFile } from './support.js';

let s: TestServer;
beforeAll(async () => {
  s = await startServer((_req, res) => {
    res.end();
  });
});
afterAll(() => s.close());

describe('privateReason', () => {
  it.each([
    '127.0.0.1',
    '127.1.2.3',
    '10.0.0.1',
    '172.16.5.4',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'fd00:ec2::254',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:169.254.169.254',
    '64:ff9b::10.0.0.1',
    'ff02::1',
  ])('refuses %s', (ip) => {
    expect(privateReason(ip)).toBeTruthy();
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])('allows public %s', (ip) => {
    expect(privateReason(ip)).toBeUndefined();
  });
});

describe('delivery to non-public targets', () => {
  const targets = () => [
    `http://127.0.0.1:${s.port}/a`,
    `http://localhost:${s.port}/b`,
    `http://[::ffff:127.0.0.1]:${s.port}/c`,
    'http://169.254.169.254/latest/meta-data',
  ];

  it('refuses every one by default — literal IPs, a name resolving to loopback, IPv4-mapped IPv6, metadata — without connecting', async () => {
    const file = rulesFile(
      targets().map((u) => ({ notify_webhook: u, allow_http: true })),
      { allow_private_targets: false },
    );
    const before = s.requests.length;
    const out = await createDeliverer({ allowPrivateTargets: false, retryBaseMs: 1 }).deliver(
      file.rules.map((r) => decisionOf(r)),
      file,
      emptyState(),
      {},
    );
    expect(out.outcomes.map((o) => [o.status, o.attempts])).toEqual(targets().map(() => ['failed', 1]));
    for (const o of out.outcomes) expect(o.detail).toMatch(/^refused: .*(loopback|private|link-local).*allow_private_targets is off/);
    expect(s.requests.length).toBe(before);
    // Our policy refused them, the receivers did nothing wrong: no failure is counted against them.
    for (const r of file.rules) expect(out.state.webhooks[r.id]).toMatchObject({ active: true, consecutive_failures: 0 });
  });

  it('delivers to them when explicitly allowed (the switch tests and self-hosted receivers use)', async () => {
    const file = rulesFile(
      targets()
        .slice(0, 2)
        .map((u) => ({ notify_webhook: u, allow_http: true })),
      { allow_private_targets: false },
    );
    const before = s.requests.length;
    const out = await createDeliverer({ allowPrivateTargets: true }).deliver(
      file.rules.map((r) => decisionOf(r)),
      file,
      emptyState(),
      {},
    );
    expect(out.outcomes.map((o) => o.status)).toEqual(['delivered', 'delivered']);
    expect(
      s.requests
        .slice(before)
        .map((r) => r.url)
        .sort(),
    ).toEqual(['/a', '/b']);
  });
});
