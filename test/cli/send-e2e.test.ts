// Runs the BUILT CLI (dist/cli/index.js) as a process, the way a cron line does, against a
// local server implementing the API Alerts contract. HOME points at a temp dir: the real ~ is never touched.
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createHttpServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VERSION } from '../../src/version.js';
import type { TestServer } from '../helpers/http-server.js';
import {
  GOOD_KEY,
  bodyOf,
  builtBundle,
  runNode,
  selfSignedCert,
  startApi,
  tempDir,
  type ProcessResult,
  type Script,
} from '../events/support.js';

let api: TestServer | undefined;
let home: string;
beforeEach(() => {
  home = tempDir('apialerts-home-');
});
afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function cli(
  args: string[],
  opts: { script?: Script; env?: Record<string, string>; stdin?: string; noServerFlag?: boolean } = {},
): Promise<ProcessResult> {
  api ??= await startApi(opts.script);
  const env = { HOME: home, APIALERTS_RETRY_BASE_MS: '20', ...opts.env };
  const extra = opts.noServerFlag || !['send', 'test'].includes(args[0] ?? '') ? [] : ['--server-url', api.url];
  return runNode(builtBundle('cli'), [...args, ...extra], env, opts.stdin ?? '');
}

describe('apialerts send (built CLI)', () => {
  it("accepts the seed's cron line verbatim", async () => {
    const r = await cli(['send', '-m', 'Nightly backup failed on db1', '-c', 'ops', '-g', 'cron,backup'], {
      env: { APIALERTS_API_KEY: GOOD_KEY },
    });
    expect(r).toEqual({ code: 0, stdout: '✓ Alert sent to Acme (ops)\n', stderr: '' });
    const req = api!.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/event');
    expect(req.headers.authorization).toBe(`Bearer ${GOOD_KEY}`);
    expect(req.headers['x-integration']).toBe('apialerts-cli');
    expect(req.headers['x-version']).toBe(VERSION);
    expect(req.rawBody.toString()).toBe('{"message":"Nightly backup failed on db1","channel":"ops","tags":["cron","backup"]}');
  });

  it('sends every field with the long flags, and --json prints the result', async () => {
    const r = await cli([
      'send',
      '--message',
      'Disk at 91%',
      '--event',
      'ops.disk.warning',
      '--title',
      'Disk',
      '--channel',
      'ops',
      '--tags',
      'disk, warning',
      '--link',
      'https://grafana.example.com',
      '--data',
      '{"host":"db1"}',
      '--key',
      GOOD_KEY,
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      sent: true,
      status: 200,
      workspace: 'Acme',
      channel: 'ops',
      uuid: 'evt-0',
      warnings: [],
      attempts: 1,
    });
    expect(bodyOf(api!.requests[0])).toEqual({
      message: 'Disk at 91%',
      event: 'ops.disk.warning',
      title: 'Disk',
      channel: 'ops',
      tags: ['disk', 'warning'],
      link: 'https://grafana.example.com',
      data: { host: 'db1' },
    });
  });

  it('prints one "! Warning:" line per warning', async () => {
    const r = await cli(['send', '-m', 'x'.repeat(501), '--key', GOOD_KEY], {
      script: () => ({ status: 200, body: { workspace: 'Acme', channel: 'general', warnings: ['unknown channel'] } }),
    });
    expect(r.stdout).toBe(
      '✓ Alert sent to Acme (general)\n! Warning: message is 501 characters; cut to the limit of 500\n! Warning: unknown channel\n',
    );
  });

  it('without -m exits 1 with a usage error', async () => {
    const r = await cli(['send', '-c', 'ops'], { env: { APIALERTS_API_KEY: GOOD_KEY } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error: required option '-m, --message <text>' not specified");
    expect(api!.requests).toHaveLength(0);
  });

  it('bad --data is a clear error on stderr, nothing sent', async () => {
    const r = await cli(['send', '-m', 'm', '-d', '[1]', '--key', GOOD_KEY]);
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'Error: --data must be a JSON object, e.g. \'{"host":"db1"}\', got an array\n' });
    expect(api!.requests).toHaveLength(0);
  });

  it('401 says to check the key; --json puts {"error"} on stderr', async () => {
    const plain = await cli(['send', '-m', 'm', '--key', 'wrong-key']);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toBe(
      'Error: 401 Unauthorized: the API key is missing or invalid; check your API Alerts key (server said: unauthorized)\n',
    );
    const json = await cli(['send', '-m', 'm', '--key', 'wrong-key', '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stderr)).toEqual({
      error: '401 Unauthorized: the API key is missing or invalid; check your API Alerts key (server said: unauthorized)',
    });
  });

  it('429 is not retried and says the quota is used up', async () => {
    const r = await cli(['send', '-m', 'm', '--key', GOOD_KEY], { script: () => ({ status: 429, body: {} }) });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Error: 429 Too Many Requests: the workspace's monthly event quota is used up/);
    expect(api!.requests).toHaveLength(1);
  });

  it('500 then 200 is retried and delivered once', async () => {
    const r = await cli(['send', '-m', 'm', '--key', GOOD_KEY], { script: (_q, i) => (i === 0 ? { status: 500 } : undefined) });
    expect(r.code).toBe(0);
    expect(api!.requests).toHaveLength(2);
  });

  it('a hanging server is bounded by --timeout and --retries', async () => {
    const r = await cli(['send', '-m', 'm', '--key', GOOD_KEY, '--timeout', '0.3', '--retries', '1'], { script: () => 'hang' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Error: could not reach 127\.0\.0\.1:\d+: no answer within 300 ms \(after 2 attempts\)\n$/);
    expect(api!.requests).toHaveLength(2);
  });

  it('no key anywhere says how to set one', async () => {
    const r = await cli(['send', '-m', 'm']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'Error: no API key: pass --key, set APIALERTS_API_KEY, or run "apialerts config --key <key>" (or "apialerts init")\n',
    );
  });

  it('key precedence: --key, then APIALERTS_API_KEY, then the config file', async () => {
    mkdirSync(join(home, '.apialerts'), { recursive: true });
    writeFileSync(join(home, '.apialerts', 'config.json'), JSON.stringify({ api_key: 'from-file' }));
    await cli(['send', '-m', 'm', '--key', 'from-flag'], { env: { APIALERTS_API_KEY: 'from-env' } });
    await cli(['send', '-m', 'm'], { env: { APIALERTS_API_KEY: 'from-env' } });
    await cli(['send', '-m', 'm']);
    expect(api!.requests.map((r) => r.headers.authorization)).toEqual(['Bearer from-flag', 'Bearer from-env', 'Bearer from-file']);
  });

  it('a broken config file is named in the error', async () => {
    mkdirSync(join(home, '.apialerts'), { recursive: true });
    writeFileSync(join(home, '.apialerts', 'config.json'), '{"api_key":');
    const r = await cli(['send', '-m', 'm']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Error: ${join(home, '.apialerts', 'config.json')} is not valid JSON`);
  });

  it('test sends the cli.test event', async () => {
    const r = await cli(['test', '--key', GOOD_KEY]);
    expect(r.code).toBe(0);
    expect(bodyOf(api!.requests[0])).toEqual({ message: 'Test event from the apialerts CLI', event: 'cli.test', title: 'Test event' });
  });

  it('--version and --help exit 0', async () => {
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    const help = await cli(['send', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('-g, --tags <list>');
  });
});

describe('apialerts config / init (built CLI)', () => {
  it('config --key stores the key 0600 in a 0700 dir and never prints it; send then uses it', async () => {
    const set = await cli(['config', '--key', GOOD_KEY]);
    expect(set.code).toBe(0);
    const file = join(home, '.apialerts', 'config.json');
    expect(set.stdout).toBe(`✓ Saved ${file}\n  api_key: set\n  server_url: (default)\n`);
    expect(set.stdout + set.stderr).not.toContain(GOOD_KEY);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ api_key: GOOD_KEY });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(home, '.apialerts')).mode & 0o777).toBe(0o700);

    const server = await cli(['config', '--server-url', api!.url]);
    expect(server.stdout).toContain(`server_url: ${api!.url}`);
    const sent = await cli(['send', '-m', 'from config'], { noServerFlag: true });
    expect(sent.code).toBe(0);
    expect(api!.requests[0]!.headers.authorization).toBe(`Bearer ${GOOD_KEY}`);

    const shown = await cli(['config', '--json']);
    expect(JSON.parse(shown.stdout)).toEqual({ file, api_key_set: true, server_url: api!.url });

    const unset = await cli(['config', '--unset']);
    expect(unset.code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({});
    const after = await cli(['send', '-m', 'm'], { noServerFlag: true });
    expect(after.code).toBe(1);
    expect(after.stderr).toMatch(/^Error: no API key/);
  });

  it('config rejects a server URL it could not post to', async () => {
    const r = await cli(['config', '--server-url', 'ftp://x']);
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'Error: server URL "ftp://x" must start with https:// or http://\n' });
  });

  it('init reads the key from stdin (hidden on a terminal) and stores it', async () => {
    const r = await cli(['init'], { stdin: `${GOOD_KEY}\n` });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`✓ API key saved to ${join(home, '.apialerts', 'config.json')}\n`);
    expect(r.stdout + r.stderr).not.toContain(GOOD_KEY);
    expect(JSON.parse(readFileSync(join(home, '.apialerts', 'config.json'), 'utf8'))).toEqual({ api_key: GOOD_KEY });
  });

  it('init with no key saves nothing', async () => {
    const r = await cli(['init'], { stdin: '\n' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Error: no key entered; nothing saved');
  });
});

describe('proxies (built CLI)', () => {
  it('sends HTTPS through a CONNECT proxy named by https_proxy', async () => {
    const host = 'api.apialerts.test';
    const tls = selfSignedCert(host);
    const received: { url?: string; auth?: string; body: string }[] = [];
    const target = createHttpsServer({ key: tls.key, cert: tls.cert }, (req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ url: req.url, auth: req.headers.authorization, body });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"workspace":"Acme","channel":"ops"}');
      });
    });
    await new Promise<void>((r) => target.listen(0, '127.0.0.1', r));
    const targetPort = (target.address() as AddressInfo).port;
    const connects: string[] = [];
    // A CONNECT proxy that sends every tunnel to the local TLS server (there is no DNS for the test host).
    const proxy: Server = createHttpServer();
    const tunnels: Socket[] = [];
    proxy.on('connect', (req, client: Socket) => {
      connects.push(req.url ?? '');
      tunnels.push(client);
      const upstream = connect(targetPort, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    try {
      const r = await cli(['send', '-m', 'through the proxy', '-c', 'ops', '--key', GOOD_KEY, '--server-url', `https://${host}`], {
        noServerFlag: true,
        env: { https_proxy: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, NODE_EXTRA_CA_CERTS: tls.certFile },
      });
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe('✓ Alert sent to Acme (ops)\n');
      expect(connects).toEqual([`${host}:443`]);
      expect(received).toEqual([{ url: '/event', auth: `Bearer ${GOOD_KEY}`, body: '{"message":"through the proxy","channel":"ops"}' }]);

      // no_proxy sends it direct, where the test host does not resolve: so the proxy was really in the path.
      const direct = await cli(['send', '-m', 'm', '--key', GOOD_KEY, '--server-url', `https://${host}`, '--retries', '0'], {
        noServerFlag: true,
        env: { https_proxy: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, no_proxy: 'apialerts.test' },
      });
      expect(direct.code).toBe(1);
      expect(direct.stderr).toMatch(/^Error: could not reach api\.apialerts\.test: /);
      expect(connects).toHaveLength(1);
    } finally {
      for (const t of tunnels) t.destroy();
      await new Promise<void>((r) => proxy.close(() => r()));
      target.closeAllConnections();
      await new Promise<void>((r) => target.close(() => r()));
    }
  });
});
