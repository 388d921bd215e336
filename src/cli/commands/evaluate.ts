import type { Command } from 'commander';
import { parseCalendarTime } from '../../util/calendar-time.js';
import { EXIT, UserError } from '../../util/errors.js';
import { createProgress } from '../progress.js';
import type { LineFormatOptions } from '../../evaluate/types.js';
import { evaluateJson, formatEvaluate, statsWarnings } from '../evaluate-format.js';

interface EvaluateFlags {
  rules: string;
  logs?: string[];
  state: string;
  now?: string;
  dryRun?: boolean;
  allowPrivateTargets?: boolean;
  json?: boolean;
  format?: string;
  timezone?: string;
  onUnreadable?: string;
  secretsFile?: string;
  heartbeatEvent?: boolean;
}

export const collect = (value: string, previous: string[] = []) => [...previous, value];

/** A time given on the command line (see util/calendar-time.ts), or `now`; exit 2 naming the flag. */
export function parseTime(value: string, flag: string): Date {
  return parseCalendarTime(value, flag, { allowNow: true });
}

/** `--rules` and `--logs`, shared by evaluate and backtest. */
export function withRulesAndLogs(cmd: Command): Command {
  return cmd
    .option('--rules <file>', 'rule file (YAML or JSON)', 'alerts.yml')
    .option('--logs <source>', "log file, glob, https URL or - for stdin; repeat or comma-separate; replaces the file's sources", collect)
    .option(
      '--format <name>',
      'line format of the --logs sources: auto (default), json, logfmt, docker, syslog, python-logging, … or regex:<pattern> (docs/formats.md)',
    )
    .option('--timezone <zone>', 'zone for timestamps without one in the --logs sources: IANA name or offset (default UTC)')
    .option('--on-unreadable <warn|error>', 'when most lines of a source cannot be read: warn (default) or error (exit 2)');
}

/** --format, --timezone and --on-unreadable as the evaluator takes them. */
export function lineFormatFlags(flags: { logs?: string[]; format?: string; timezone?: string; onUnreadable?: string }): LineFormatOptions {
  const fromArgs = flags.logs !== undefined && flags.logs.length > 0;
  for (const [flag, value] of [
    ['--format', flags.format],
    ['--timezone', flags.timezone],
  ] as const) {
    if (value !== undefined && !fromArgs)
      throw new UserError(`${flag} applies to --logs sources; for the rule file's sources set it on the source (format:, timezone:)`, {
        exitCode: EXIT.badInput,
      });
  }
  if (flags.onUnreadable !== undefined && flags.onUnreadable !== 'warn' && flags.onUnreadable !== 'error') {
    throw new UserError(`--on-unreadable must be warn or error (got "${flags.onUnreadable}")`, { exitCode: EXIT.badInput });
  }
  const out: LineFormatOptions = {};
  if (flags.format !== undefined)
    out.format = flags.format.startsWith('regex:') ? { regex: flags.format.slice('regex:'.length) } : flags.format;
  if (flags.timezone !== undefined) out.timezone = flags.timezone;
  if (flags.onUnreadable !== undefined) out.onUnreadable = flags.onUnreadable;
  return out;
}

export function registerEvaluate(program: Command): void {
  withRulesAndLogs(
    program
      .command('evaluate')
      .description('Evaluate threshold rules over logs at every tick since the last run, deliver what fired, save state'),
  )
    .option('--state <file>', 'state file carried between runs', 'apialerts-state.json')
    .option('--now <iso>', 'evaluation time, ISO 8601 with a zone; a date alone is UTC midnight (default: the current time)')
    .option('--dry-run', 'decide and print, deliver nothing, save no state')
    .option('--allow-private-targets', 'allow webhook deliveries to loopback/private addresses (self-hosted receivers)')
    .option('--json', 'print the report as JSON on stdout')
    .option('--secrets-file <file>', 'NAME=value lines; the variables the rule file names are taken from it (the environment wins)')
    .option('--heartbeat-event', 'after a run that delivered everything, send an API Alerts event alerts.heartbeat (dead-man check)')
    .addHelpText(
      'after',
      '\nHeartbeat URL: set APIALERTS_HEARTBEAT_URL (a secret: never on the command line) and every run that\ndelivered everything POSTs a short summary to it.\n' +
        '\nExit codes: 0 ran (everything due was delivered), 2 bad input (rules, state, sources, flags),\n3 ran but some deliveries failed, 1 unexpected error.',
    )
    .action(async (flags: EvaluateFlags) => {
      const { runEvaluation } = await import('../../evaluate/run.js');
      const now = flags.now === undefined ? undefined : parseTime(flags.now, '--now');
      const lineFormat = lineFormatFlags(flags);
      const progress = flags.json ? createProgress({ isTTY: false } as NodeJS.WriteStream) : createProgress();
      const deliverer = flags.dryRun
        ? undefined
        : (await import('../../deliver/deliverer.js')).createDeliverer({
            allowPrivateTargets: Boolean(flags.allowPrivateTargets),
            log: (line) => process.stderr.write(`${line}\n`),
          });
      let secrets;
      if (flags.secretsFile) {
        const { readFile } = await import('node:fs/promises');
        const { parseSecretsBundle } = await import('../../evaluate/secrets.js');
        let text: string;
        try {
          text = await readFile(flags.secretsFile, 'utf8');
        } catch (err) {
          throw new UserError(
            `--secrets-file ${flags.secretsFile}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`,
            { exitCode: EXIT.badInput },
          );
        }
        secrets = { bundle: parseSecretsBundle(text, `--secrets-file ${flags.secretsFile}`) };
      }
      const heartbeatUrl = process.env.APIALERTS_HEARTBEAT_URL?.trim();
      const heartbeat =
        heartbeatUrl || flags.heartbeatEvent
          ? { ...(heartbeatUrl ? { url: heartbeatUrl } : {}), event: Boolean(flags.heartbeatEvent) }
          : undefined;
      let report;
      try {
        report = await runEvaluation({
          rulesPath: flags.rules,
          logs: flags.logs,
          statePath: flags.state,
          now,
          dryRun: Boolean(flags.dryRun),
          allowPrivateTargets: flags.allowPrivateTargets,
          env: process.env,
          ...(secrets ? { secrets } : {}),
          ...(heartbeat ? { heartbeat } : {}),
          deliverer,
          onProgress: (p) => progress.update(p),
          lineFormat,
        });
      } finally {
        progress.done();
      }
      process.stderr.write(statsWarnings(report.stats));
      for (const [what, r] of Object.entries(report.heartbeat ?? {}))
        if (r !== 'sent') process.stderr.write(`warning: heartbeat ${what} ${r}\n`);
      process.stdout.write(flags.json ? JSON.stringify(evaluateJson(report)) + '\n' : formatEvaluate(report, flags.state));
      if (report.outcomes.some((o) => o.status === 'failed')) process.exitCode = EXIT.deliveryFailed;
    });
}
