import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import type { Socket } from 'node:net';
import { proxyFor } from './proxy.js';
import { decodeUserinfo } from '../util/userinfo.js';

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A network failure or timeout: the request may be retried. */
export class NetworkError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NetworkError';
  }
}

const MAX_RESPONSE_BYTES = 1024 * 1024;

/**
 * One POST with a hard deadline for the whole exchange (connect, send, answer), through a
 * proxy when the environment names one. Plain node:http(s) keeps the action's start-up
 * small (see README.md, "Start-up").
 */
export function postJson(
  url: URL,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
  env: NodeJS.ProcessEnv = process.env,
): Promise<HttpResponse> {
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
    const timer = setTimeout(() => fail(new NetworkError(`no answer within ${formatMs(timeoutMs)}`)), timeoutMs);

    const send = (options: https.RequestOptions, secure: boolean): void => {
      const req = (secure ? https : http).request(options, (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size <= MAX_RESPONSE_BYTES) chunks.push(c);
        });
        res.on('end', () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', (err) => fail(new NetworkError(`connection lost while reading the answer: ${err.message}`, { cause: err })));
      });
      request = req;
      req.on('error', (err) => fail(new NetworkError(describe(err), { cause: err })));
      req.end(body);
    };

    const secure = url.protocol === 'https:';
    const base: https.RequestOptions = {
      method: 'POST',
      headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
    };
    let proxy: URL | undefined;
    try {
      proxy = proxyFor(url, env);
    } catch (err) {
      fail(err as Error);
      return;
    }
    const proxyAuth = proxy && proxy.username ? `Basic ${Buffer.from(`${decodeUserinfo(proxy.username)}:${decodeUserinfo(proxy.password)}`).toString('base64')}` : undefined;

    if (!proxy) {
      send({ ...base, hostname: url.hostname.replace(/^\[|\]$/g, ''), port: url.port, path: url.pathname + url.search }, secure);
    } else if (!secure) {
      // A forward proxy takes the absolute URL as the request target.
      send(
        {
          ...base,
          hostname: proxy.hostname,
          port: proxy.port || 80,
          path: url.href,
          headers: { ...base.headers, Host: url.host, ...(proxyAuth ? { 'Proxy-Authorization': proxyAuth } : {}) },
        },
        false,
      );
    } else {
      // HTTPS through a proxy: open a CONNECT tunnel, then speak TLS to the target inside it.
      const targetPort = url.port || '443';
      tunnel = http.request({
        method: 'CONNECT',
        hostname: proxy.hostname,
        port: proxy.port || 80,
        path: `${url.hostname}:${targetPort}`,
        headers: { Host: `${url.hostname}:${targetPort}`, ...(proxyAuth ? { 'Proxy-Authorization': proxyAuth } : {}) },
      });
      tunnel.on('error', (err) => fail(new NetworkError(`proxy ${proxy.host}: ${describe(err)}`, { cause: err })));
      tunnel.on('connect', (res, socket: Socket) => {
        if (res.statusCode !== 200) {
          socket.destroy();
          fail(new NetworkError(`proxy ${proxy.host} refused the tunnel to ${url.host} with HTTP ${res.statusCode}`));
          return;
        }
        send(
          {
            ...base,
            hostname: url.hostname,
            port: targetPort,
            path: url.pathname + url.search,
            createConnection: () => tls.connect({ socket, servername: url.hostname }),
          },
          true,
        );
      });
      tunnel.end();
    }
  });
}

function describe(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'ECONNRESET':
      return 'the connection was reset';
    case 'ECONNREFUSED':
      return 'the connection was refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the host could not be resolved (${err.code})`;
    default:
      return err.code ? `${err.message}` : err.message;
  }
}

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
