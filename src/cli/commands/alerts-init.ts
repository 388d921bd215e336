import { open } from 'node:fs/promises';
import { basename, dirname, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { parseLine } from '../../logs/formats.js';
import { UserError, errorMessage } from '../../util/errors.js';
import { edits } from './alerts-shared.js';

interface InitFlags {
  rules: string;
  sample?: string;
  project?: string;
  force?: boolean;
}

/** What a sample log file holds, as far as the readers can tell. */
export interface SampleReport {
  /** Path as written in the rule file (relative to it). */
  path: string;
  lines: number;
  readable: number;
  /** The format detected, when one reads most lines. */
  format?: string;
}

const SAMPLE_BYTES = 64 * 1024;

async function readSample(sample: string, rulesPath: string): Promise<SampleReport> {
  let head: string;
  try {
    const handle = await open(sample, 'r');
    try {
      const { bytesRead, buffer } = await handle.read(Buffer.alloc(SAMPLE_BYTES), 0, SAMPLE_BYTES, 0);
      head = buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
  } catch (err) {
    throw new UserError(`cannot read sample ${sample}: ${errorMessage(err)}`, { exitCode: 2 });
  }
  const lines = head
    .split(/\r?\n/)
    .slice(0, 200)
    .filter((l) => l.trim() !== '');
  if (head.length === SAMPLE_BYTES && lines.length > 1) lines.pop(); // a cut-off last line
  const kinds = lines.map((l) => (parseLine(l) ? (l.trim().startsWith('{') ? 'json' : 'logfmt') : undefined));
  const readable = kinds.filter(Boolean).length;
  const counts = new Map<string, number>();
  for (const k of kinds) if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  const path = relative(dirname(resolve(rulesPath)), resolve(sample)) || basename(sample);
  return { path, lines: lines.length, readable, ...(best && best[1] * 2 > lines.length ? { format: best[0] } : {}) };
}

const projectName = (rulesPath: string) =>
  basename(dirname(resolve(rulesPath)))
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'my-project';

/** A commented, block-style starter rule file (valid as it stands: no rules yet). */
export function starterFor(rulesPath: string, opts: { project?: string; sample?: SampleReport } = {}): string {
  const s = opts.sample;
  const sourceNote = s
    ? s.format
      ? `# ${s.path}: ${s.format} lines (${s.readable} of ${s.lines} sample lines read)`
      : `# ${s.path}: ${s.readable} of ${s.lines} sample lines readable — check the format (docs/formats.md)`
    : '# your log files: a path or glob relative to this file (.gz read transparently)';
  return [
    '# Threshold alert rules for `apialerts evaluate` and the scheduled alerts workflow.',
    '# Reference: docs/rules.md. Secrets never live here, only the names of the env vars that hold them.',
    `project: ${JSON.stringify(opts.project ?? projectName(rulesPath))}`,
    '',
    'evaluation:',
    '  interval_minutes: 5 # the tick grid: match your cron schedule',
    '',
    'sources:',
    `  ${sourceNote}`,
    '  - name: app',
    `    path: ${JSON.stringify(s?.path ?? 'logs/*.log')}`,
    '',
    '# Each rule fires when at least `threshold` entries of `level` fall within `window_minutes`.',
    '# Add one with `apialerts alerts add` (it assigns the id and prints a webhook secret once), e.g.',
    '#   apialerts alerts add --name "Error spike" --level error --threshold 10 --window 5 \\',
    '#     --channels webhook --webhook https://hooks.example.com/alerts',
    '# then try it: apialerts evaluate --dry-run',
    'rules: []',
    '',
  ].join('\n');
}

/** `alerts init`: writes the starter rule file (never over an existing one unless --force). */
export function registerAlertsInit(alerts: Command): void {
  alerts
    .command('init')
    .description('Write a commented starter rule file for your logs (see also `apialerts init` for the API key)')
    .option('--rules <file>', 'rule file to create', 'alerts.yml')
    .option('--sample <log>', 'a log file to read from: becomes the source, its format is detected')
    .option('--project <name>', 'project name (default: the directory name)')
    .option('--force', 'replace an existing rule file')
    .action(async (flags: InitFlags) => {
      const sample = flags.sample ? await readSample(flags.sample, flags.rules) : undefined;
      const text = starterFor(flags.rules, { ...(flags.project ? { project: flags.project } : {}), ...(sample ? { sample } : {}) });
      // Through the same path as every edit: validated, locked, atomic; a link's target and mode kept.
      await (await edits()).writeRulesFile(flags.rules, text, { replace: Boolean(flags.force) });
      process.stdout.write(
        `wrote ${flags.rules}${sample ? ` (source ${sample.path}${sample.format ? `, ${sample.format}` : ''})` : ''}; next: apialerts alerts add --help\n`,
      );
    });
}
