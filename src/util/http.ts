import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import { isIP, type LookupFunction, type Socket } from 'node:net';
import type { Readable } from 'node:stream';
import { proxyFor } from './proxy.js';
import { decodeUserinfo } from './userinfo.js';
import { describeError } from './errors.js';
import { redactUrl } from './redact.js';

/**
 * The one outbound HTTP helper of the toolkit, used by the API Alerts client, webhooks and URL log
 * sources: a deadline, an optional guarded DNS lookup (the address policy of webhooks), and the
 * proxy the environment names (HTTPS_PROXY / HTTP_PROXY / NO_PROXY, lower case first, as curl and
 * @actions/http-client read them). Plain node:http(s): no client library to load at start-up.
 */
interface OutboundRequest {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string | Buffer;
  /**
   * The deadline, in ms. `text` and `drain`: for the whole exchange (connect, send, the whole answer).
   * `stream`: until the answer's headers, then the longest the body may go without a byte.
   */
  timeoutMs: number;
  /**
   * A DNS lookup that refuses addresses (the webhook address policy). Used for the connection to the
   * target, also for an IP-literal host (checked through it before connecting); through a proxy, the
   * target's name is resolved and checked with it before the tunnel is asked for.
   */
  lookup?: LookupFunction;
  /** Where HTTPS_PROXY / HTTP_PROXY / NO_PROXY are read (process.env by default). */
  env?: NodeJS.ProcessEnv;
  /** `false` for a connection of its own (closed after the answer); the global agent otherwise. */
  agent?: false;
}

export interface BufferedResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

interface StreamedResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Readable;
}

/** A network failure or timeout: the request may be retried. */
export class NetworkError extends Error {
  readonly code?: string;
  constructor(message: string, options?: { cause?: unknown; code?: string }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'NetworkError';
    if (options?.code) this.code = options.code;
  }
}

const MAX_TEXT_BYTES = 1024 * 1024;

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** The answer as text (at most 1 MB kept); the deadline covers the whole exchange. */
export async function requestText(url: URL, opts: OutboundRequest): Promise<BufferedResponse> {
  const res = await exchange(url, opts, 'text');
  return res as BufferedResponse;
}

/** The status only; the body is read and dropped so the socket can close. Deadline over the whole exchange. */
export async function requestStatus(url: URL, opts: OutboundRequest): Promise<{ status: number }> {
  const res = await exchange(url, opts, 'drain');
  return { status: res.status };
}

/** The answer's body as a stream (a large log is never held whole). */
export async function requestStream(url: URL, opts: OutboundRequest): Promise<StreamedResponse> {
  return (await exchange(url, opts, 'stream')) as StreamedResponse;
}

type Mode = 'text' | 'drain' | 'stream';

function exchange(url: URL, opts: OutboundRequest, mode: Mode): Promise<BufferedResponse | StreamedResponse> {
  const env = opts.env ?? process.env;
  return new Promise((resolve, reject) => {
    let settled = false;
    let request: http.ClientRequest | undefined;
    let tunnel: http.ClientRequest | undefined;
    const fail = (err: Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request?.destroy();
      tunnel?.destroy();
      reject(err);
    };
    const timer = setTimeout(
      () => fail(new NetworkError(`no answer within ${formatMs(opts.timeoutMs)}`, { code: 'ETIMEDOUT' })),
      opts.timeoutMs,
    );
    const network = (err: NodeJS.ErrnoException, prefix = ''): NetworkError =>
      err instanceof NetworkError
        ? err
        : new NetworkError(`${prefix}${describeError(err)}`, { cause: err, ...(err.code ? { code: err.code } : {}) });

    const onResponse = (res: http.IncomingMessage): void => {
      const status = res.statusCode ?? 0;
      if (mode === 'stream') {
        settled = true;
        clearTimeout(timer);
        const socket = res.socket;
        if (socket) {
          const idle = (): void => {
            res.destroy(new NetworkError(`no data for ${formatMs(opts.timeoutMs)}`, { code: 'ETIMEDOUT' }));
          };
          socket.setTimeout(opts.timeoutMs, idle);
          // A kept-alive socket serves the next request: leave it without this body's timer and
          // listener (else each read adds one: MaxListenersExceededWarning after ten).
          res.once('close', () => {
            socket.setTimeout(0);
            socket.removeListener('timeout', idle);
          });
        }
        res.on('aborted', () => res.destroy(new NetworkError('connection closed before the body ended', { code: 'ECONNRESET' })));
        resolve({ status, headers: res.headers, body: res });
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (mode === 'text' && size <= MAX_TEXT_BYTES) chunks.push(c);
      });
      const finish = (): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ status, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
      };
      res.on('end', finish);
      // The status is known: a body cut short still answers `drain`; `text` needs the whole body.
      res.on('error', (err) =>
        mode === 'drain' ? finish() : fail(new NetworkError(`connection lost while reading the answer: ${err.message}`, { cause: err })),
      );
      res.on('aborted', () => (mode === 'drain' ? finish() : undefined));
    };

    const send = (options: https.RequestOptions, secure: boolean): void => {
      const req = (secure ? https : http).request(options, onResponse);
      request = req;
      req.on('error', (err: NodeJS.ErrnoException) => fail(network(err)));
      req.end(opts.body);
    };

    const secure = url.protocol === 'https:';
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const headers: Record<string, string> = { ...opts.headers };
    // Credentials in the URL (https://user:password@host/…) are sent as Basic auth, as node:http does.
    if (url.username && !Object.keys(headers).some((k) => k.toLowerCase() === 'authorization'))
      headers.Authorization = `Basic ${Buffer.from(`${decodeUserinfo(url.username)}:${decodeUserinfo(url.password)}`).toString('base64')}`;
    if (opts.body !== undefined && !Object.keys(headers).some((k) => k.toLowerCase() === 'content-length'))
      headers['Content-Length'] = String(Buffer.byteLength(opts.body));
    const base: https.RequestOptions = {
      method: opts.method ?? (opts.body === undefined ? 'GET' : 'POST'),
      headers,
      ...(opts.agent === false ? { agent: false } : {}),
    };

    let proxy: URL | undefined;
    try {
      proxy = proxyFor(url, env);
    } catch (err) {
      fail(err as Error);
      return;
    }

    // The address policy: resolve (or, for an IP literal, check) the target through the guarded lookup.
    const checkTarget = (then: () => void): void => {
      if (!opts.lookup) return then();
      opts.lookup(host, {}, (err) => (err ? fail(network(err)) : then()));
    };

    if (!proxy) {
      const direct = (): void =>
        send(
          { ...base, hostname: host, port: url.port, path: url.pathname + url.search, ...(opts.lookup ? { lookup: opts.lookup } : {}) },
          secure,
        );
      // Node skips `lookup` for an IP literal: check it here; a name is checked as it connects.
      if (opts.lookup && isIP(host) !== 0) checkTarget(direct);
      else direct();
      return;
    }

    const proxyLabel = redactUrl(proxy.href).replace(/\/$/, '');
    const proxyAuth = proxy.username
      ? `Basic ${Buffer.from(`${decodeUserinfo(proxy.username)}:${decodeUserinfo(proxy.password)}`).toString('base64')}`
      : undefined;
    const proxyPort = proxy.port || (proxy.protocol === 'https:' ? 443 : 80);
    if (!secure) {
      // A forward proxy takes the absolute URL as the request target.
      checkTarget(() =>
        send(
          {
            ...base,
            hostname: proxy.hostname.replace(/^\[|\]$/g, ''),
            port: proxyPort,
            path: url.href,
            headers: { ...headers, Host: url.host, ...(proxyAuth ? { 'Proxy-Authorization': proxyAuth } : {}) },
          },
          false,
        ),
      );
      return;
    }
    // HTTPS through a proxy: a CONNECT tunnel, then TLS to the target inside it.
    checkTarget(() => {
      const targetPort = url.port || '443';
      const authority = `${url.hostname}:${targetPort}`;
      tunnel = http.request({
        method: 'CONNECT',
        hostname: proxy.hostname.replace(/^\[|\]$/g, ''),
        port: proxyPort,
        path: authority,
        agent: false,
        headers: { Host: authority, ...(proxyAuth ? { 'Proxy-Authorization': proxyAuth } : {}) },
      });
      tunnel.on('error', (err: NodeJS.ErrnoException) => fail(network(err, `proxy ${proxyLabel}: `)));
      tunnel.on('connect', (res, socket: Socket) => {
        if (res.statusCode !== 200) {
          socket.destroy();
          fail(new NetworkError(`proxy ${proxyLabel} refused the tunnel to ${url.host} with HTTP ${res.statusCode}`));
          return;
        }
        // No agent: Node uses `createConnection` only for a request without one.
        const { agent: _agent, ...noAgent } = base;
        send(
          {
            ...noAgent,
            hostname: host,
            port: targetPort,
            path: url.pathname + url.search,
            createConnection: () => tls.connect({ socket, ...(isIP(host) === 0 ? { servername: host } : {}) }),
          },
          true,
        );
      });
      tunnel.end();
    });
  });
}
