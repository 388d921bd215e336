// Email over a real SMTP server, push through a real API-contract server, auto-disable across
// scheduled runs, bounded fan-out, and no secret anywhere in what delivery returns or logs.
import { createHash } from 'node:crypto';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createDeliverer } from '../../src/deliver/deliverer.js';
import { emptyState, type State } from '../../src/state/schema.js';
import { startServer, type TestServer } from '../helpers/http-server.js';
import { GOOD_KEY, bodyOf, startApi } from '../events/support.js';
import { API_KEY, SECRET, SMTP_PASSWORD, decisionOf, rulesFile, startSmtp, type TestSmtp } from './support.js';

const closers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c.close()));
});
async function smtp(opts?: Parameters<typeof startSmtp>[0]): Promise<TestSmtp> {
  const s = await startSmtp(opts);
  closers.push(s);
  return s;
}
async function http(handler: Parameters<typeof startServer>[0]): Promise<TestServer> {
  const s = await startServer(handler);
  closers.push(s);
  return s;
}

describe('email channel', () => {
  it('sends name, project, level, threshold, match count, window and time, in text and HTML, with SMTP AUTH', async () => {
    const mail = await smtp();
    const file = rulesFile([{ name: 'Checkout <errors> & "5xx"', channels: ['email'], notify_email: 'ops@shop.example' }]);
    const out = await createDeliverer({ allowPrivateTargets: false }).deliver([decisionOf(file.rules[0]!)], file, emptyState(), {
      SMTP_URL: mail.url,
    });
    expect(out.outcomes).toEqual([expect.objectContaining({ channel: 'email', status: 'delivered', attempts: 1 })]);
    expect(mail.mails).toHaveLength(1);
    const m = mail.mails[0]!;
    expect([m.from, m.to]).toEqual(['alerts@shop.example', ['ops@shop.example']]);
    expect(m.decoded).toMatch(/^Subject: \[shop-api\] Checkout <errors> & "5xx": 12 error entries in 5 min \(threshold 10\)$/m);
    expect(m.decoded).toMatch(/^X-Alert-Event: alert.triggered$/m);
    expect(m.decoded).toMatch(
      /Content-Type: text\/plain[\s\S]*Checkout <errors> & "5xx" fired for shop-api: 12 error log entries in the 5 minutes up to 2026-04-26T12:00:00Z, at or above the threshold of 10\./,
    );
    for (const line of ['Level: error', 'Threshold: 10 entries in 5 min', 'Matched: 12 entries', 'Triggered at: 2026-04-26T12:00:00Z'])
      expect(m.decoded).toContain(line);
    // HTML part: user text escaped.
    expect(m.decoded).toMatch(
      /Content-Type: text\/html[\s\S]*<strong>Checkout &#60;errors&#62; &#38; &#34;5xx&#34;<\/strong> fired for <strong>shop-api<\/strong>/,
    );
    expect(m.raw).not.toContain(SMTP_PASSWORD);
  });

  it('a missing SMTP URL, a wrong password and a refused recipient are failed outcomes with clear reasons, never the password', async () => {
    const mail = await smtp({ rejectAll: true });
    const file = rulesFile([{ channels: ['email'], notify_email: 'ops@shop.example' }]);
    const d = [decisionOf(file.rules[0]!)];
    const log: string[] = [];
    const deliver = (env: Record<string, string>) =>
      createDeliverer({ allowPrivateTargets: false, log: (l) => log.push(l) }).deliver(d, file, emptyState(), env);
    const missing = await deliver({});
    expect(missing.outcomes[0]).toMatchObject({ status: 'failed', detail: 'env SMTP_URL (the SMTP URL) is not set' });
    const wrong = await deliver({ SMTP_URL: mail.url.replace(encodeURIComponent(SMTP_PASSWORD), 'nope-wrong') });
    expect(wrong.outcomes[0]).toMatchObject({ status: 'failed', detail: expect.stringMatching(/Invalid username or password|auth/i) });
    const refused = await deliver({ SMTP_URL: mail.url });
    expect(refused.outcomes[0]).toMatchObject({ status: 'failed', detail: expect.stringMatching(/mailbox unavailable/) });
    expect(JSON.stringify([missing, wrong, refused]) + log.join('\n')).not.toContain(SMTP_PASSWORD);
  });

  it('with credentials over smtp://, STARTTLS is required: a server that does not offer it never sees AUTH', async () => {
    const mail = await smtp();
    const file = rulesFile([{ channels: ['email'], notify_email: 'ops@shop.example' }]);
    const out = await createDeliverer({ allowPrivateTargets: false }).deliver([decisionOf(file.rules[0]!)], file, emptyState(), {
      SMTP_URL: mail.strictUrl,
    });
    expect(out.outcomes[0]).toMatchObject({ channel: 'email', status: 'failed', detail: expect.stringMatching(/STARTTLS/i) });
    expect(mail.auths).toEqual([]);
    expect(mail.mails).toHaveLength(0);
    const bad = await createDeliverer({ allowPrivateTargets: false }).deliver([decisionOf(file.rules[0]!)], file, emptyState(), {
      SMTP_URL: `${mail.strictUrl}?requireTLS=maybe`,
    });
    expect(bad.outcomes[0]).toMatchObject({ status: 'failed', detail: 'the SMTP URL\'s requireTLS must be true or false (got "maybe")' });
  });

  it('a server that never answers costs one timeout, not one per email: the rest of the run fails at once', async () => {
    // Accepts connections and never sends the SMTP greeting.
    const sockets: Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    closers.push({
      close: () =>
        new Promise<void>((resolve) => {
          for (const c of sockets) c.destroy();
          silent.close(() => resolve());
        }),
    });
    const file = rulesFile(
      Array.from({ length: 20 }, (_, i) => ({ name: `rule ${i}`, channels: ['email' as const], notify_email: 'ops@shop.example' })),
    );
    const url = `smtp://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const out = await createDeliverer({ allowPrivateTargets: false, timeoutMs: 300 }).deliver(
      file.rules.map((r) => decisionOf(r)),
      file,
      emptyState(),
      { SMTP_URL: url },
    );
    expect(out.outcomes.map((o) => o.status)).toEqual(file.rules.map(() => 'failed'));
    const skipped = out.outcomes.filter((o) => o.detail?.startsWith('not attempted: the SMTP server failed earlier in this run'));
    expect(skipped).toHaveLength(19); // only the first email waited for the server
    expect(sockets).toHaveLength(1);
  });

  it('a refused connection costs nothing, so it trips nothing: every email is tried', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const file = rulesFile(
      Array.from({ length: 5 }, (_, i) => ({ name: `rule ${i}`, channels: ['email' as const], notify_email: 'ops@shop.example' })),
    );
    const out = await createDeliverer({ allowPrivateTargets: false, timeoutMs: 2000 }).deliver(
      file.rules.map((r) => decisionOf(r)),
      file,
      emptyState(),
      { SMTP_URL: `smtp://127.0.0.1:${port}` },
    );
    expect(out.outcomes.map((o) => o.status)).toEqual(file.rules.map(() => 'failed'));
    for (const o of out.outcomes) expect(o.detail).toMatch(/^(?!not attempted).*ECONNREFUSED/);
  });

  it('after an email got through, one server timeout does not stop the others; three in a row do', async () => {
    const mail = await smtp({ hangFor: 'slow@shop.example' });
    const to = ['ops@shop.example', 'slow@shop.example', 'ops@shop.example', 'ops@shop.example'];
    const file = rulesFile(
      to.map((notify_email, i) => ({ name: `rule ${i}`, channels: ['email' as const], notify_email })),
      { concurrency: 1 },
    );
    const out = await createDeliverer({ allowPrivateTargets: false, timeoutMs: 300 }).deliver(
      file.rules.map((r) => decisionOf(r)),
      file,
      emptyState(),
      { SMTP_URL: mail.url },
    );
    expect(out.outcomes.map((o) => o.status)).toEqual(['delivered', 'failed', 'delivered', 'delivered']);
    expect(out.outcomes[1]!.detail).not.toMatch(/not attempted/);
    expect(mail.mails).toHaveLength(3);
    const hangs = ['ops@shop.example', 'slow@shop.example', 'slow@shop.example', 'slow@shop.example', 'ops@shop.example'];
    const file2 = rulesFile(
      hangs.map((notify_email, i) => ({ name: `rule ${i}`, channels: ['email' as const], notify_email })),
      { concurrency: 1 },
    );
    const out2 = await createDeliverer({ allowPrivateTargets: false, timeoutMs: 300 }).deliver(
      file2.rules.map((r) => decisionOf(r)),
      file2,
      emptyState(),
      { SMTP_URL: mail.url },
    );
    expect(out2.outcomes.map((o) => o.status)).toEqual(['delivered', 'failed', 'failed', 'failed', 'failed']);
    expect(out2.outcomes.map((o) => /^not attempted/.test(o.detail ?? ''))).toEqual([false, false, false, false, true]);
  });

  it('a password with a bare % (not an escape) is used as written, and never shown', async () => {
    const password = '50%off-%zz-S3cret';
    const mail = await smtp({ password });
    const file = rulesFile([{ channels: ['email'], notify_email: 'ops@shop.example' }]);
    const url = mail.url.replace(encodeURIComponent(password), password);
    expect(url).toContain(`:${password}@`);
    const out = await createDeliverer({ allowPrivateTargets: false }).deliver([decisionOf(file.rules[0]!)], file, emptyState(), {
      SMTP_URL: url,
    });
    expect(out.outcomes[0]).toMatchObject({ channel: 'email', status: 'delivered' });
    expect(mail.auths).toEqual(['alerts']);
    const wrong = await createDeliverer({ allowPrivateTargets: false }).deliver([decisionOf(file.rules[0]!)], file, emptyState(), {
      SMTP_URL: url.replace('S3cret', 'nope%'),
    });
    expect(wrong.outcomes[0]).toMatchObject({ status: 'failed' });
    expect(JSON.stringify(wrong)).not.toContain('50%off');
  });
});

describe('push channel (API Alerts)', () => {
  it('sends alert.triggered with the rule channel, tags and link, with the evaluate integration header', async () => {
    const api = await startApi();
    closers.push(api);
    const file = rulesFile(
      [
        {
          channels: ['apialerts'],
          apialerts_channel: 'ops',
          apialerts_tags: ['checkout'],
          apialerts_link: 'https://grafana.example/d/errors',
        },
      ],
      { apialerts_key_env: 'MY_KEY' },
    );
    const out = await createDeliverer({ allowPrivateTargets: false }).deliver([decisionOf(file.rules[0]!)], file, emptyState(), {
      MY_KEY: GOOD_KEY,
      APIALERTS_SERVER_URL: api.url,
    });
    expect(out.outcomes[0]).toMatchObject({ channel: 'apialerts', status: 'delivered', http_status: 200 });
    expect(api.requests[0]!.headers['x-integration']).toBe('apialerts-evaluate');
    expect(bodyOf(api.requests[0])).toMatchObject({
      event: 'alert.triggered',
      channel: 'ops',
      tags: ['checkout'],
      link: 'https://grafana.example/d/errors',
      message: '12 error entries in 5 min (threshold 10) at 2026-04-26T12:00:00Z',
      data: { alert_id: file.rules[0]!.id, match_count: 12, project: 'shop-api' },
    });
    const noKey = await createDeliverer({ allowPrivateTargets: false }).deliver([decisionOf(file.rules[0]!)], file, emptyState(), {
      APIALERTS_SERVER_URL: api.url,
    });
    expect(noKey.outcomes[0]).toMatchObject({ status: 'failed', detail: 'env MY_KEY (the API Alerts key) is not set' });
    const badKey = await createDeliverer({ allowPrivateTargets: false }).deliver([decisionOf(file.rules[0]!)], file, emptyState(), {
      MY_KEY: API_KEY + 'x',
      APIALERTS_SERVER_URL: api.url,
    });
    expect(badKey.outcomes[0]).toMatchObject({ status: 'failed', http_status: 401 });
    expect(JSON.stringify(badKey)).not.toContain(API_KEY);
  });
});

describe('auto-disable across scheduled runs', () => {
  it('a webhook failing 10 deliveries in a row goes inactive, email keeps firing, no more webhook attempts; a new URL reactivates it', async () => {
    const failing = await http((_req, res) => {
      res.writeHead(500);
      res.end();
    });
    const mail = await smtp();
    const rule = {
      channels: ['webhook', 'email'] as ('webhook' | 'email')[],
      notify_webhook: `${failing.url}/h`,
      allow_http: true,
      notify_email: 'ops@shop.example',
      notify_webhook_secret_env: 'S',
    };
    const file = rulesFile([rule]);
    const id = file.rules[0]!.id;
    const deliverer = createDeliverer({ allowPrivateTargets: true, retryBaseMs: 1 });
    const env = { SMTP_URL: mail.url, S: SECRET };
    let state: State = emptyState();
    for (let run = 1; run <= 12; run++) {
      const tick = new Date(Date.UTC(2026, 3, 26, 12, run * 5)).toISOString().replace('.000Z', 'Z');
      const out = await deliverer.deliver([decisionOf(file.rules[0]!, tick)], file, state, env);
      state = JSON.parse(JSON.stringify(out.state)); // as saved to and loaded from the state file
      const webhook = out.outcomes.find((o) => o.channel === 'webhook')!;
      expect(out.outcomes.find((o) => o.channel === 'email')!.status).toBe('delivered');
      if (run <= 10) expect(webhook).toMatchObject({ status: 'failed', attempts: 3 });
      else expect(webhook).toMatchObject({ status: 'skipped', attempts: 0, detail: expect.stringContaining('webhook inactive since') });
      expect(state.webhooks[id]!.active).toBe(run < 10);
    }
    expect(failing.requests).toHaveLength(30);
    expect(mail.mails).toHaveLength(12);
    expect(state.webhooks[id]).toMatchObject({ consecutive_failures: 10, active: false, disabled_at: expect.stringMatching(/Z$/) });
    expect(JSON.stringify(state)).not.toContain(SECRET);
    expect(JSON.stringify(state)).not.toContain(failing.url);

    const healthy = await http((_req, res) => {
      res.end();
    });
    // Re-enabled in the rule file (what `alerts webhook-enable` writes): the same URL is tried again,
    // from a fresh counter, and the marker keeps its state from then on.
    const reenabled = rulesFile([{ ...rule, id, notify_webhook: `${healthy.url}/h`, webhook_reenabled_at: '2026-04-26T13:00:00Z' }]);
    const sameUrl = rulesFile([{ ...rule, id, notify_webhook: `${healthy.url}/h` }]);
    const still = await deliverer.deliver(
      [decisionOf(sameUrl.rules[0]!, '2026-04-26T13:05:00Z')],
      sameUrl,
      {
        ...state,
        webhooks: { [id]: { ...state.webhooks[id]!, url_sha256: createHash('sha256').update(`${healthy.url}/h`).digest('hex') } },
      },
      env,
    );
    expect(still.outcomes.find((o) => o.channel === 'webhook')).toMatchObject({ status: 'skipped' });
    const again = await deliverer.deliver([decisionOf(reenabled.rules[0]!, '2026-04-26T13:05:00Z')], reenabled, still.state, env);
    expect(again.outcomes.find((o) => o.channel === 'webhook')).toMatchObject({ status: 'delivered' });
    expect(again.state.webhooks[id]).toMatchObject({ active: true, consecutive_failures: 0, disabled_at: null });
    const kept = await deliverer.deliver(
      [decisionOf(reenabled.rules[0]!, '2026-04-26T13:10:00Z')],
      reenabled,
      { ...again.state, webhooks: { [id]: { ...again.state.webhooks[id]!, consecutive_failures: 4 } } },
      env,
    );
    expect(kept.state.webhooks[id]).toMatchObject({ active: true, consecutive_failures: 0 });
    expect(kept.state.webhooks[id]!.url_sha256).toBe(again.state.webhooks[id]!.url_sha256);
    const moved = rulesFile([{ ...rule, id, notify_webhook: `${healthy.url}/new` }]);
    const out = await deliverer.deliver([decisionOf(moved.rules[0]!, '2026-04-26T14:00:00Z')], moved, state, env);
    expect(out.outcomes.find((o) => o.channel === 'webhook')).toMatchObject({ status: 'delivered' });
    expect(out.state.webhooks[id]).toMatchObject({ active: true, consecutive_failures: 0, disabled_at: null });
  });
});

describe('fan-out', () => {
  it('200 rules firing to a receiver that answers after 100 ms finish in a small multiple of 100 ms, every outcome listed', async () => {
    const slow = await http((_req, res) => {
      setTimeout(() => res.end(), 100);
    });
    const file = rulesFile(
      Array.from({ length: 200 }, (_, i) => ({ name: `rule ${i}`, notify_webhook: `${slow.url}/r${i}`, allow_http: true })),
      { concurrency: 64 },
    );
    const started = Date.now();
    const out = await createDeliverer({ allowPrivateTargets: true }).deliver(
      file.rules.map((r) => decisionOf(r)),
      file,
      emptyState(),
      {},
    );
    const elapsed = Date.now() - started;
    expect(out.outcomes).toHaveLength(200);
    expect(out.outcomes.every((o) => o.status === 'delivered')).toBe(true);
    expect(out.outcomes.map((o) => o.rule_name)).toEqual(file.rules.map((r) => r.name));
    // Serial would be 20 s; the bound (64 in flight) makes it ~4 × 100 ms. Loose: timing is measured in bench/.
    expect(elapsed).toBeLessThan(10_000);
  });

  // The per-host bound itself: test/deliver/per-host.test.ts (at the defaults, without timers).

  it('one receiver that never answers does not hold up the others', async () => {
    const hanging = await http(() => {});
    const fast = await http((_req, res) => {
      res.end();
    });
    const file = rulesFile(
      [
        { name: 'stuck', notify_webhook: `${hanging.url}/h`, allow_http: true },
        ...Array.from({ length: 5 }, (_, i) => ({ name: `ok ${i}`, notify_webhook: `${fast.url}/${i}`, allow_http: true })),
      ],
      { concurrency: 2 },
    );
    const seen: number[] = [];
    const out = await createDeliverer({ allowPrivateTargets: true, timeoutMs: 500, retryBaseMs: 1 }).deliver(
      file.rules.map((r) => decisionOf(r)),
      file,
      emptyState(),
      {},
    );
    for (const r of fast.requests) seen.push(r.at);
    expect(out.outcomes.map((o) => o.status)).toEqual(['failed', 'delivered', 'delivered', 'delivered', 'delivered', 'delivered']);
    // All fast deliveries went out through the other slot while the stuck one waited out its attempts.
    expect(Math.max(...seen)).toBeLessThan(500);
  });
});
