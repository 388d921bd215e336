// `ApiAlerts` in the shape of the apialerts SDK 1.3.2: the same results and requests as the real SDK
// (installed as a devDependency) against one local API server, the SDK's own README examples and the
// five-events guide's payment-failure snippet run unchanged but for the import line, and a
// fire-and-forget send that never throws and never keeps the process alive past its deadline.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiAlerts as Sdk } from 'apialerts';
import { ApiAlerts, type Event, type SendResult } from '../../src/lib/sdk.js';
import { ROOT, builtBundle, GOOD_KEY, startApi, type Reply } from '../events/support.js';
import type { CapturedRequest, TestServer } from '../helpers/http-server.js';

const require = createRequire(import.meta.url);
const SDK_README = readFileSync(join(dirname(require.resolve('apialerts')), '..', 'README.md'), 'utf8');
// The guide's snippet, kept verbatim in the repository; checked against the guide where shared/ is at hand.
const SNIPPET = readFileSync(join(ROOT, 'test/fixtures/sdk/payment-failure.js'), 'utf8').trim();
const GUIDE_FILE = [join(ROOT, '..', 'shared'), '/work/shared']
  .map((d) => join(d, 'seeds', 'five-events-to-alert-on.txt'))
  .find((f) => existsSync(f));

let api: TestServer;
let next: Reply | undefined;
beforeAll(async () => {
  api = await startApi(() => next);
});
afterAll(async () => api.close());
beforeEach(() => {
  api.requests.length = 0;
  next = undefined;
  Sdk._reset();
  ApiAlerts._reset();
  process.env.APIALERTS_RETRY_BASE_MS = '1';
});
afterEach(() => {
  delete process.env.APIALERTS_RETRY_BASE_MS;
});

/** What the server saw, without the headers that name the client (X-Integration is `js` for both). */
const seen = (r: CapturedRequest) => ({
  method: r.method,
  url: r.url,
  auth: r.headers.authorization,
  type: r.headers['content-type'],
  integration: r.headers['x-integration'],
  body: JSON.parse(r.rawBody.toString()) as unknown,
});

async function both(
  event: Event,
  reply: Reply | undefined,
  configure = true,
  key = GOOD_KEY,
): Promise<{ sdk: SendResult; ours: SendResult; sdkReq: unknown[]; oursReq: unknown[] }> {
  next = reply;
  if (configure) {
    Sdk.configure(key);
    Sdk.setOverrides('js', '1.3.2', `${api.url}/event`);
  }
  const sdk = await Sdk.sendAsync(event);
  const sdkReq = api.requests.splice(0).map(seen);
  if (configure) ApiAlerts.configure(key, false, { serverUrl: api.url });
  const ours = await ApiAlerts.sendAsync(event);
  const oursReq = api.requests.splice(0).map(seen);
  return { sdk, ours, sdkReq, oursReq };
}

describe('ApiAlerts: the same results and requests as the apialerts SDK 1.3.2', () => {
  const full: Event = {
    message: 'Deploy complete',
    channel: 'releases',
    event: 'ci.deploy.success',
    title: 'Deployed',
    tags: ['CI/CD', 'JS'],
    link: 'https://github.com/apialerts/apialerts-js/actions',
    data: { version: '1.3.2' },
  };

  it("success, with every field, and with the server's warnings", async () => {
    const a = await both(full, undefined);
    expect(a.ours).toEqual(a.sdk);
    expect(a.ours).toEqual({ success: true, workspace: 'Acme', channel: 'releases', warnings: [] });
    expect(a.oursReq).toEqual(a.sdkReq);
    expect(a.oursReq).toHaveLength(1);
    const w = await both(
      { message: 'hi' },
      { status: 200, body: { workspace: 'Acme', channel: 'general', warnings: ['field x is deprecated'] } },
      false,
    );
    expect(w.ours).toEqual(w.sdk);
    expect(w.ours.warnings).toEqual(['field x is deprecated']);
  });

  it('failures resolve (never reject) to success false with an error, for the same cases', async () => {
    const cases: [string, Event, Reply | undefined, string?][] = [
      ['bad key', { message: 'x' }, undefined, 'ak_wrong'],
      ['400', { message: 'x' }, { status: 400, body: { error: 'bad' } }],
      ['403', { message: 'x' }, { status: 403, body: {} }],
      ['429', { message: 'x' }, { status: 429, body: {} }],
      ['not the API JSON', { message: 'x' }, { status: 200, body: { ok: true } }],
      ['empty message', { message: '  ' }, undefined],
      ['empty key', { message: 'x' }, undefined, ' '],
    ];
    for (const [label, event, reply, key] of cases) {
      Sdk._reset();
      ApiAlerts._reset();
      const r = await both(event, reply, true, key ?? GOOD_KEY);
      expect([label, r.ours.success, r.ours.warnings, typeof r.ours.error], label).toEqual([
        label,
        r.sdk.success,
        r.sdk.warnings,
        typeof r.sdk.error,
      ]);
      expect(r.ours.success).toBe(false);
      expect(r.oursReq, label).toEqual(r.sdkReq);
    }
    // The SDK's own words where it has them.
    Sdk._reset();
    ApiAlerts._reset();
    const empty = await both({ message: '' }, undefined);
    expect([empty.ours.error, empty.sdk.error]).toEqual(['message is required', 'message is required']);
    Sdk._reset();
    ApiAlerts._reset();
    const unconfigured = await both({ message: 'x' }, undefined, false);
    expect([unconfigured.ours, unconfigured.sdk]).toEqual([
      { success: false, warnings: [], error: 'client not configured' },
      { success: false, warnings: [], error: 'client not configured' },
    ]);
  });

  it('adds what the SDK lacks: a 503 is retried and delivered, a per-call key overrides the configured one', async () => {
    let n = 0;
    const busy = await startApi(() => (n++ === 0 ? { status: 503, body: {} } : undefined));
    try {
      ApiAlerts.configure('ak_other', false, { serverUrl: busy.url });
      const r = await ApiAlerts.sendAsync({ message: 'retry me' }, GOOD_KEY);
      expect(r).toEqual({ success: true, workspace: 'Acme', channel: 'general', warnings: [] });
      expect(busy.requests.map((q) => q.headers.authorization)).toEqual([`Bearer ${GOOD_KEY}`, `Bearer ${GOOD_KEY}`]);
    } finally {
      await busy.close();
    }
  });

  it('an instance (new ApiAlerts(key)) resolves send to the same result, and fire-and-forget never throws into the caller', async () => {
    const alerts = new ApiAlerts(GOOD_KEY, { serverUrl: api.url });
    expect(await alerts.send({ message: 'Payment failed', channel: 'payments' })).toEqual({
      success: true,
      workspace: 'Acme',
      channel: 'payments',
      warnings: [],
    });
    expect(await new ApiAlerts(undefined, { serverUrl: api.url }).send({ message: 'x' })).toEqual({
      success: false,
      warnings: [],
      error: 'api key is missing',
    });
    ApiAlerts.configure(GOOD_KEY, false, { serverUrl: api.url });
    const bad = [
      null,
      undefined,
      {},
      { message: 5 },
      { message: 'x', data: 'not an object' },
      { message: 'x', tags: 'nope' },
    ] as unknown as Event[];
    for (const e of bad) expect(() => ApiAlerts.send(e)).not.toThrow();
    // Never a rejection: no message is the SDK's own refusal; other shapes go out as the SDK sends them.
    for (const e of bad)
      await expect(ApiAlerts.sendAsync(e)).resolves.toMatchObject({ success: expect.any(Boolean), warnings: expect.any(Array) });
    for (const e of bad.slice(0, 4))
      await expect(ApiAlerts.sendAsync(e)).resolves.toEqual({ success: false, warnings: [], error: 'message is required' });
  });
});

// ---- The SDK's README examples and the guide's snippet, as programs, unchanged but for the import line.

const SDK_DIST = pathToFileURL(join(ROOT, 'dist', 'sdk', 'index.js')).href;
const REAL_SDK = pathToFileURL(require.resolve('apialerts').replace(/index\.js$/, 'index.mjs')).href;

/** The README's TypeScript blocks that use ApiAlerts, as ES modules importing `from`. */
function readmeExamples(from: string): { name: string; code: string }[] {
  const blocks = [...SDK_README.matchAll(/```typescript\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((b) => /ApiAlerts\./.test(b));
  return blocks.map((b, i) => {
    const swapped = /from 'apialerts'/.test(b)
      ? b.replace(/from 'apialerts'/, `from '${from}'`)
      : `import { ApiAlerts } from '${from}'\n${b}`;
    return {
      name: `readme-${i + 1}`,
      code: ts.transpileModule(swapped, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText,
    };
  });
}

function runModule(
  dir: string,
  name: string,
  code: string,
  env: Record<string, string>,
  preload?: string,
): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const file = join(dir, `${name}.mjs`);
  writeFileSync(file, code);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(preload ? ['--import', preload] : []), file], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
  });
}

describe('programs written for the SDK, run against a local API server', () => {
  it('apialerts-toolkit/sdk and the main entry share one ApiAlerts (one configured client)', async () => {
    builtBundle('lib');
    const sdk = (await import(SDK_DIST)) as { ApiAlerts: unknown };
    const lib = (await import(pathToFileURL(join(ROOT, 'dist', 'lib', 'index.js')).href)) as { ApiAlerts: unknown };
    expect(sdk.ApiAlerts).toBeTypeOf('function');
    expect(sdk.ApiAlerts).toBe(lib.ApiAlerts);
  });

  it('the SDK README examples: the same requests and the same output as the real SDK', async () => {
    builtBundle('lib');
    const dir = mkdtempSync(join(tmpdir(), 'sdk-readme-'));
    // The real SDK has no server override before configure: its fetch is pointed at the local server.
    const preload = join(dir, 'redirect.mjs');
    writeFileSync(
      preload,
      `const f = globalThis.fetch; globalThis.fetch = (u, o) => f(String(u).replace('https://api.apialerts.com', ${JSON.stringify(api.url)}), o);\n`,
    );
    const ours = readmeExamples(SDK_DIST);
    const real = readmeExamples(REAL_SDK);
    expect(ours.length).toBeGreaterThanOrEqual(5);
    next = { status: 200, body: { workspace: 'Acme', channel: 'general', warnings: [] } };
    for (let i = 0; i < ours.length; i++) {
      const env = { APIALERTS_SERVER_URL: api.url };
      const a = await runModule(dir, `${ours[i]!.name}-ours`, ours[i]!.code, env);
      const aReq = api.requests.splice(0).map(seen);
      const b = await runModule(dir, `${real[i]!.name}-sdk`, real[i]!.code, env, pathToFileURL(preload).href);
      const bReq = api.requests.splice(0).map(seen);
      expect({ name: ours[i]!.name, code: a.code, stdout: a.stdout, stderr: a.stderr }).toEqual({
        name: ours[i]!.name,
        code: b.code,
        stdout: b.stdout,
        stderr: b.stderr,
      });
      expect(aReq).toEqual(bReq);
    }
    // What the examples did, in total: Quick Start, the singleton (send + sendAsync), event fields.
    expect(ours.map((e) => e.code).join('\n')).toContain('Deploy complete');
  });

  it("the five-events guide's payment-failure snippet runs unchanged but for its import line (the SDK itself cannot run it)", async () => {
    builtBundle('lib');
    const dir = mkdtempSync(join(tmpdir(), 'sdk-guide-'));
    const snippet = SNIPPET;
    if (GUIDE_FILE) expect(readFileSync(GUIDE_FILE, 'utf8')).toContain(snippet);
    expect(snippet).toMatch(/new ApiAlerts\(process\.env\.API_ALERTS_KEY\)[\s\S]*await alerts\.send\(\{[\s\S]*throw err/);
    const harness = (from: string) =>
      `${snippet.replace("from 'apialerts-js'", `from '${from}'`)}\n` +
      `async function chargeCustomer(order) { throw new Error('card declined') }\n` +
      `await handlePayment({ id: 'ord_42', paymentId: 'pi_42' }).catch((e) => console.log('rethrown: ' + e.message))\n`;
    const env = { API_ALERTS_KEY: GOOD_KEY, APIALERTS_SERVER_URL: api.url };
    const ours = await runModule(dir, 'guide-ours', harness(SDK_DIST), env);
    expect([ours.code, ours.stdout, ours.stderr]).toEqual([0, 'rethrown: card declined\n', '']);
    expect(api.requests.map(seen)).toEqual([
      {
        method: 'POST',
        url: '/event',
        auth: `Bearer ${GOOD_KEY}`,
        type: 'application/json',
        integration: 'js',
        body: {
          message: 'Payment failed: ord_42 - card declined',
          channel: 'payments',
          link: 'https://dashboard.stripe.com/payments/pi_42',
          tags: ['payment', 'error'],
        },
      },
    ]);
    api.requests.length = 0;
    const sdk = await runModule(dir, 'guide-sdk', harness(REAL_SDK), env);
    expect(sdk.stdout).toMatch(/rethrown: alerts\.send is not a function/);
    expect(api.requests).toHaveLength(0);
  });

  it('a fire-and-forget send to a server that never answers ends with its deadline: the process exits, nothing thrown, nothing printed', async () => {
    builtBundle('lib');
    const dir = mkdtempSync(join(tmpdir(), 'sdk-hang-'));
    next = 'hang';
    const code =
      `import { ApiAlerts } from '${SDK_DIST}'\n` +
      `process.on('unhandledRejection', (e) => { console.log('unhandled ' + e); process.exitCode = 9 })\n` +
      `ApiAlerts.configure('${GOOD_KEY}', false, { timeoutMs: 1500 })\n` +
      `ApiAlerts.send({ message: 'into the void' })\n` +
      `ApiAlerts.send({ message: 'x', data: 'not an object' })\n` +
      `ApiAlerts.send(undefined)\n` +
      `console.log('caller went on')\n`;
    const r = await runModule(dir, 'hang', code, { APIALERTS_SERVER_URL: api.url, APIALERTS_RETRY_BASE_MS: '1' });
    expect([r.code, r.stdout]).toEqual([0, 'caller went on\n']);
    expect(r.stderr).toBe('x (apialerts.com) Error: message is required\n'); // as the SDK logs a missing message
    // The deadline covers every attempt: each of the two valid sends made one attempt that hung until
    // the deadline and was never retried (a per-attempt timeout would have sent 3 each), and the
    // process did not end before the deadline.
    expect(api.requests).toHaveLength(2);
    expect(r.ms).toBeGreaterThanOrEqual(1400);
  });
});
