// The BUILT CLI's rule management (`alerts …`) and receiver-side verifier (`verify`), as processes.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:net';
import { readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDeliverer } from '../../src/deliver/deliverer.js';
import { loadRules } from '../../src/rules/load.js';
import { emptyState } from '../../src/state/schema.js';
import { builtBundle, runNode, tempDir } from '../events/support.js';

const EXAMPLE = new URL('../../examples/alerts.yml', import.meta.url).pathname;
const cli = (args: string[], env: Record<string, string> = {}) => runNode(builtBundle('cli'), args, env);

let raw: Server | undefined;
afterEach(() => {
  raw?.close();
  raw = undefined;
});

function setup(): { dir: string; rules: string; state: string } {
  const dir = tempDir('alerts-e2e-');
  const rules = join(dir, 'alerts.yml');
  copyFileSync(EXAMPLE, rules);
  return { dir, rules, state: join(dir, 'state.json') };
}

describe('apialerts alerts (built CLI)', () => {
  it('add assigns a UUID and prints a 64-hex secret once, with instructions; the file holds only the env var name', async () => {
    const { rules } = setup();
    const r = await cli([
      'alerts',
      'add',
      '--rules',
      rules,
      '--name',
      'Checkout errors',
      '--level',
      'error',
      '--threshold',
      '5',
      '--window',
      '10',
      '--channels',
      'webhook',
      '--webhook',
      'https://hooks.example.com/checkout',
      '--scheme',
      'both',
    ]);
    expect(r.code).toBe(0);
    const secret = /\n {2}([0-9a-f]{64})\n/.exec(r.stdout)?.[1];
    expect(secret).toBeDefined();
    expect(r.stdout).toContain('repository secret named ALERT_CHECKOUT_ERRORS_SECRET');
    const text = readFileSync(rules, 'utf8');
    expect(text).not.toContain(secret!);
    const rule = (await loadRules(rules)).rules.at(-1)!;
    expect(rule).toMatchObject({
      name: 'Checkout errors',
      threshold: 5,
      window_minutes: 10,
      webhook_scheme: 'both',
      notify_webhook_secret_env: 'ALERT_CHECKOUT_ERRORS_SECRET',
    });
    expect(rule.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(text.startsWith(readFileSync(EXAMPLE, 'utf8'))).toBe(true); // appended; everything before kept byte for byte

    const listed = await cli(['alerts', 'list', '--rules', rules, '--json']);
    expect(JSON.parse(listed.stdout).map((x: { name: string }) => x.name)).toEqual([
      ...(await loadRules(EXAMPLE)).rules.map((r) => r.name),
      'Checkout errors',
    ]);
    expect(listed.stdout).not.toContain(secret!);

    const rotated = await cli(['alerts', 'rotate-secret', '--rules', rules, 'Checkout errors', '--json']);
    const out = JSON.parse(rotated.stdout);
    expect(out).toMatchObject({ name: 'Checkout errors', secret_env: 'ALERT_CHECKOUT_ERRORS_SECRET' });
    expect(out.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(out.secret).not.toBe(secret);
    expect(readFileSync(rules, 'utf8')).toBe(text);
  });

  it('update, disable, enable and rm edit the rule in place; bad edits exit 2 and leave the file untouched', async () => {
    const { rules } = setup();
    const original = readFileSync(rules, 'utf8');
    expect((await cli(['alerts', 'update', '--rules', rules, 'Any fatal', '--threshold', '2'])).code).toBe(0);
    expect((await cli(['alerts', 'disable', '--rules', rules, 'Any fatal'])).code).toBe(0);
    let file = await loadRules(rules);
    expect(file.rules[1]).toMatchObject({ threshold: 2, enabled: false });
    expect((await cli(['alerts', 'enable', '--rules', rules, 'Any fatal'])).code).toBe(0);
    expect((await cli(['alerts', 'update', '--rules', rules, 'Any fatal', '--threshold', '1'])).code).toBe(0);
    expect(readFileSync(rules, 'utf8')).toBe(original);

    const before = readFileSync(rules, 'utf8');
    const bad = await cli(['alerts', 'update', '--rules', rules, 'High Error Rate', '--channels', 'email,sms']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/rules\[0\] "High Error Rate" → channels/);
    const missing = await cli(['alerts', 'disable', '--rules', rules, 'No such rule']);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('no rule with id or name "No such rule"')]);
    const usage = await cli(['alerts', 'add', '--rules', rules, '--name', 'x']);
    expect(usage.code).toBe(2);
    expect(readFileSync(rules, 'utf8')).toBe(before);

    expect((await cli(['alerts', 'rm', '--rules', rules, 'Warning flood'])).code).toBe(0);
    file = await loadRules(rules);
    expect(file.rules.map((r) => r.name)).toEqual((await loadRules(EXAMPLE)).rules.map((r) => r.name).filter((n) => n !== 'Warning flood'));
  });

  it('webhook-enable marks the rule (for state kept in the cache) and resets a state file; a changed URL resets it too', async () => {
    const { rules, state } = setup();
    const id = 'f1e2d3c4-b5a6-4788-9c6d-5e4f3a2b1c0d';
    const disabled = {
      version: 1,
      last_evaluated_at: '2026-04-26T12:00:00Z',
      rules: { [id]: { last_triggered_at: '2026-04-26T11:00:00Z' } },
      webhooks: {
        [id]: {
          url_sha256: createHash('sha256')
            .update((await loadRules(rules)).rules.find((r) => r.id === id)!.notify_webhook!)
            .digest('hex'),
          active: false,
          consecutive_failures: 10,
          disabled_at: '2026-04-26T11:55:00Z',
        },
      },
    };
    writeFileSync(state, JSON.stringify(disabled));
    const listed = await cli(['alerts', 'list', '--rules', rules, '--state', state]);
    expect(listed.stdout).toMatch(/High Error Rate: .* · last fired 2026-04-26T11:00:00Z · WEBHOOK INACTIVE/);
    expect((await cli(['alerts', 'webhook-enable', '--rules', rules, 'High Error Rate', '--state', state])).code).toBe(0);
    const after = JSON.parse(readFileSync(state, 'utf8'));
    expect(after.webhooks).toEqual({});
    expect(after.rules[id]).toEqual({ last_triggered_at: '2026-04-26T11:00:00Z' });
    const marked = (await loadRules(rules)).rules.find((r) => r.id === id)!.webhook_reenabled_at;
    expect(Date.now() - Date.parse(marked!)).toBeLessThan(60_000);

    writeFileSync(state, JSON.stringify(disabled));
    expect(
      (await cli(['alerts', 'update', '--rules', rules, 'High Error Rate', '--webhook', 'https://new.example.com/h', '--state', state]))
        .code,
    ).toBe(0);
    expect(JSON.parse(readFileSync(state, 'utf8')).webhooks).toEqual({});
    // Without a state file (the scheduled workflow's state is in the cache) the rule file is the switch:
    // the stored state, disabled under the old marker, no longer applies.
    writeFileSync(state, JSON.stringify(disabled));
    const noState = await cli(['alerts', 'webhook-enable', '--rules', rules, 'High Error Rate', '--json']);
    expect(noState.code).toBe(0);
    expect(JSON.parse(noState.stdout)).toMatchObject({ id, webhook_active: true, webhook_reenabled_at: expect.stringMatching(/Z$/) });
    expect(JSON.parse(readFileSync(state, 'utf8'))).toEqual(disabled);
    expect((await cli(['alerts', 'list', '--rules', rules, '--state', state])).stdout).not.toMatch(/High Error Rate: .*WEBHOOK INACTIVE/);
    const noWebhook = await cli(['alerts', 'webhook-enable', '--rules', rules, 'Any fatal']);
    expect([noWebhook.code, noWebhook.stderr]).toEqual([2, expect.stringContaining('rule "Any fatal" has no webhook')]);
  });
});

describe('apialerts verify (built CLI)', () => {
  it('verifies a delivery saved byte for byte from the wire, in both schemes, and rejects a tampered one', async () => {
    const dir = tempDir('verify-e2e-');
    const secret = '9'.repeat(64);
    // A raw TCP receiver that saves exactly the bytes it received, then answers 200.
    const saved: Buffer[] = [];
    raw = createServer((socket) => {
      const chunks: Buffer[] = [];
      socket.on('data', (c) => {
        chunks.push(c);
        const all = Buffer.concat(chunks);
        const head = all.indexOf('\r\n\r\n');
        const len = Number(/content-length: (\d+)/i.exec(all.subarray(0, head).toString())?.[1] ?? 0);
        if (head >= 0 && all.length >= head + 4 + len) {
          saved.push(all);
          socket.end('HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n');
        }
      });
    });
    await new Promise<void>((r) => raw!.listen(0, '127.0.0.1', r));
    const port = (raw.address() as { port: number }).port;
    const file = (await import('../deliver/support.js')).rulesFile([
      { notify_webhook: `http://127.0.0.1:${port}/h`, allow_http: true, notify_webhook_secret_env: 'S', webhook_scheme: 'both' },
    ]);
    const out = await createDeliverer({ allowPrivateTargets: true }).deliver(
      [{ rule: file.rules[0]!, triggered_at: '2026-04-26T12:00:00Z', match_count: 12 }],
      file,
      emptyState(),
      { S: secret },
    );
    expect(out.outcomes[0]!.status).toBe('delivered');
    const request = join(dir, 'req.http');
    writeFileSync(request, saved[0]!);

    for (const scheme of ['krafter', 'standard', 'auto']) {
      const r = await cli(['verify', '--request', request, '--secret-env', 'WEBHOOK_SECRET', '--scheme', scheme], {
        WEBHOOK_SECRET: `${'1'.repeat(64)} ${secret}`,
      });
      expect([r.code, r.stdout]).toEqual([0, `valid ${scheme === 'auto' ? 'standard' : scheme} signature\n`]);
      expect(r.stdout + r.stderr).not.toContain(secret);
    }
    writeFileSync(join(dir, 'tampered.http'), saved[0]!.toString('latin1').replace('"match_count":12', '"match_count":99'), 'latin1');
    const bad = await cli(['verify', '--request', join(dir, 'tampered.http'), '--scheme', 'krafter', '--json'], { WEBHOOK_SECRET: secret });
    expect([bad.code, JSON.parse(bad.stdout)]).toEqual([1, { ok: false, scheme: 'krafter', reason: 'no signature matched' }]);
    const old = await cli(['verify', '--request', request, '--scheme', 'standard', '--now', '2030-01-01T00:00:00Z'], {
      WEBHOOK_SECRET: secret,
    });
    expect([old.code, old.stdout]).toEqual([1, 'INVALID standard signature: timestamp outside tolerance (±300 s)\n']);
    const noSecret = await cli(['verify', '--request', request]);
    expect([noSecret.code, noSecret.stderr]).toEqual([2, expect.stringContaining('env WEBHOOK_SECRET is not set')]);
    const noFile = await cli(['verify', '--request', join(dir, 'nope.http')], { WEBHOOK_SECRET: secret });
    expect([noFile.code, noFile.stderr]).toEqual([2, expect.stringContaining('cannot read request file')]);
  });
});
