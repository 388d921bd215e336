import { Command, CommanderError } from 'commander';
import { EXIT, UserError, errorMessage } from '../util/errors.js';
import { VERSION } from '../version.js';
import { protectOutput } from './redaction.js';
import { registerSend } from './commands/send.js';
import { registerTest } from './commands/test.js';
import { registerConfig } from './commands/config.js';
import { registerInit } from './commands/init.js';
import { registerEvaluate } from './commands/evaluate.js';
import { registerBacktest } from './commands/backtest.js';
import { registerVerify } from './commands/verify.js';
import { registerAlerts } from './commands/alerts.js';
import { registerScanWorker } from './commands/scan-worker.js';
import { registerReceive } from './commands/receive.js';

/**
 * Each subcommand lives in its own module under ./commands and registers itself here.
 * Heavy dependencies (SMTP, database clients) are imported inside the command's action
 * so `apialerts send` in a cron line starts fast.
 */
type Register = (program: Command) => void;
const commands: Register[] = [
  registerSend,
  registerTest,
  registerConfig,
  registerInit,
  registerEvaluate,
  registerBacktest,
  registerVerify,
  registerReceive,
  registerAlerts,
  registerScanWorker,
];

/** Commands whose bad input (usage errors included) exits 2, so schedulers can tell it from failed deliveries (3). */
const BAD_INPUT_EXITS_2 = new Set(['evaluate', 'backtest', 'alerts', 'verify', 'receive']);

export function buildProgram(): Command {
  const program = new Command('apialerts')
    .description('Send API Alerts events, evaluate threshold rules over logs, and verify signed webhooks.')
    .version(VERSION, '-v, --version')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  for (const register of commands) register(program);
  return program;
}

/** Runs the CLI and returns the exit code instead of exiting, so tests and the bin share it. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  const restoreOutput = protectOutput(argv);
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here with code 0; usage errors were already printed.
      if (err.exitCode === 0) return EXIT.ok;
      return BAD_INPUT_EXITS_2.has(argv[2] ?? '') ? EXIT.badInput : EXIT.failure;
    }
    const json = argv.includes('--json');
    const message = errorMessage(err);
    if (json) process.stderr.write(JSON.stringify({ error: message }) + '\n');
    else process.stderr.write(`Error: ${message}\n`);
    return err instanceof UserError ? err.exitCode : EXIT.failure;
  } finally {
    restoreOutput();
  }
}
