// Issue 12 items 4 and 9, and the one proxy path for the API client, webhooks and URL log sources
// (issue 13 item 2), against the BUILT CLI and real local servers (a real CONNECT proxy, TLS targets).
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { startServer, type TestServer } from '../helpers/http-server.js';
import { renderLine } from '../helpers/log-lines.js';
import { GOOD_KEY, builtBundle, runNode, selfSignedCert, tempDir } from '../events/support.js';
import { verifySignature } from '../../src/deliver/verify.js';
import { createDeliverer } from '../../src/deliver/deliverer.js';
import { emptyState, type State } from '../../src/state/schema.js';
import { decisionOf, rulesFile } from '../deliver/support.js';

const T0 = Date.UTC(2026, 3, 26, 12, 0, 0);
const NOW = '2026-04-26T12:00:00Z';
const RULE_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const cli = (args: string[], env: Record<string, string> = {}) =>
  runNode(builtBundle('cli'), args, { APIALERTS_RETRY_BASE_MS: '1', ...env });

function logFile(dir: string): string {
  const path = join(dir, 'app.log');
  writeFileSync(path, Array.from({ length: 12 }, (_, i) => renderLine({ ts: T0 - (i + 1) * 10_000, level: 'error' }, i)).join('\n') + '\n');
  return path;
}

function rules(dir: string, webhook: string, source: Record<string, unknown> = { name: 'app', path: 'app.log' }): string {
  const path = join(dir, 'alerts.yml');
  writeFileSync(
    path,
    stringify({
      project: 'shop',
      sources: [source],
      rules: [
        {
          id: RULE_ID,
          name: 'Errors',
          level: 'error',
          threshold: 5,
          window_minutes: 5,
          channels: ['webhook'],
          notify_webhook: webhook,
          allow_http: webhook.startsWith('http:'),
        },
      ],
    }),
  );
  return path;
}

let receiver: TestServer;
beforeAll(async () => {
  receiver = await startServer((_req, res) => void res.writeHead(204).end());
});
afterAll(async () => {
  await receiver.close();
});

describe('state that cannot be written (issue 12 item 4)', () => {
  it('a missing state directory is created; the result is delivered once and recorded', async () => {
    const dir = tempDir('state-dir-');
    logFile(dir);
    const state = join(dir, 'deep', 'er', 'state.json');
    const before = receiver.requests.length;
    const r = await cli([
      'evaluate',
      '--rules',
      rules(dir, `${receiver.url}/h`),
      '--state',
      state,
      '--now',
      NOW,
      '--allow-private-targets',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/^Error:/m);
    expect(receiver.requests.length - before).toBe(1);
    expect(JSON.parse(readFileSync(state, 'utf8')).last_evaluated_at).toBe(NOW);
  });

  it.each([
    ['a directory where the file should be', (dir: string) => (mkdirSync(join(dir, 'state.json')), join(dir, 'state.json'))],
    [
      'a read-only directory',
      (dir: string) => (mkdirSync(join(dir, 'ro')), chmodSync(join(dir, 'ro'), 0o500), join(dir, 'ro', 'state.json')),
    ],
    ['a directory that cannot be created', (dir: string) => (writeFileSync(join(dir, 'file'), ''), join(dir, 'file', 'sub', 'state.json'))],
  ])('%s: exit 2 before counting, nothing delivered', async (_name, statePath) => {
    if (process.getuid?.() === 0 && _name === 'a read-only directory') return; // root writes anywhere
    const dir = tempDir('state-bad-');
    logFile(dir);
    const state = statePath(dir);
    const before = receiver.requests.length;
    const r = await cli([
      'evaluate',
      '--rules',
      rules(dir, `${receiver.url}/h`),
      '--state',
      state,
      '--now',
      NOW,
      '--allow-private-targets',
    ]);
    expect(r.code).toBe(2);
    // Either reading it already fails (a directory, a path under a file) or the write check does.
    expect(r.stderr).toMatch(
      /^Error: (state file .* cannot be written \(.*\); nothing was counted or delivered|cannot read state file .*: E(ISDIR|NOTDIR))/,
    );
    expect(receiver.requests.length - before).toBe(0);
  });
});

describe('smaller edges (issue 12 item 9)', () => {
  it('verify with an empty secret file (or an empty env secret) is bad input: exit 2', async () => {
    const dir = tempDir('verify-empty-');
    const request = join(dir, 'req.http');
    writeFileSync(request, `POST / HTTP/1.1\r\nx-krafter-signature: sha256=${'0'.repeat(64)}\r\n\r\n{}`);
    const devNull = await cli(['verify', '--request', request, '--secret-file', '/dev/null']);
    expect([devNull.code, devNull.stderr]).toEqual([2, 'Error: secret file /dev/null is empty (it must hold the webhook secret)\n']);
    const blank = await cli(['verify', '--request', request], { WEBHOOK_SECRET: '   ' });
    expect(blank.code).toBe(2);
  });

  it('verifySignature with no secret returns not-ok instead of throwing', () => {
    for (const secrets of [undefined, null, '', [], ['']] as const)
      expect(verifySignature('{}', { 'x-krafter-signature': `sha256=${'0'.repeat(64)}` }, secrets as never)).toEqual({
        ok: false,
        reason: 'no secret given',
      });
  });

  it('disabled_at is the evaluation time of the delivery that disabled the webhook, not the wall clock', async () => {
    const failing = await startServer((_req, res) => void res.writeHead(500).end());
    try {
      const file = rulesFile([{ notify_webhook: `${failing.url}/h`, allow_http: true }]);
      const deliverer = createDeliverer({ allowPrivateTargets: true, retryBaseMs: 0 });
      let state: State = emptyState();
      let last = '';
      for (let run = 1; run <= 10; run++) {
        last = `2020-01-0${Math.min(run, 9)}T0${run % 10}:00:00Z`;
        state = (await deliverer.deliver([decisionOf(file.rules[0]!, last)], file, state, {})).state;
      }
      expect(state.webhooks[file.rules[0]!.id]).toMatchObject({ active: false, disabled_at: last });
    } finally {
      await failing.close();
    }
  });
});

/** A real CONNECT proxy (and forward proxy for http targets) that records what it was asked for. */
async function startProxy(
  route: (authority: string) => number,
): Promise<{ url: string; connects: string[]; forwards: string[]; close(): Promise<void> }> {
  const connects: string[] = [];
  const forwards: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createHttpServer((req, res) => {
    // Forward proxy: the request target is the absolute URL.
    forwards.push(req.url ?? '');
    const target = new URL(req.url ?? '');
    const upstream = connect(route(target.host), '127.0.0.1', () => {
      upstream.write(
        `${req.method} ${target.pathname}${target.search} HTTP/1.1\r\n${Object.entries(req.headers)
          .map(([k, v]) => `${k}: ${String(v)}`)
          .join('\r\n')}\r\nconnection: close\r\n\r\n`,
      );
      req.pipe(upstream);
      upstream.pipe(res.socket!);
    });
  });
  server.on('connect', (req, client: Socket) => {
    connects.push(req.url ?? '');
    const upstream = connect(route(req.url ?? ''), '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connects,
    forwards,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((r) => server.close(() => r()));
    },
  };
}

describe('one outbound HTTP helper: the API client, webhooks and URL sources all go through HTTPS_PROXY (built CLI)', () => {
  const host = 'toolkit.proxy.test'; // resolves nowhere: only the proxy can reach it
  let tls: ReturnType<typeof selfSignedCert>;
  let target: Server;
  let seen: { url: string; auth?: string }[];
  let proxy: Awaited<ReturnType<typeof startProxy>>;
  beforeAll(async () => {
    tls = selfSignedCert(host);
    seen = [];
    const log = Array.from({ length: 12 }, (_, i) => renderLine({ ts: T0 - (i + 1) * 10_000, level: 'error' }, i)).join('\n') + '\n';
    target = createHttpsServer({ key: tls.key, cert: tls.cert }, (req, res) => {
      req.resume();
      req.on('end', () => {
        seen.push({ url: req.url ?? '', ...(req.headers.authorization ? { auth: req.headers.authorization } : {}) });
        if (req.url === '/event') res.writeHead(200, { 'content-type': 'application/json' }).end('{"workspace":"Acme","channel":"ops"}');
        else if (req.url?.startsWith('/app.log')) res.writeHead(200).end(log);
        else res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => target.listen(0, '127.0.0.1', r));
    const targetPort = (target.address() as AddressInfo).port;
    proxy = await startProxy(() => targetPort);
  });
  afterAll(async () => {
    await proxy.close();
    await new Promise((r) => target.close(r));
  });
  const env = () => ({ HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: tls.certFile });

  it('the API client (apialerts send)', async () => {
    proxy.connects.length = 0;
    const r = await cli(['send', '-m', 'via proxy', '--key', GOOD_KEY, '--server-url', `https://${host}`], env());
    expect([r.code, r.stdout]).toEqual([0, '✓ Alert sent to Acme (ops)\n']);
    expect(proxy.connects).toEqual([`${host}:443`]);
  });

  it('a URL log source, and a webhook: both through the tunnel; the address policy still refuses a private target behind the proxy', async () => {
    const dir = tempDir('proxy-evaluate-');
    proxy.connects.length = 0;
    seen.length = 0;
    const rulesPath = rules(dir, `https://${host}/hook`, { name: 'web', url: `https://${host}/app.log?token=t0k3n` });
    // The webhook's name resolves nowhere: the policy's lookup refuses it before any tunnel is asked for.
    const refused = await cli(['evaluate', '--rules', rulesPath, '--state', join(dir, 's.json'), '--now', NOW], env());
    expect(refused.code).toBe(3);
    expect(refused.stdout).toMatch(
      /failed +webhook for Errors .*DNS lookup failed for toolkit\.proxy\.test|failed +webhook for Errors .*refused/,
    );
    expect(proxy.connects).toEqual([`${host}:443`]); // the log source only
    expect(seen.map((s) => s.url)).toEqual(['/app.log?token=t0k3n']);
    expect(refused.stdout).not.toContain('t0k3n');

    // A receiver named by an IP literal is checked by the policy too: private, so refused unless allowed.
    proxy.connects.length = 0;
    const literal = rules(dir, `https://127.0.0.1:8443/hook`, { name: 'web', url: `https://${host}/app.log` });
    const blocked = await cli(['evaluate', '--rules', literal, '--state', join(dir, 's2.json'), '--now', NOW], env());
    expect(blocked.stdout).toMatch(/refused: 127\.0\.0\.1 is not a public address/);
    expect(proxy.connects).toEqual([`${host}:443`]);
  });

  it('a webhook through the tunnel when private targets are allowed (the proxy resolves the name)', async () => {
    const dir = tempDir('proxy-webhook-');
    logFile(dir);
    proxy.connects.length = 0;
    seen.length = 0;
    // localhost resolves (to loopback) here, so the policy is what decides: allowed with --allow-private-targets.
    const rulesPath = rules(dir, `https://localhost/hook`);
    const tlsLocal = selfSignedCert('localhost');
    const local = createHttpsServer({ key: tlsLocal.key, cert: tlsLocal.cert }, (req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(204).end());
    });
    await new Promise<void>((r) => local.listen(0, '127.0.0.1', r));
    const localProxy = await startProxy(() => (local.address() as AddressInfo).port);
    try {
      const denied = await cli(['evaluate', '--rules', rulesPath, '--state', join(dir, 'd.json'), '--now', NOW], {
        HTTPS_PROXY: localProxy.url,
        NODE_EXTRA_CA_CERTS: tlsLocal.certFile,
      });
      expect(denied.stdout).toMatch(/refused: localhost resolves to/);
      expect(localProxy.connects).toEqual([]);
      const ok = await cli(['evaluate', '--rules', rulesPath, '--state', join(dir, 's.json'), '--now', NOW, '--allow-private-targets'], {
        HTTPS_PROXY: localProxy.url,
        NODE_EXTRA_CA_CERTS: tlsLocal.certFile,
      });
      expect(ok.code).toBe(0);
      expect(ok.stdout).toMatch(/delivered webhook for Errors/);
      expect(localProxy.connects).toEqual(['localhost:443']);
      expect(existsSync(join(dir, 's.json'))).toBe(true);
    } finally {
      await localProxy.close();
      await new Promise((r) => local.close(r));
    }
  });
});
