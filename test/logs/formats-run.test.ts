import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { formatBacktest, formatEvaluate, statsWarnings } from '../../src/cli/evaluate-format.js';
import { lineFormatFlags } from '../../src/cli/commands/evaluate.js';
import { runBacktest } from '../../src/evaluate/backtest.js';
import { runEvaluation } from '../../src/evaluate/run.js';
import { createCountProvider } from '../../src/logs/provider.js';
import { loadRules } from '../../src/rules/load.js';
import { formatNote } from '../../src/logs/formats-report.js';

/** Plain-text logs through the evaluator: detection, zones, loud unreadable sources, honest reports. */

const T0 = Date.UTC(2026, 10, 22, 12, 0, 0);
const RULE = {
  id: '3f9a1c52-7b4e-4d21-9a6f-2c8e5b7d1a04',
  name: 'errors',
  level: 'error',
  threshold: 1,
  window_minutes: 15,
  channels: ['webhook'],
  notify_webhook: 'https://example.com/hook',
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'formats-run-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function rulesWith(source: Record<string, unknown>): Promise<string> {
  const path = join(dir, 'alerts.yml');
  await writeFile(path, stringify({ project: 'p', sources: [{ name: 'app', path: 'app.log', ...source }], rules: [RULE] }));
  return path;
}

const TEXT =
  [
    '2026-11-22 11:58:01 ERROR something broke',
    '2026-11-22 11:58:02 INFO fine',
    '2026-11-22 11:50:00 ERROR earlier',
    '2026-11-22 06:55:00 ERROR five hours ago',
  ].join('\n') + '\n';

describe('plain-text logs in a run', () => {
  it('detects python-logging, counts in UTC whatever TZ the machine has, and warns which zone it assumed', async () => {
    await writeFile(join(dir, 'app.log'), TEXT);
    const rulesPath = await rulesWith({});
    const before = process.env.TZ;
    const counts: number[] = [];
    try {
      for (const tz of ['UTC', 'America/New_York', 'Asia/Tokyo']) {
        process.env.TZ = tz;
        const report = await runEvaluation({ rulesPath, statePath: join(dir, 'state.json'), now: new Date(T0), dryRun: true, env: {} });
        counts.push(report.rules[0]!.counts[0]!);
        expect(report.stats[0]).toMatchObject({
          format: 'python-logging',
          formatDetected: true,
          zonelessTimes: 4,
          timezone: 'UTC',
          timezoneAssumed: true,
        });
        expect(statsWarnings(report.stats)).toContain('4 timestamps without a zone read as UTC');
        expect(formatEvaluate(report, 's.json')).toContain('format python-logging (detected)');
      }
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
    expect(counts).toEqual([2, 2, 2]);
  });

  it('reads a named zone: the same wall-clock lines five hours later in New York', async () => {
    await writeFile(join(dir, 'app.log'), TEXT);
    const report = await runEvaluation({
      rulesPath: await rulesWith({ timezone: 'America/New_York' }),
      statePath: join(dir, 's.json'),
      now: new Date(T0),
      dryRun: true,
      env: {},
    });
    expect(report.rules[0]!.counts).toEqual([1]); // 06:55 New York = 11:55 UTC
    expect(report.stats[0]!.timezoneAssumed).toBeUndefined();
    expect(statsWarnings(report.stats)).toBe('');
  });

  it('a mostly unreadable source: a warning with a sample line and the formats tried; on_unreadable: error stops the run (exit 2), state untouched', async () => {
    await writeFile(join(dir, 'app.log'), 'garbage one\ngarbage two\n2026-11-22 11:58:01 ERROR fine\n');
    const statePath = join(dir, 'state.json');
    const report = await runEvaluation({ rulesPath: await rulesWith({}), statePath, now: new Date(T0), dryRun: true, env: {} });
    expect(report.stats[0]!.mostlyUnreadable).toBe(true);
    const warning = statsWarnings(report.stats);
    expect(warning).toContain('2 of 3 lines could not be read (formats tried: docker, json, logfmt, syslog-5424');
    expect(warning).toContain('e.g. "garbage one"');
    // The report line does not call a format that left most lines unreadable simply "detected".
    expect(formatNote(report.stats[0]!)).toBe('format python-logging (detected; most lines unreadable)');
    await expect(
      runEvaluation({ rulesPath: await rulesWith({ on_unreadable: 'error' }), statePath, now: new Date(T0), dryRun: false, env: {} }),
    ).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/log source "app" \(.*app\.log\): 2 of 3 lines could not be read.*e\.g\. "garbage one"/),
    });
    await expect(readFile(statePath)).rejects.toThrow(/ENOENT/);
    // --on-unreadable error for every source
    await expect(
      runEvaluation({
        rulesPath: await rulesWith({}),
        logs: [join(dir, 'app.log')],
        statePath,
        now: new Date(T0),
        dryRun: true,
        env: {},
        lineFormat: { onUnreadable: 'error' },
      }),
    ).rejects.toMatchObject({ exitCode: 2 });
  });

  it('a format that reads most lines is not warned about', async () => {
    await writeFile(join(dir, 'app.log'), TEXT + 'one stray line\n');
    const report = await runEvaluation({
      rulesPath: await rulesWith({ timezone: 'UTC' }),
      statePath: join(dir, 's.json'),
      now: new Date(T0),
      dryRun: true,
      env: {},
    });
    expect(report.stats[0]).toMatchObject({ unreadable: 1, linesRead: 5 });
    expect(report.stats[0]!.mostlyUnreadable).toBeUndefined();
    expect(statsWarnings(report.stats)).toBe('');
  });

  it('--format and --timezone apply to --logs sources (regex: too) and are checked', async () => {
    await writeFile(join(dir, 'app.log'), '22/11/2026 11:58:01 | E | boom\n');
    const logs = [join(dir, 'app.log')];
    const regex = String.raw`^(?<d>\d\d)/(?<m>\d\d)/(?<y>\d{4}) (?<clock>\S+) \| (?<level>\w+) \| (?<message>.*)$`;
    await expect(
      runEvaluation({
        rulesPath: await rulesWith({}),
        logs,
        statePath: join(dir, 's.json'),
        now: new Date(T0),
        dryRun: true,
        env: {},
        lineFormat: lineFormatFlags({ logs, format: `regex:${regex}` }),
      }),
    ).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining('--format: needs the named group (?<time>…)') });
    const flags = lineFormatFlags({
      logs,
      format: String.raw`regex:^(?<time>\S+ \S+) \| (?<level>\w+) \| (?<message>.*)$`,
      timezone: '+01:00',
      onUnreadable: 'error',
    });
    await writeFile(join(dir, 'app.log'), '2026-11-22 12:58:01 | error | boom\n');
    const report = await runEvaluation({
      rulesPath: await rulesWith({}),
      logs,
      statePath: join(dir, 's.json'),
      now: new Date(T0),
      dryRun: true,
      env: {},
      lineFormat: flags,
    });
    expect(report.rules[0]!.counts).toEqual([1]);
    expect(report.stats[0]).toMatchObject({ format: 'regex', zonelessTimes: 1, timezone: '+01:00' });
    expect(() => lineFormatFlags({ format: 'json' })).toThrow(/--format applies to --logs sources/);
    expect(() => lineFormatFlags({ logs, onUnreadable: 'maybe' })).toThrow(/warn or error/);
    await expect(
      runEvaluation({
        rulesPath: await rulesWith({}),
        logs,
        statePath: join(dir, 's.json'),
        now: new Date(T0),
        dryRun: true,
        env: {},
        lineFormat: { timezone: 'Mars/Olympus' },
      }),
    ).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining('--timezone: "Mars/Olympus" is not a known time zone') });
  });

  it('the rule file rejects an unknown format, a regex without time/level groups, and an unknown zone, naming the field', async () => {
    for (const [source, problem] of [
      [{ format: 'cobol' }, /sources\[0\] "app" → format: unknown format "cobol"/],
      [{ format: { regex: '^(?<time>\\S+) (?<message>.*)$' } }, /needs the named group \(\?<level>…\)/],
      [{ format: { regex: '(' } }, /not a valid regular expression/],
      [{ timezone: 'Europe/Atlantis' }, /"app" → timezone: "Europe\/Atlantis" is not a known time zone/],
      [{ on_unreadable: 'ignore' }, /"app" → on_unreadable: must be warn or error/],
    ] as const) {
      await expect(loadRules(await rulesWith(source))).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(problem) });
    }
    await expect(
      loadRules(await rulesWith({ format: 'Syslog', timezone: 'Europe/Berlin', on_unreadable: 'error' })),
    ).resolves.toBeDefined();
  });
});

describe('honest reports', () => {
  it('a run with no new tick says so and shows no counts', async () => {
    await writeFile(join(dir, 'app.log'), TEXT);
    const rulesPath = await rulesWith({});
    const statePath = join(dir, 'state.json');
    await runEvaluation({
      rulesPath,
      statePath,
      now: new Date(T0),
      dryRun: false,
      env: {},
      deliverer: { deliver: async (_d, _f, state) => ({ outcomes: [], state }) },
    });
    const again = await runEvaluation({ rulesPath, statePath, now: new Date(T0 + 60_000), dryRun: true, env: {} });
    expect(again.ticks).toEqual([]);
    const text = formatEvaluate(again, statePath);
    expect(text).toBe('p: no new tick since the last run; nothing was counted or decided\ndry run: nothing delivered, state not saved\n');
    expect(text).not.toMatch(/ok |: 0|source /);
  });

  it('backtest over a range with no entries says the logs hold nothing there, and where their entries are', async () => {
    await writeFile(join(dir, 'app.log'), TEXT);
    const report = await runBacktest({
      rulesPath: await rulesWith({}),
      from: new Date(T0 + 86_400_000),
      to: new Date(T0 + 2 * 86_400_000),
      env: {},
    });
    const text = formatBacktest(report);
    expect(text).toContain(
      "the logs hold no entries at the rules' levels (error) in this range; their entries span 2026-11-22T06:55:00Z … 2026-11-22T11:58:02Z",
    );
    const busy = formatBacktest(
      await runBacktest({ rulesPath: await rulesWith({}), from: new Date(T0 - 3_600_000), to: new Date(T0), env: {} }),
    );
    expect(busy).not.toContain('hold no entries');
  });

  it('lines the prefilter skips are described for what they are', async () => {
    const lines = Array.from({ length: 3 }, (_, i) => JSON.stringify({ level: 'info', time: T0 - i * 1000, msg: 'x' })).join('\n') + '\n';
    await writeFile(join(dir, 'app.log'), lines);
    const provider = createCountProvider([{ name: 'app', path: join(dir, 'app.log') }], {
      baseDir: dir,
      env: {},
      scan: { checkEveryLineBelowBytes: 0 },
    });
    const { stats } = await provider.count({ levels: ['error'], windows: [{ fromMs: T0 - 60_000, toMs: T0 }] });
    expect(stats[0]).toMatchObject({ linesRead: 3, unchecked: 3, format: 'json', formatDetected: true });
    const report = {
      project: 'p',
      ticks: ['x'],
      skippedTicks: 0,
      rules: [],
      decisions: [],
      outcomes: [],
      stats,
      dryRun: true,
      stateSaved: false,
    };
    expect(formatEvaluate(report as never, 's')).toContain('3 skipped unparsed (cannot be an entry at a watched level in the windows)');
  });
});

describe('time seek on a text format', () => {
  it('an ordered python-logging file is sought by its timestamps: reads only the tail, counts what a full scan counts', async () => {
    const { scanFile } = await import('../../src/logs/scan/scan-source.js');
    const levels = ['ERROR', 'INFO', 'WARNING', 'DEBUG'];
    const lines: string[] = [];
    for (let i = 0; i < 40_000; i++) {
      const t = new Date(T0 - 40_000 * 1000 + i * 1000).toISOString().replace('T', ' ').replace('Z', '').replace('.', ',');
      lines.push(`${t} - app - ${levels[i % 4]} - request ${i} done`);
    }
    const path = join(dir, 'app.log');
    await writeFile(path, lines.join('\n') + '\n');
    const spec = { levels: ['error' as const], fromMs: T0 - 15 * 60_000, toMs: T0 };
    const sought = await scanFile(path, spec, { seekMinBytes: 0, checkEveryLineBelowBytes: 0, seekPrecisionBytes: 1 });
    const full = await scanFile(path, spec, { seekMinBytes: Number.MAX_SAFE_INTEGER, checkEveryLineBelowBytes: 0 });
    expect(sought.skippedBytes).toBeGreaterThan(1_000_000);
    expect(sought.result.format?.label).toBe('python-logging');
    expect(sought.result.times.get('error')).toEqual(full.result.times.get('error'));
    expect(full.result.times.get('error')!.length).toBe(224); // every 4th second of the last 15 minutes (the last entry is 1 s before T0)
  });
});
