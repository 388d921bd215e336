// Shared by the event, notify-action and CLI tests: a local server that implements the
// API Alerts event contract (contracts.md §1), and a way to run the built bundles as processes.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServerResponse } from 'node:http';
import { startServer, json, type CapturedRequest, type TestServer } from '../helpers/http-server.js';

export const GOOD_KEY = 'ak_live_S3cr3tK3y_0123456789abcdef';
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | 'hang' | 'reset';
/** Return a Reply to script the answer, or undefined to answer as the real API would. */
export type Script = (req: CapturedRequest, index: number) => Reply | undefined;

/** The real API's behaviour: 401 on a bad key, 400 without a message, 413 over 256 KB, else 200. */
function contractReply(req: CapturedRequest, index: number): Reply {
  if (req.method !== 'POST' || req.url !== '/event') return { status: 404, body: { error: 'not found' } };
  if (req.headers.authorization !== `Bearer ${GOOD_KEY}`) return { status: 401, body: { error: 'unauthorized' } };
  if (req.rawBody.length > 256 * 1024) return { status: 413, body: { error: 'payload too large' } };
  let body: { message?: unknown; channel?: unknown };
  try {
    body = JSON.parse(req.rawBody.toString('utf8')) as typeof body;
  } catch {
    return { status: 400, body: { error: 'invalid json' } };
  }
  if (typeof body.message !== 'string' || body.message === '') return { status: 400, body: { error: 'message is required' } };
  return {
    status: 200,
    body: { workspace: 'Acme', channel: typeof body.channel === 'string' ? body.channel : 'general', uuid: `evt-${index}`, warnings: [] },
  };
}

export async function startApi(script: Script = () => undefined): Promise<TestServer> {
  return startServer((req, res: ServerResponse, index) => {
    const reply = script(req, index) ?? contractReply(req, index);
    if (reply === 'hang') return;
    if (reply === 'reset') {
      res.socket?.destroy();
      return;
    }
    json(res, reply.status, reply.body ?? {}, reply.headers);
  });
}

/** The body of a captured request as JSON. */
export function bodyOf(req: CapturedRequest | undefined): unknown {
  if (!req) throw new Error('no request captured');
  return JSON.parse(req.rawBody.toString('utf8'));
}

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node <script> args` asynchronously (the test's servers keep answering meanwhile)
 * with only the given environment, like a runner or a cron line would.
 */
export function runNode(script: string, args: string[], env: Record<string, string>, stdin = ''): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Parses a GITHUB_OUTPUT file written with `name<<DELIM` blocks (the only form we write). */
export function parseOutputs(file: string): Record<string, string> {
  const lines = readFileSync(file, 'utf8').split('\n');
  const out: Record<string, string> = {};
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!line) continue;
    const m = /^([^<=]+)<<(.+)$/.exec(line);
    if (!m || !m[1] || !m[2]) throw new Error(`unexpected line in GITHUB_OUTPUT: ${line}`);
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i] ?? '');
    if (i >= lines.length) throw new Error(`unterminated output ${m[1]}`);
    if (m[1] in out) throw new Error(`output ${m[1]} written twice`);
    out[m[1]] = value.join('\n');
  }
  return out;
}

/** Fails fast with a useful message when a bundle has not been built. */
export function builtBundle(name: 'notify' | 'cli' | 'evaluate' | 'lib'): string {
  const file = join(ROOT, 'dist', name, 'index.js');
  if (!existsSync(file)) throw new Error(`${file} is missing: run "node scripts/build.mjs ${name}" first`);
  return file;
}

/** A self-signed certificate for `host`, made with openssl, for TLS through-proxy tests. */
export function selfSignedCert(host: string): { key: string; cert: string; certFile: string } {
  const dir = tempDir('apialerts-tls-');
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '2',
      '-subj',
      `/CN=${host}`,
      '-addext',
      `subjectAltName=DNS:${host}`,
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8'), certFile };
}
