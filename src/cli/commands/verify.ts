import { Option, type Command } from 'commander';
import { EXIT, UserError, errorMessage } from '../../util/errors.js';
import { readInputFile } from '../../util/read-file.js';
import { addSecret } from '../redaction.js';
import { parseHeaderLines, parseSavedRequest, type SavedRequest } from '../saved-request.js';
import { parseTime } from './evaluate.js';

interface VerifyFlags {
  request?: string;
  body?: string;
  headers?: string;
  secretEnv?: string;
  secretFile?: string;
  scheme: 'auto' | 'krafter' | 'standard';
  tolerance: string;
  now?: string;
  json?: boolean;
}

const read = (path: string, what: string): Promise<Buffer> => readInputFile(path, what);

async function loadRequest(flags: VerifyFlags): Promise<SavedRequest> {
  if (flags.request && (flags.body || flags.headers))
    throw new UserError('give either --request or --body with --headers, not both', { exitCode: EXIT.badInput });
  try {
    if (flags.request) return parseSavedRequest(await read(flags.request, 'request file'));
    if (flags.body && flags.headers) {
      const headers = parseHeaderLines((await read(flags.headers, 'headers file')).toString('latin1').split(/\r?\n/));
      return { headers, body: await read(flags.body, 'body file') };
    }
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(`cannot read the saved request: ${errorMessage(err)}`, { exitCode: EXIT.badInput });
  }
  throw new UserError('give the request to check: --request saved.http, or --body file --headers file', { exitCode: EXIT.badInput });
}

async function loadSecrets(flags: VerifyFlags): Promise<string> {
  if (flags.secretEnv && flags.secretFile)
    throw new UserError('give either --secret-env or --secret-file, not both', { exitCode: EXIT.badInput });
  if (flags.secretFile) {
    const secret = (await read(flags.secretFile, 'secret file')).toString('utf8').trim();
    // An empty secret is bad input, not an invalid signature: nothing could ever match it.
    if (!secret)
      throw new UserError(`secret file ${flags.secretFile} is empty (it must hold the webhook secret)`, { exitCode: EXIT.badInput });
    addSecret(secret, { list: true });
    return secret;
  }
  const name = flags.secretEnv ?? 'WEBHOOK_SECRET';
  const value = process.env[name]?.trim();
  if (!value)
    throw new UserError(`env ${name} is not set or empty (the webhook secret; or use --secret-env NAME / --secret-file)`, {
      exitCode: EXIT.badInput,
    });
  return value;
}

export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description('Check the signature of a saved webhook delivery (x-krafter-signature or Standard Webhooks)')
    .option('--request <file>', 'the raw HTTP request as received (request line, headers, blank line, body)')
    .option('--body <file>', 'the exact body bytes (with --headers)')
    .option('--headers <file>', '"Name: value" lines (with --body)')
    .option('--secret-env <name>', 'env var holding the secret(s), space-separated during a rotation (default WEBHOOK_SECRET)')
    .option('--secret-file <file>', 'file holding the secret(s)')
    .addOption(new Option('--scheme <scheme>', 'which signature to check').choices(['auto', 'krafter', 'standard']).default('auto'))
    .option('--tolerance <seconds>', 'Standard Webhooks: allowed clock difference', '300')
    .option('--now <iso>', 'check the timestamp as of this time (for requests saved earlier)')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExit codes: 0 valid, 1 invalid (the reason is printed), 2 bad input.')
    .action(async (flags: VerifyFlags) => {
      const { verifySignature } = await import('../../deliver/verify.js');
      const tolerance = Number(flags.tolerance);
      if (!Number.isInteger(tolerance) || tolerance < 0)
        throw new UserError('--tolerance must be a whole number of seconds', { exitCode: EXIT.badInput });
      const now = flags.now ? parseTime(flags.now, '--now') : undefined;
      const request = await loadRequest(flags);
      const secrets = await loadSecrets(flags);
      const result = verifySignature(request.body, request.headers, secrets, {
        scheme: flags.scheme,
        toleranceSeconds: tolerance,
        ...(now ? { now } : {}),
      });
      if (flags.json) process.stdout.write(JSON.stringify(result) + '\n');
      else
        process.stdout.write(
          result.ok
            ? `valid ${result.scheme} signature\n`
            : `INVALID${result.scheme ? ` ${result.scheme}` : ''} signature: ${result.reason}\n`,
        );
      if (!result.ok) process.exitCode = EXIT.failure;
    });
}
