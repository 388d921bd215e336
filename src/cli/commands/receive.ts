import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { EXIT, UserError, errorMessage } from '../../util/errors.js';

interface ReceiveFlags {
  port: string;
  host: string;
  secretEnv?: string;
  secretFile?: string;
  scheme: 'auto' | 'krafter' | 'standard';
  count?: string;
  json?: boolean;
}

const MAX_BODY = 1 << 20;

/** The secret(s) to check against: a named env var or a file, read once at start. */
async function secretsOf(flags: ReceiveFlags): Promise<string> {
  if (flags.secretEnv && flags.secretFile)
    throw new UserError('give either --secret-env or --secret-file, not both', { exitCode: EXIT.badInput });
  if (flags.secretFile) {
    let text: string;
    try {
      text = (await readFile(flags.secretFile, 'utf8')).trim();
    } catch (err) {
      throw new UserError(`cannot read secret file ${flags.secretFile}: ${errorMessage(err)}`, { exitCode: EXIT.badInput });
    }
    if (!text) throw new UserError(`secret file ${flags.secretFile} is empty`, { exitCode: EXIT.badInput });
    return text;
  }
  const name = flags.secretEnv ?? 'WEBHOOK_SECRET';
  const value = process.env[name];
  if (!value)
    throw new UserError(`env ${name} is not set (the webhook secret; or use --secret-env NAME / --secret-file)`, {
      exitCode: EXIT.badInput,
    });
  return value;
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        resolve(undefined);
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** One line about a delivery: the alert it carries, never the secret or the signature. */
function describe(body: Buffer, headers: IncomingMessage['headers']): string {
  const event = String(headers['x-krafter-event'] ?? 'delivery');
  try {
    const a = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    const group = a.group && typeof a.group === 'object' ? ` ${JSON.stringify(a.group)}` : '';
    return `${event} "${String(a.alert_name)}"${group}: ${String(a.match_count)} ${String(a.level)} in ${String(a.window_minutes)} min at ${String(a.resolved_at ?? a.triggered_at)}`;
  } catch {
    return `${event} (body is not JSON)`;
  }
}

/**
 * A local webhook receiver for trying rules out: verifies each delivery's signature with the
 * library's verifier (the same check a production receiver makes), prints one line per delivery and
 * answers 204 when it verifies, 401 when it does not. Binds 127.0.0.1 unless told otherwise.
 */
export function registerReceive(program: Command): void {
  program
    .command('receive')
    .description('Run a local webhook receiver that verifies and prints each delivery (for trying rules out)')
    .option('--port <port>', 'port to listen on (0: any free port, printed)', '8080')
    .option('--host <address>', 'address to bind', '127.0.0.1')
    .option('--secret-env <name>', 'env var holding the secret(s), space-separated during a rotation (default WEBHOOK_SECRET)')
    .option('--secret-file <file>', 'file holding the secret(s)')
    .addOption(new Option('--scheme <scheme>', 'which signature to require').choices(['auto', 'krafter', 'standard']).default('auto'))
    .option('--count <n>', 'exit after this many verified deliveries (exit 1 if any failed to verify)')
    .option('--json', 'print one JSON object per delivery')
    .addHelpText('after', '\nExit codes (with --count): 0 every delivery verified, 1 one did not, 2 bad input.')
    .action(async (flags: ReceiveFlags) => {
      const { verifySignature } = await import('../../deliver/verify.js');
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new UserError(`--port must be a port number, got ${flags.port}`, { exitCode: EXIT.badInput });
      const count = flags.count === undefined ? undefined : Number(flags.count);
      if (count !== undefined && (!Number.isInteger(count) || count < 1))
        throw new UserError('--count must be a whole number ≥ 1', { exitCode: EXIT.badInput });
      const secrets = await secretsOf(flags);
      let verified = 0;
      let rejected = 0;
      const server = createServer((req: IncomingMessage, res: ServerResponse) => {
        void (async () => {
          if (req.method !== 'POST') {
            res.writeHead(405, { allow: 'POST' }).end();
            return;
          }
          const body = await readBody(req);
          if (body === undefined) {
            res.writeHead(413).end();
            return;
          }
          const check = verifySignature(body, req.headers, secrets, { scheme: flags.scheme });
          if (check.ok) verified++;
          else rejected++;
          const line = flags.json
            ? JSON.stringify({
                verified: check.ok,
                scheme: check.scheme ?? null,
                reason: check.reason ?? null,
                event: req.headers['x-krafter-event'] ?? null,
                body: body.toString('utf8'),
              })
            : check.ok
              ? `✓ verified ${check.scheme === 'standard' ? 'webhook-signature' : 'x-krafter-signature'}: ${describe(body, req.headers)}`
              : `✗ NOT verified (${check.reason ?? 'bad signature'}): ${describe(body, req.headers)}`;
          process.stdout.write(line + '\n');
          res.writeHead(check.ok ? 204 : 401).end();
          if (count !== undefined && verified + rejected >= count) server.close();
        })().catch(() => res.writeHead(400).end());
      });
      await new Promise<void>((resolve, reject) => {
        server.once('error', (err) =>
          reject(new UserError(`cannot listen on ${flags.host}:${port}: ${errorMessage(err)}`, { exitCode: EXIT.badInput })),
        );
        server.listen(port, flags.host, resolve);
      });
      const addr = server.address();
      const bound = addr && typeof addr === 'object' ? addr.port : port;
      process.stderr.write(
        `listening on http://${flags.host}:${bound}/ — verifying with ${flags.secretFile ? 'the secret file' : `$${flags.secretEnv ?? 'WEBHOOK_SECRET'}`}\n`,
      );
      await new Promise<void>((resolve) => server.on('close', resolve));
      if (rejected > 0) process.exitCode = 1;
    });
}
