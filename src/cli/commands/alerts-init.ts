import { open } from 'node:fs/promises';
import { basename, dirname, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { createLineFormat, resolveFormat } from '../../logs/formats-source.js';
import { EXIT, UserError, errorMessage } from '../../util/errors.js';
import { edits } from './alerts-shared.js';

interface InitFlags {
  rules: string;
  sample?: string;
  project?: string;
  force?: boolean;
}

/** What a sample log file holds, as the formats' detection reads it (src/logs/formats-source.ts). */
interface SampleReport {
  /** Path as written in the rule file (relative to it). */
  path: string;
  lines: number;
  readable: number;
  /** The `format` option to write: a built-in name; undefined for JSON/logfmt (the default reader). */
  format?: string;
  /** What detection calls it (`python-logging`, `json`, `docker (json)`). */
  label: string;
  /** Timestamps read without a zone (then read as UTC: the `timezone` option says otherwise). */
  zoneless: boolean;
}

const SAMPLE_BYTES = 64 * 1024;
const SAMPLE_LINES = 200;

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
    throw new UserError(`cannot read sample ${sample}: ${errorMessage(err)}`, { exitCode: EXIT.badInput });
  }
  const lines = head
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, SAMPLE_LINES);
  if (head.length === SAMPLE_BYTES && lines.length > 1) lines.pop(); // a cut-off last line
  const { spec, sample: stats } = resolveFormat({}, lines);
  const format = createLineFormat(spec);
  for (const l of lines) format.parse(l.trim());
  const path = relative(dirname(resolve(rulesPath)), resolve(sample)) || basename(sample);
  const named = spec.name && spec.name !== 'default' && stats.unreadable < stats.lines ? { format: spec.name } : {};
  return {
    path,
    lines: stats.lines,
    readable: stats.lines - stats.unreadable,
    label: spec.label ?? 'json',
    zoneless: format.time.zoneless > 0,
    ...named,
  };
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
    ? s.readable * 2 > s.lines
      ? `# ${s.path}: ${s.label} lines (${s.readable} of ${s.lines} sample lines read)`
      : `# ${s.path}: only ${s.readable} of ${s.lines} sample lines readable — name the format (docs/formats.md)`
    : '# your log files: a path or glob relative to this file (.gz read transparently)';
  const sourceOptions = [
    ...(s?.format ? [`    format: ${s.format} # detected from the sample; remove to detect on every run`] : []),
    ...(s?.zoneless ? ["    timezone: UTC # the sample's timestamps carry no zone: the zone they were written in"] : []),
  ];
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
    ...sourceOptions,
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
