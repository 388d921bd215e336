import type { Command } from 'commander';
import { EXIT, UserError } from '../../util/errors.js';
import { createProgress } from '../progress.js';
import { formatBacktest, statsWarnings } from '../evaluate-format.js';
import { collect, lineFormatFlags, parseTime, withRulesAndLogs } from './evaluate.js';

interface BacktestFlags {
  rules: string;
  logs?: string[];
  from?: string;
  to: string;
  last?: string;
  rule?: string[];
  json?: boolean;
  format?: string;
  timezone?: string;
  onUnreadable?: string;
}

/** `90m`, `24h`, `7d` → milliseconds. */
function parseDuration(value: string, flag: string): number {
  const m = /^(\d+)\s*(m|min|h|d)$/.exec(value.trim());
  if (!m) throw new UserError(`${flag} must be a duration like 90m, 24h or 7d (got "${value}")`, { exitCode: EXIT.badInput });
  const unit = { m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 'm' | 'min' | 'h' | 'd'];
  return Number(m[1]) * unit;
}

export function registerBacktest(program: Command): void {
  withRulesAndLogs(
    program
      .command('backtest')
      .description('Replay the rules over historical logs on the evaluation tick grid and show when each would have fired'),
  )
    .option('--from <iso>', 'start of the replay (exclusive); ISO 8601 with a zone, a date alone is UTC midnight')
    .option('--to <iso>', 'end of the replay (inclusive)', 'now')
    .option('--last <duration>', 'instead of --from: this long before --to, e.g. 24h or 7d')
    .option('--rule <id-or-name>', 'only this rule (repeatable)', collect)
    .option('--json', 'print the report as JSON on stdout')
    .action(async (flags: BacktestFlags) => {
      const { runBacktest } = await import('../../evaluate/backtest.js');
      if (flags.from && flags.last) throw new UserError('give either --from or --last, not both', { exitCode: EXIT.badInput });
      if (!flags.from && !flags.last)
        throw new UserError('give the start of the replay with --from <iso> or --last <duration>', { exitCode: EXIT.badInput });
      const to = parseTime(flags.to, '--to');
      const from = flags.from ? parseTime(flags.from, '--from') : new Date(to.getTime() - parseDuration(flags.last!, '--last'));
      const lineFormat = lineFormatFlags(flags);
      const progress = flags.json ? createProgress({ isTTY: false } as NodeJS.WriteStream) : createProgress();
      let report;
      try {
        report = await runBacktest({
          rulesPath: flags.rules,
          logs: flags.logs,
          from,
          to,
          only: flags.rule,
          env: process.env,
          onProgress: (p) => progress.update(p),
          lineFormat,
        });
      } finally {
        progress.done();
      }
      process.stderr.write(statsWarnings(report.stats));
      process.stdout.write(flags.json ? JSON.stringify(report) + '\n' : formatBacktest(report));
    });
}
