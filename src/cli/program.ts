import { Command, CommanderError } from 'commander';
import { EXIT, UserError, errorMessage } from '../util/errors.js';
import { VERSION } from '../version.js';
import { protectOutput } from './redaction.js';

/**
 * Each subcommand lives in its own module under ./commands and registers itself. A command line that
 * names one loads that module alone (its flags, help and action); help, no command or an unknown
 * one load them all, in this order. Heavy dependencies (SMTP, database clients) are imported inside
 * the command's action, so `apialerts send` in a cron line and `apialerts evaluate` start fast.
 */
type Register = (program: Command) => void;
const commands: Record<string, () => Promise<Register>> = {
  send: async () => (await import('./commands/send.js')).registerSend,
  test: async () => (await import('./commands/test.js')).registerTest,
  config: async () => (await import('./commands/config.js')).registerConfig,
  init: async () => (await import('./commands/init.js')).registerInit,
  evaluate: async () => (await import('./commands/evaluate.js')).registerEvaluate,
  backtest: async () => (await import('./commands/backtest.js')).registerBacktest,
  verify: async () => (await import('./commands/verify.js')).registerVerify,
  receive: async () => (await import('./commands/receive.js')).registerReceive,
  alerts: async () => (await import('./commands/alerts.js')).registerAlerts,
};

/** Commands whose bad input (usage errors included) exits 2, so schedulers can tell it from failed deliveries (3). */
const BAD_INPUT_EXITS_2 = new Set(['evaluate', 'backtest', 'alerts', 'verify', 'receive']);

/** The program with the command `argv` names, or with every command (no argv, help, an unknown name). */
export async function buildProgram(argv: string[] = []): Promise<Command> {
  const program = new Command('apialerts')
    .description('Send API Alerts events, evaluate threshold rules over logs, and verify signed webhooks.')
    .version(VERSION, '-v, --version')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  const named = argv[2];
  const wanted = named !== undefined && Object.hasOwn(commands, named) ? [named] : Object.keys(commands);
  for (const register of await Promise.all(wanted.map((name) => commands[name]!()))) register(program);
  return program;
}

/** Runs the CLI and returns the exit code instead of exiting, so tests and the bin share it. */
export async function main(argv: string[]): Promise<number> {
  const restoreOutput = protectOutput(argv);
  try {
    const program = await buildProgram(argv);
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
