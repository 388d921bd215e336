// The built CLI's evaluate with a secrets bundle file and a heartbeat (APIALERTS_HEARTBEAT_URL,
// --heartbeat-event), and its preflight: a missing variable is exit 2 naming it, before counting.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { verifySignature } from '../../src/deliver/verify.js';
import { startServer, type TestServer } from '../helpers/http-server.js';
import { GOOD_KEY, builtBundle, runNode, startApi } from '../events/support.js';

const SECRET = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00';
const T0 = Date.UTC(2026, 3, 26, 12, 0, 0);
let hook: TestServer;
let beat: TestServer;
let api: TestServer;
beforeAll(async () => {
  hook = await startServer((_q, res) => {
    res.writeHead(200);
    res.end();
  });
  beat = await startServer((_q, res) => {
    res.writeHead(200);
    res.end();
  });
  api = await startApi();
});
afterAll(async () => Promise.all([hook.close(), beat.close(), api.close()]));

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cli-secrets-'));
  writeFileSync(
    join(dir, 'app.log'),
    Array.from({ length: 6 }, (_, i) =>
      JSON.stringify({ time: new Date(T0 - (i + 1) * 20_000).toISOString(), level: 'error', msg: 'x' }),
    ).join('\n') + '\n',
  );
  writeFileSync(
    join(dir, 'alerts.yml'),
    stringify({
      project: 'cli-shop',
      delivery: { allow_private_targets: true },
      sources: [{ name: 'app', path: 'app.log' }],
      rules: [
        {
          id: '1b2c3d4e-5f60-4718-9a0b-1c2d3e4f5a6b',
          name: 'Errors',
          level: 'error',
          threshold: 5,
          window_minutes: 5,
          channels: ['webhook'],
          notify_webhook: `${hook.url}/h`,
          allow_http: true,
          notify_webhook_secret_env: 'CLI_HOOK_SECRET',
        },
      ],
    }),
  );
  return dir;
}

describe('apialerts evaluate: secrets file, heartbeat, preflight', () => {
  it("takes the rule file's variables from --secrets-file, delivers a verified webhook and sends both heartbeats", async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'secrets.env'), `# not in the repository\nCLI_HOOK_SECRET=${SECRET}\nAPIALERTS_API_KEY=${GOOD_KEY}\n`);
    const r = await runNode(
      builtBundle('cli'),
      [
        'evaluate',
        '--rules',
        join(dir, 'alerts.yml'),
        '--state',
        join(dir, 'state.json'),
        '--now',
        '2026-04-26T12:00:00Z',
        '--secrets-file',
        join(dir, 'secrets.env'),
        '--heartbeat-event',
      ],
      {
        APIALERTS_HEARTBEAT_URL: `${beat.url}/ping/cli-token`,
        APIALERTS_SERVER_URL: api.url,
      },
    );
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(hook.requests).toHaveLength(1);
    expect(verifySignature(hook.requests[0]!.rawBody, hook.requests[0]!.headers as Record<string, string>, SECRET)).toMatchObject({
      ok: true,
    });
    expect(beat.requests.map((q) => q.url)).toEqual(['/ping/cli-token']);
    expect(api.requests.map((q) => JSON.parse(q.rawBody.toString()).event)).toEqual(['alerts.heartbeat']);
    expect(r.stdout).not.toContain('cli-token');
  });

  it('a variable the rules need and nobody set: exit 2 naming it and the rule, nothing delivered, the state file unchanged', async () => {
    const dir = workspace();
    const state = '{\n  "version": 1,\n  "last_evaluated_at": null,\n  "rules": {},\n  "webhooks": {}\n}\n';
    writeFileSync(join(dir, 'state.json'), state);
    writeFileSync(join(dir, 'secrets.env'), 'OTHER=1\n');
    hook.requests.length = 0;
    const r = await runNode(
      builtBundle('cli'),
      [
        'evaluate',
        '--rules',
        join(dir, 'alerts.yml'),
        '--state',
        join(dir, 'state.json'),
        '--now',
        '2026-04-26T12:00:00Z',
        '--secrets-file',
        join(dir, 'secrets.env'),
      ],
      {},
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/CLI_HOOK_SECRET is not set: the webhook secret, needed by rule "Errors" \(notify_webhook_secret_env\)/);
    expect(hook.requests).toHaveLength(0);
    expect(readFileSync(join(dir, 'state.json'), 'utf8')).toBe(state);
    const bad = await runNode(
      builtBundle('cli'),
      ['evaluate', '--rules', join(dir, 'alerts.yml'), '--state', join(dir, 'state.json'), '--secrets-file', join(dir, 'nope.env')],
      {},
    );
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringMatching(/--secrets-file .*nope\.env: no such file/)]);
  });
});
