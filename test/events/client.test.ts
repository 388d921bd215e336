import { createServer as createHttpServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiAlertsError, sendEvent, eventUrl, type ClientOptions } from '../../src/events/client.js';
import { VERSION } from '../../src/version.js';
import { startServer, type TestServer } from '../helpers/http-server.js';
import { GOOD_KEY, startApi, type Script } from './support.js';

// Short backoff so retry tests stay fast; that the client waits between attempts at all is tested below
// ('waits the backoff between attempts'), the delay's shape in test/util/retry.test.ts.
const env = { APIALERTS_RETRY_BASE_MS: '20' };
let api: TestServer | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function withApi(script?: Script): Promise<ClientOptions> {
  api = await startApi(script);
  return { apiKey: GOOD_KEY, serverUrl: api.url, integration: 'test-suite', env };
}

async function rejection(p: Promise<unknown>): Promise<ApiAlertsError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ApiAlertsError);
    return err as ApiAlertsError;
  }
  throw new Error('expected a rejection');
}

describe('sendEvent', () => {
  it('posts the documented request and returns what the server said', async () => {
    const opts = await withApi();
    const result = await sendEvent(
      {
        message: 'Deploy failed',
        channel: 'releases',
        event: 'ci.deploy.failure',
        title: 'Deploy',
        tags: ['deploy', 'prod'],
        link: 'https://x.io',
        data: { v: 1 },
      },
      opts,
    );
    expect(result).toEqual({ status: 200, workspace: 'Acme', channel: 'releases', uuid: 'evt-0', warnings: [], attempts: 1 });
    const req = api!.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/event');
    expect(req.headers.authorization).toBe(`Bearer ${GOOD_KEY}`);
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers['x-integration']).toBe('test-suite');
    expect(req.headers['x-version']).toBe(VERSION);
    expect(req.rawBody.toString()).toBe(
      '{"message":"Deploy failed","channel":"releases","event":"ci.deploy.failure","title":"Deploy","tags":["deploy","prod"],"link":"https://x.io","data":{"v":1}}',
    );
  });

  it('reads the server URL from APIALERTS_SERVER_URL when no option is given', async () => {
    const opts = await withApi();
    await sendEvent({ message: 'm' }, { apiKey: GOOD_KEY, integration: 'x', env: { ...env, APIALERTS_SERVER_URL: `${api!.url}/` } });
    expect(api!.requests).toHaveLength(1);
    // The option wins over the env var: with the env var naming a closed port, the request still arrives.
    await sendEvent({ message: 'm' }, { ...opts, env: { ...env, APIALERTS_SERVER_URL: 'http://127.0.0.1:1' } });
    expect(api!.requests).toHaveLength(2);
  });

  it('reports server warnings and legacy errors, after our own limit warnings', async () => {
    const opts = await withApi(() => ({
      status: 200,
      body: { workspace: 'W', channel: 'c', warnings: ['tag dropped'], errors: ['old style'], error: null },
    }));
    const r = await sendEvent({ message: 'm', channel: 'c'.repeat(70) }, opts);
    expect(r.warnings).toEqual(['channel is 70 characters; cut to the limit of 64', 'tag dropped', 'old style']);
    expect(r.uuid).toBeUndefined();
  });

  it.each([
    [400, /400 Bad Request.*server said: bad body/],
    [401, /401 Unauthorized: the API key is missing or invalid; check your API Alerts key/],
    [403, /403 Forbidden/],
    [413, /413 Payload Too Large/],
    [429, /429 Too Many Requests: the workspace's monthly event quota is used up; retrying will not help/],
  ])('does not retry %i and explains it', async (status, message) => {
    const opts = await withApi(() => ({ status, body: { error: 'bad body' } }));
    const err = await rejection(sendEvent({ message: 'm' }, { ...opts, retries: 3 }));
    expect(err.status).toBe(status);
    expect(err.message).toMatch(message);
    expect(err.attempts).toBe(1);
    expect(api!.requests).toHaveLength(1);
  });

  it('a wrong key gets the real 401 from the contract server', async () => {
    const opts = await withApi();
    const err = await rejection(sendEvent({ message: 'm' }, { ...opts, apiKey: 'wrong' }));
    expect(err.status).toBe(401);
  });

  it('retries a 500 and delivers the event once', async () => {
    const opts = await withApi((_req, i) => (i === 0 ? { status: 500, body: { error: 'boom' } } : undefined));
    const r = await sendEvent({ message: 'm' }, opts);
    expect(r).toMatchObject({ status: 200, attempts: 2, uuid: 'evt-1' });
    expect(api!.requests).toHaveLength(2);
    expect(api!.requests[1]!.rawBody.equals(api!.requests[0]!.rawBody)).toBe(true);
  });

  it('honours Retry-After on a 503', async () => {
    const opts = await withApi((_req, i) => (i === 0 ? { status: 503, headers: { 'retry-after': '1' } } : undefined));
    const r = await sendEvent({ message: 'm' }, { ...opts, env: { APIALERTS_RETRY_BASE_MS: '0' } });
    expect(r.attempts).toBe(2);
    // With a zero backoff base only Retry-After can explain the gap.
    expect(api!.requests[1]!.at - api!.requests[0]!.at).toBeGreaterThanOrEqual(900);
  });

  it('gives up after the retries with the last status', async () => {
    const opts = await withApi(() => ({ status: 502 }));
    const err = await rejection(sendEvent({ message: 'm' }, { ...opts, retries: 2 }));
    expect(err.status).toBe(502);
    expect(err.message).toMatch(/502 server error from API Alerts \(after 3 attempts\)/);
    expect(api!.requests).toHaveLength(3);
  });

  it('times out a server that never answers, per attempt and bounded', async () => {
    const opts = await withApi(() => 'hang');
    const err = await rejection(sendEvent({ message: 'm' }, { ...opts, timeoutMs: 200, retries: 1 }));
    expect(err.status).toBeUndefined();
    expect(err.message).toMatch(/could not reach 127\.0\.0\.1:\d+: no answer within 200 ms \(after 2 attempts\)/);
    expect(api!.requests).toHaveLength(2);
  });

  it('retries a connection reset', async () => {
    const opts = await withApi((_req, i) => (i === 0 ? 'reset' : undefined));
    const r = await sendEvent({ message: 'm' }, opts);
    expect(r.attempts).toBe(2);
  });

  it('reports a refused connection after the retries', async () => {
    const opts = await withApi();
    await api!.close();
    const err = await rejection(sendEvent({ message: 'm' }, { ...opts, retries: 1 }));
    expect(err.message).toMatch(/the connection was refused \(after 2 attempts\)/);
    api = undefined;
  });

  it('rejects bad events before sending anything', async () => {
    const opts = await withApi();
    expect((await rejection(sendEvent({ message: '  ' }, opts))).message).toMatch(/message is required/);
    expect((await rejection(sendEvent({ message: 'm' }, { ...opts, apiKey: ' ' }))).message).toBe('no API key given');
    expect(api!.requests).toHaveLength(0);
  });

  it('goes through an http forward proxy named by http_proxy, and around it with no_proxy', async () => {
    const opts = await withApi();
    const seen: string[] = [];
    const proxy: Server = createHttpServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      // Forward to the API server whatever host the client asked for.
      const upstream = httpRequest(
        { host: '127.0.0.1', port: api!.port, method: req.method, path: new URL(req.url ?? '/').pathname, headers: req.headers },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      req.pipe(upstream);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    try {
      const r = await sendEvent(
        { message: 'via proxy' },
        { ...opts, serverUrl: 'http://api.apialerts.test', env: { ...env, http_proxy: proxyUrl } },
      );
      expect(r.workspace).toBe('Acme');
      expect(seen).toEqual(['POST http://api.apialerts.test/event']);
      expect(api!.requests[0]!.headers.authorization).toBe(`Bearer ${GOOD_KEY}`);

      await sendEvent({ message: 'direct' }, { ...opts, env: { ...env, http_proxy: proxyUrl, no_proxy: '127.0.0.1' } });
      expect(seen).toHaveLength(1);
      expect(api!.requests).toHaveLength(2);
    } finally {
      await new Promise<void>((r) => proxy.close(() => r()));
    }
  });
});

describe('eventUrl', () => {
  it('appends /event once', () => {
    expect(eventUrl('https://a.io').href).toBe('https://a.io/event');
    expect(eventUrl('https://a.io/base/').href).toBe('https://a.io/base/event');
    expect(eventUrl('https://a.io/event').href).toBe('https://a.io/event');
  });
  it('rejects what it cannot post to', () => {
    expect(() => eventUrl('ftp://a.io')).toThrow(/must start with https:\/\/ or http:\/\//);
    expect(() => eventUrl('not a url')).toThrow(/not a valid URL/);
  });
});

describe('sendEvent secrecy', () => {
  it('never puts the key in an error message, even when the server echoes it', async () => {
    const opts = await withApi((req) => ({ status: 401, body: { error: `bad key in ${String(req.headers.authorization)}` } }));
    const err = await rejection(sendEvent({ message: 'm' }, opts));
    expect(err.message).toContain('bad key in Bearer ***');
    expect(err.message).not.toContain(GOOD_KEY);
  });
});

describe('retry backoff', () => {
  it('waits the backoff between attempts (full jitter at its top: ~base, then ~2 × base)', async () => {
    // Math.random at its top end makes the jittered delay its cap, so the gap has a lower bound;
    // without any backoff the three attempts arrive within a few ms of each other.
    const random = vi.spyOn(Math, 'random').mockReturnValue(0.999);
    try {
      const opts = await withApi((_req, i) => (i < 2 ? { status: 503 } : undefined));
      const result = await sendEvent({ message: 'm' }, { ...opts, env: { APIALERTS_RETRY_BASE_MS: '150' } });
      expect(result.attempts).toBe(3);
      const [a, b, c] = api!.requests.map((r) => r.at);
      expect(b! - a!).toBeGreaterThanOrEqual(140);
      expect(c! - b!).toBeGreaterThanOrEqual(290);
    } finally {
      random.mockRestore();
    }
  });
});

// The delays the client asks to sleep, read from setTimeout (passed through: the waits are real).
// Exact values, where the wall-clock test above can only give lower bounds: Math.random fixed, the
// full-jitter delay is floor(random × min(10 s, base × 2^retry)). The per-attempt deadline (timeoutMs,
// also a setTimeout) is left out.
async function sleptBetweenAttempts(
  script: Script,
  base: string | undefined,
  random: number,
): Promise<{ delays: number[]; attempts: number }> {
  const timeoutMs = 4321;
  const opts = await withApi(script);
  const spy = vi.spyOn(globalThis, 'setTimeout');
  vi.spyOn(Math, 'random').mockReturnValue(random);
  try {
    const r = await sendEvent({ message: 'm' }, { ...opts, timeoutMs, env: base === undefined ? {} : { APIALERTS_RETRY_BASE_MS: base } });
    const delays = spy.mock.calls.map((c) => c[1]).filter((ms) => ms !== timeoutMs);
    return { delays: delays as number[], attempts: r.attempts };
  } finally {
    vi.restoreAllMocks();
  }
}

describe('retry delays', () => {
  const twice503: Script = (_req, i) => (i < 2 ? { status: 503 } : undefined);

  it('full jitter from APIALERTS_RETRY_BASE_MS: up to base before the 2nd attempt, 2 × base before the 3rd', async () => {
    expect(await sleptBetweenAttempts(twice503, '100', 0.5)).toEqual({ delays: [50, 100], attempts: 3 });
  });

  it('the same backoff after a network error (a reset connection)', async () => {
    const resetTwice: Script = (_req, i) => (i < 2 ? 'reset' : undefined);
    expect(await sleptBetweenAttempts(resetTwice, '100', 0.5)).toEqual({ delays: [50, 100], attempts: 3 });
  });

  it.each([
    ['unset', undefined],
    ['empty', ''],
    ['not a number', 'soon'],
    ['negative', '-5'],
  ])('a base that is %s means the default 1 s', async (_what, base) => {
    // 0.001 × 1000 ms and × 2000 ms.
    expect((await sleptBetweenAttempts(twice503, base, 0.001)).delays).toEqual([1, 2]);
  });

  it('a base of 0 means no wait at all', async () => {
    expect((await sleptBetweenAttempts(twice503, '0', 0.999)).delays).toEqual([0, 0]);
  });
});

describe('error details', () => {
  it('a network failure keeps its attempts and cause', async () => {
    const opts = await withApi();
    await api!.close();
    const err = await rejection(sendEvent({ message: 'm' }, { ...opts, retries: 1 }));
    api = undefined;
    expect(err.name).toBe('ApiAlertsError');
    expect(err.attempts).toBe(2);
    expect(err.status).toBeUndefined();
    expect(err.cause).toBeInstanceOf(Error);
    expect((err.cause as Error).message).toMatch(/refused/);
  });

  it('one attempt is not called "after 1 attempts"', async () => {
    const opts = await withApi(() => ({ status: 401, body: { error: 'unknown key' } }));
    const err = await rejection(sendEvent({ message: 'm' }, opts));
    expect(err.message).toBe('401 Unauthorized: the API key is missing or invalid; check your API Alerts key (server said: unknown key)');
    expect(err.attempts).toBe(1);
  });

  it('a 500 is a server error (retried, then reported as such)', async () => {
    const opts = await withApi(() => ({ status: 500 }));
    const err = await rejection(sendEvent({ message: 'm' }, { ...opts, retries: 1 }));
    expect(err.message).toBe('500 server error from API Alerts (after 2 attempts)');
    expect(api!.requests).toHaveLength(2);
  });

  it.each([300, 404])('a %i is an unexpected status: not retried, not read as an answer', async (status) => {
    const opts = await withApi(() => ({ status, body: { workspace: 'W', channel: 'c' } }));
    const err = await rejection(sendEvent({ message: 'm' }, { ...opts, retries: 2 }));
    expect(err.message).toBe(`unexpected HTTP status ${status}`);
    expect(err.status).toBe(status);
    expect(api!.requests).toHaveLength(1);
  });

  it.each([
    [
      'the first non-blank string of error, message, errors',
      { error: null, message: ' ', errors: [3, 'field x is bad'] },
      'field x is bad',
    ],
    ['message when error is blank', { error: '  ', message: 'too long' }, 'too long'],
  ])("quotes the server's words: %s", async (_what, body, said) => {
    const opts = await withApi(() => ({ status: 400, body }));
    const err = await rejection(sendEvent({ message: 'm' }, opts));
    expect(err.message).toBe(`400 Bad Request: the server rejected the event body (server said: ${said})`);
  });

  it("quotes a body that is not JSON, trimmed, and cuts the server's words at 200 characters", async () => {
    let text = '  <h1>Bad request</h1>\n';
    api = await startServer((_req, res) => void res.writeHead(400, { 'content-type': 'text/html' }).end(text));
    const opts: ClientOptions = { apiKey: GOOD_KEY, serverUrl: api.url, integration: 'test-suite', env };
    expect((await rejection(sendEvent({ message: 'm' }, opts))).message).toMatch(/\(server said: <h1>Bad request<\/h1>\)$/);
    text = 'x'.repeat(200);
    expect((await rejection(sendEvent({ message: 'm' }, opts))).message).toMatch(/\(server said: x{200}\)$/);
    text = 'y'.repeat(300);
    expect((await rejection(sendEvent({ message: 'm' }, opts))).message).toMatch(/\(server said: y{200}…\)$/);
  });
});

describe('the answer', () => {
  it('keeps only string workspace, channel and uuid', async () => {
    const opts = await withApi(() => ({ status: 200, body: { workspace: 7, channel: ['c'], uuid: 5 } }));
    expect(await sendEvent({ message: 'm' }, opts)).toEqual({ status: 200, warnings: [], attempts: 1 });
  });

  it('warnings: non-blank strings, trimmed; a legacy lone error added once', async () => {
    const opts = await withApi((_req, i) => ({
      status: 200,
      body:
        i === 0
          ? { workspace: 'W', channel: 'c', warnings: [' tag cut ', '', 3, '   '], error: ' legacy note ' }
          : i === 1
            ? { workspace: 'W', channel: 'c', errors: ['same'], error: ' same ' }
            : { workspace: 'W', channel: 'c', warnings: ['kept'], error: '   ' },
    }));
    expect((await sendEvent({ message: 'm' }, opts)).warnings).toEqual(['tag cut', 'legacy note']);
    expect((await sendEvent({ message: 'm' }, opts)).warnings).toEqual(['same']);
    expect((await sendEvent({ message: 'm' }, opts)).warnings).toEqual(['kept']);
  });
});

describe('the server URL', () => {
  it('without an option or APIALERTS_SERVER_URL, events go to https://api.apialerts.com (seen at a proxy)', async () => {
    const seen: string[] = [];
    const proxy: Server = createHttpServer();
    proxy.on('connect', (req, socket) => {
      seen.push(String(req.url));
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    try {
      const err = await rejection(
        sendEvent(
          { message: 'm' },
          {
            apiKey: GOOD_KEY,
            integration: 'x',
            retries: 0,
            env: { https_proxy: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}` },
          },
        ),
      );
      expect(seen).toEqual(['api.apialerts.com:443']);
      expect(err.message).toMatch(/^could not reach api\.apialerts\.com: /);
    } finally {
      await new Promise<void>((r) => proxy.close(() => r()));
    }
  });

  it('appends /event to a path that only starts with it, and drops every trailing slash', () => {
    expect(eventUrl('https://a.io/eventhub').href).toBe('https://a.io/eventhub/event');
    expect(eventUrl('https://a.io/base//').href).toBe('https://a.io/base/event');
  });
});
