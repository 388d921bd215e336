import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createCountProvider } from '../../src/logs/provider.js';
import { windowAt } from '../../src/model/window.js';
import { startServer, type TestServer } from '../helpers/http-server.js';

const T0 = Date.UTC(2026, 3, 26, 12, 0, 0);
const line = (level: string, msAgo: number) => JSON.stringify({ level, time: T0 - msAgo, msg: 'x' });
const servers: TestServer[] = [];
afterEach(async () => Promise.all(servers.splice(0).map((s) => s.close())));

describe('createCountProvider', () => {
  it('sums over a glob of plain and gzipped files relative to the rule file, counting unreadable lines per file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'provider-'));
    writeFileSync(join(dir, 'app-1.log'), [line('error', 1000), line('error', 10 * 60_000), 'junk'].join('\n'));
    writeFileSync(join(dir, 'app-2.log.gz'), gzipSync([line('error', 0), line('warn', 5)].join('\n')));
    writeFileSync(join(dir, 'other.txt'), line('error', 1));
    const provider = createCountProvider([{ name: 'app', path: 'app-*.log*' }], { baseDir: dir, env: {} });
    const result = await provider.count({ levels: ['error', 'warn'], windows: [windowAt(T0, 5), windowAt(T0, 15)] });
    expect(result.counts).toEqual([
      [2, 3],
      [1, 1],
    ]);
    expect(result.stats.map((s) => [s.source.endsWith('app-1.log'), s.linesRead, s.unreadable])).toEqual([
      [true, 3, 1],
      [false, 2, 0],
    ]);
  });

  it('reports progress with the total size of plain files, for the progress line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'provider-'));
    const text = Array.from({ length: 2000 }, (_, i) => line(i % 3 ? 'info' : 'error', i * 100)).join('\n');
    writeFileSync(join(dir, 'app.log'), text);
    const seen: { bytesRead: number; bytesTotal?: number }[] = [];
    const provider = createCountProvider([{ name: 'app', path: 'app.log' }], { baseDir: dir, env: {}, onProgress: (p) => seen.push(p) });
    await provider.count({ levels: ['error'], windows: [windowAt(T0, 5)] });
    expect(seen.reduce((n, p) => n + p.bytesRead, 0)).toBe(Buffer.byteLength(text));
    expect(new Set(seen.map((p) => p.bytesTotal))).toEqual(new Set([Buffer.byteLength(text)]));
  });

  it('names the source when no file matches', async () => {
    const provider = createCountProvider([{ name: 'app', path: 'missing-*.log' }], { baseDir: tmpdir(), env: {} });
    await expect(provider.count({ levels: ['error'], windows: [windowAt(T0, 5)] })).rejects.toThrow(
      /log source "app": no file matches missing-\*\.log/,
    );
  });

  it('streams a URL source from a local server, with a bearer token from env', async () => {
    const server = await startServer((req, res) => {
      res.writeHead(req.headers.authorization === 'Bearer t0k' ? 200 : 401);
      res.end([line('error', 1), line('error', 2)].join('\n'));
    });
    servers.push(server);
    const provider = createCountProvider([{ name: 'remote', url: `${server.url}/logs.ndjson`, token_env: 'LOG_TOKEN' }], {
      baseDir: '.',
      env: { LOG_TOKEN: 't0k' },
    });
    expect((await provider.count({ levels: ['error'], windows: [windowAt(T0, 1)] })).counts).toEqual([[2]]);
    const noToken = createCountProvider([{ name: 'remote', url: `${server.url}/logs.ndjson` }], { baseDir: '.', env: {} });
    await expect(noToken.count({ levels: ['error'], windows: [windowAt(T0, 1)] })).rejects.toThrow(/log source "remote" .*HTTP 401/);
  });

  it('fails clearly when the server drops the connection mid-stream, instead of counting a partial body', async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-length': '100000' });
      res.write(line('error', 1) + '\n');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    servers.push(server);
    const provider = createCountProvider([{ name: 'remote', url: `${server.url}/logs` }], { baseDir: '.', env: {} });
    await expect(provider.count({ levels: ['error'], windows: [windowAt(T0, 1)] })).rejects.toThrow(
      /log source "remote" .*could not be read: .*(aborted|closed|reset)/,
    );
  });
});
