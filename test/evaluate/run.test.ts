import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runEvaluation } from '../../src/evaluate/run.js';
import { runBacktest } from '../../src/evaluate/backtest.js';
import type { Deliverer } from '../../src/deliver/types.js';
import type { Decision } from '../../src/evaluate/types.js';
import { LEVELS, type Level } from '../../src/model/levels.js';
import { oracleFires, type Entry } from '../helpers/oracle.js';
import { renderLine } from '../helpers/log-lines.js';
import { startServer, type TestServer } from '../helpers/http-server.js';

const MIN = 60_000;
const T0 = Date.UTC(2026, 3, 26, 12, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'run-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});
const servers: TestServer[] = [];
afterAll(async () => Promise.all(servers.map((s) => s.close())));

interface RuleSpec {
  level: Level;
  threshold: number;
  window_minutes: number;
  enabled?: boolean;
  name?: string;
}

async function writeRules(rules: RuleSpec[], extra: Record<string, unknown> = {}, logPath = 'app.log'): Promise<string> {
  const file = {
    project: 'shop',
    sources: [{ name: 'app', path: logPath }],
    rules: rules.map((r, i) => ({
      id: id(i + 1),
      name: r.name ?? `rule ${i + 1}`,
      level: r.level,
      threshold: r.threshold,
      window_minutes: r.window_minutes,
      enabled: r.enabled ?? true,
      channels: ['webhook'],
      notify_webhook: 'https://hooks.example.com/x',
    })),
    ...extra,
  };
  const path = join(dir, 'alerts.yml');
  await writeFile(path, stringify(file));
  return path;
}

/** Records what it was handed; the delivery engine itself is tested in test/deliver. */
function recordingDeliverer(): Deliverer & { seen: Decision[][] } {
  const seen: Decision[][] = [];
  return {
    seen,
    async deliver(decisions, _file, state) {
      seen.push(decisions);
      return {
        state,
        outcomes: decisions.map((d) => ({
          rule_id: d.rule.id,
          rule_name: d.rule.name,
          channel: 'webhook' as const,
          triggered_at: d.triggered_at,
          status: 'delivered' as const,
          attempts: 1,
        })),
      };
    },
  };
}

/** The grid ticks a run at `now` evaluates after `watermark`, computed independently of planTicks. */
function expectedTicks(watermark: number | null, now: number): number[] {
  const step = 5 * MIN;
  const ticks: number[] = [];
  for (let t = Math.floor(now / step) * step; watermark === null ? ticks.length === 0 : t > watermark; t -= step) ticks.unshift(t);
  return ticks;
}

describe('runEvaluation', () => {
  it('over several scheduled runs with state carried between them, fires exactly when the oracle does, for logs in every format', async () => {
    const entry = fc.record({
      ts: fc.tuple(fc.integer({ min: -60, max: 60 }), fc.constantFrom(-1, 0, 0, 1, 31_000)).map(([m, d]) => T0 + m * MIN + d),
      level: fc.constantFrom(...LEVELS),
      style: fc.nat(),
    });
    const rule = fc.record({
      level: fc.constantFrom<Level>('error', 'warn', 'fatal'),
      threshold: fc.integer({ min: 1, max: 6 }),
      window_minutes: fc.integer({ min: 1, max: 25 }),
      enabled: fc.constantFrom(true, true, true, false),
    });
    // Gaps between scheduled runs: on time, a little late, or a dropped run or two (catch-up).
    const gaps = fc.array(fc.constantFrom(0, 1, 5, 5, 5, 7, 10, 15, 23), { minLength: 1, maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(
        fc.array(entry, { minLength: 5, maxLength: 120, size: 'large' }),
        fc.array(rule, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: -40, max: 0 }),
        gaps,
        async (entries, rules, startMin, gapList) => {
          await writeFile(join(dir, 'app.log'), entries.map((e) => renderLine(e, e.style)).join('\n') + '\n');
          const rulesPath = await writeRules(rules);
          const statePath = join(dir, `state-${Math.random()}.json`);
          const deliverer = recordingDeliverer();
          let now = T0 + startMin * MIN + 17_000;
          let watermark: number | null = null;
          const allTicks: number[] = [];
          for (const gap of gapList) {
            now += gap * MIN;
            const ticks = expectedTicks(watermark, now);
            allTicks.push(...ticks);
            const report = await runEvaluation({ rulesPath, statePath, now: new Date(now), dryRun: false, env: {}, deliverer });
            expect(report.ticks).toEqual(ticks.map(iso));
            if (ticks.length > 0) watermark = ticks.at(-1)!;
          }
          const got = deliverer.seen
            .flat()
            .map((d) => `${d.rule.id} ${d.triggered_at} ${d.match_count}`)
            .sort();
          const want = rules
            .flatMap((r, i) =>
              oracleFires(entries, { ...r, enabled: r.enabled ?? true }, allTicks, null).map(
                (f) => `${id(i + 1)} ${iso(f.tickMs)} ${f.match_count}`,
              ),
            )
            .sort();
          expect(got).toEqual(want);
          const state = JSON.parse(await readFile(statePath, 'utf8'));
          expect(state.last_evaluated_at).toBe(watermark === null ? null : iso(watermark));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a dry run decides and reports but delivers nothing and writes no state', async () => {
    await writeFile(join(dir, 'app.log'), [1, 2, 3].map((s) => renderLine({ ts: T0 - s * 1000, level: 'error' }, s)).join('\n'));
    const rulesPath = await writeRules([{ level: 'error', threshold: 3, window_minutes: 5 }]);
    const statePath = join(dir, 'state.json');
    const report = await runEvaluation({ rulesPath, statePath, now: new Date(T0 + 1000), dryRun: true, env: {} });
    expect(report.decisions.map((d) => [d.triggered_at, d.match_count])).toEqual([['2026-04-26T12:00:00Z', 3]]);
    expect(report.rules[0]!.counts).toEqual([3]);
    expect(report.stateSaved).toBe(false);
    await expect(readFile(statePath)).rejects.toThrow(/ENOENT/);
  });

  it('is at-least-once: a run that dies while delivering leaves the state untouched, and the next run delivers the same alert', async () => {
    await writeFile(join(dir, 'app.log'), renderLine({ ts: T0 - 1000, level: 'fatal' }, 0) + '\n');
    const rulesPath = await writeRules([{ level: 'fatal', threshold: 1, window_minutes: 10 }]);
    const statePath = join(dir, 'state.json');
    const before = JSON.stringify({ version: 1, last_evaluated_at: iso(T0 - 5 * MIN), rules: {}, webhooks: {} });
    await writeFile(statePath, before);
    const crashing: Deliverer = {
      async deliver() {
        throw new Error('killed mid-delivery');
      },
    };
    await expect(runEvaluation({ rulesPath, statePath, now: new Date(T0), dryRun: false, env: {}, deliverer: crashing })).rejects.toThrow(
      /killed/,
    );
    expect(await readFile(statePath, 'utf8')).toBe(before);
    const deliverer = recordingDeliverer();
    const report = await runEvaluation({ rulesPath, statePath, now: new Date(T0 + 2 * MIN), dryRun: false, env: {}, deliverer });
    expect(deliverer.seen.flat().map((d) => d.triggered_at)).toEqual(['2026-04-26T12:00:00Z']);
    expect(report.stateSaved).toBe(true);
    // And once saved, the following run does not fire it again.
    const again = await runEvaluation({ rulesPath, statePath, now: new Date(T0 + 5 * MIN), dryRun: false, env: {}, deliverer });
    expect(again.decisions).toEqual([]);
  });

  it('a source dropped mid-stream is a clear error and the state file is left as it was', async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-length': '1000000' });
      res.write(renderLine({ ts: T0 - 1000, level: 'error' }, 1) + '\n');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    servers.push(server);
    const rulesPath = await writeRules([{ level: 'error', threshold: 1, window_minutes: 5 }], {
      sources: [{ name: 'remote', url: `${server.url}/app.log` }],
    });
    const statePath = join(dir, 'state.json');
    const before = JSON.stringify({ version: 1, last_evaluated_at: iso(T0 - 5 * MIN), rules: {}, webhooks: {} });
    await writeFile(statePath, before);
    await expect(
      runEvaluation({ rulesPath, statePath, now: new Date(T0), dryRun: false, env: {}, deliverer: recordingDeliverer() }),
    ).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/log source "remote" .*could not be read/),
    });
    expect(await readFile(statePath, 'utf8')).toBe(before);
  });

  it('a corrupt state file is bad input and is left untouched', async () => {
    await writeFile(join(dir, 'app.log'), '');
    const rulesPath = await writeRules([{ level: 'error', threshold: 1, window_minutes: 5 }]);
    const statePath = join(dir, 'state.json');
    await writeFile(statePath, '{"version":1,"last_evaluated_at":');
    await expect(
      runEvaluation({ rulesPath, statePath, now: new Date(T0), dryRun: false, env: {}, deliverer: recordingDeliverer() }),
    ).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(/state file .*state\.json is not valid JSON.*left untouched/),
    });
    expect(await readFile(statePath, 'utf8')).toBe('{"version":1,"last_evaluated_at":');
  });

  it('refuses an evaluation time before the stored watermark instead of rewinding it', async () => {
    await writeFile(join(dir, 'app.log'), '');
    const rulesPath = await writeRules([{ level: 'error', threshold: 1, window_minutes: 5 }]);
    const statePath = join(dir, 'state.json');
    await writeFile(statePath, JSON.stringify({ version: 1, last_evaluated_at: iso(T0), rules: {}, webhooks: {} }));
    await expect(runEvaluation({ rulesPath, statePath, now: new Date(T0 - MIN), dryRun: false, env: {} })).rejects.toThrow(
      /after the evaluation time/,
    );
  });

  it('drops the state of a deleted rule and keeps a renamed one (keyed by id)', async () => {
    await writeFile(join(dir, 'app.log'), renderLine({ ts: T0 - 1000, level: 'error' }, 2) + '\n');
    const statePath = join(dir, 'state.json');
    let rulesPath = await writeRules([
      { level: 'error', threshold: 1, window_minutes: 60, name: 'a' },
      { level: 'error', threshold: 1, window_minutes: 60, name: 'b' },
    ]);
    await runEvaluation({ rulesPath, statePath, now: new Date(T0), dryRun: false, env: {}, deliverer: recordingDeliverer() });
    expect(Object.keys(JSON.parse(await readFile(statePath, 'utf8')).rules).sort()).toEqual([id(1), id(2)]);
    rulesPath = await writeRules([{ level: 'error', threshold: 1, window_minutes: 60, name: 'a renamed' }]);
    const deliverer = recordingDeliverer();
    await runEvaluation({ rulesPath, statePath, now: new Date(T0 + 5 * MIN), dryRun: false, env: {}, deliverer });
    const state = JSON.parse(await readFile(statePath, 'utf8'));
    expect(state.rules).toEqual({ [id(1)]: { last_triggered_at: '2026-04-26T12:00:00Z' } });
    expect(deliverer.seen).toEqual([]); // still inside the window of its earlier fire: no re-fire after the rename
  });

  it('reads empty, binary and malformed input and a 100 MB single line: counted as unreadable, never fatal', async () => {
    const good = [renderLine({ ts: T0 - 1000, level: 'error' }, 0), renderLine({ ts: T0 - 2000, level: 'error' }, 4)];
    await writeFile(join(dir, 'empty.log'), '');
    await writeFile(
      join(dir, 'binary.log'),
      Buffer.concat([Buffer.from([0, 1, 2, 0xff, 0xfe, 10, 0x89, 0x50, 0x4e, 0x47, 10]), Buffer.from(good[0]! + '\n')]),
    );
    await writeFile(
      join(dir, 'malformed.log'),
      ['{"level":"error","time":', 'level=error', '{"level":"nope","time":1}', good[1]].join('\n'),
    );
    const huge = await open(join(dir, 'huge.log'), 'w');
    const chunk = Buffer.alloc(8 << 20, 'a');
    await huge.write('{"level":"error","msg":"');
    for (let i = 0; i < 13; i++) await huge.write(chunk); // ~104 MB on one line
    await huge.write(`","time":${T0 - 500}}\n${good[0]}\n`);
    await huge.close();
    const rulesPath = await writeRules([{ level: 'error', threshold: 1, window_minutes: 5 }], {
      sources: ['empty', 'binary', 'malformed', 'huge'].map((n) => ({ name: n, path: `${n}.log` })),
    });
    const report = await runEvaluation({ rulesPath, statePath: join(dir, 's.json'), now: new Date(T0), dryRun: true, env: {} });
    const stats = Object.fromEntries(report.stats.map((s) => [s.source.split('/').pop(), [s.linesRead, s.unreadable]]));
    expect(stats).toEqual({ 'empty.log': [0, 0], 'binary.log': [3, 2], 'malformed.log': [4, 3], 'huge.log': [2, 1] });
    expect(report.rules[0]!.counts).toEqual([3]);
  });
});

describe('runBacktest', () => {
  it('replays every tick of the range with the same rule and dedup as evaluate, from no state', async () => {
    const entries: Entry[] = [];
    for (let m = 0; m < 120; m++) if (m % 40 < 8) entries.push({ ts: T0 + m * MIN + 5000, level: 'error' });
    await writeFile(join(dir, 'app.log'), entries.map((e, i) => renderLine(e, i)).join('\n'));
    const rulesPath = await writeRules([
      { level: 'error', threshold: 3, window_minutes: 10, name: 'bursts', enabled: false },
      { level: 'fatal', threshold: 1, window_minutes: 10, name: 'fatal' },
    ]);
    const report = await runBacktest({ rulesPath, from: new Date(T0), to: new Date(T0 + 2 * 60 * MIN), env: {} });
    const ticks = Array.from({ length: 24 }, (_, i) => T0 + (i + 1) * 5 * MIN);
    expect(report.ticks).toEqual(ticks.map(iso));
    const want = oracleFires(entries, { level: 'error', threshold: 3, window_minutes: 10, enabled: true }, ticks, null);
    expect(want.length).toBeGreaterThan(1);
    expect(report.fires.filter((f) => f.rule_name === 'bursts').map((f) => [f.triggered_at, f.match_count])).toEqual(
      want.map((f) => [iso(f.tickMs), f.match_count]),
    );
    expect(report.rules.map((r) => [r.name, r.enabled, r.max_count])).toEqual([
      ['bursts', false, 8],
      ['fatal', true, 0],
    ]);

    const only = await runBacktest({ rulesPath, from: new Date(T0), to: new Date(T0 + 60 * MIN), only: ['fatal'], env: {} });
    expect(only.rules.map((r) => r.name)).toEqual(['fatal']);
    await expect(runBacktest({ rulesPath, from: new Date(T0), to: new Date(T0), env: {} })).rejects.toThrow(/--to .* must be after --from/);
    await expect(runBacktest({ rulesPath, from: new Date(T0), to: new Date(T0 + MIN), only: ['nope'], env: {} })).rejects.toThrow(
      /no rule with id or name "nope"/,
    );
  });
});
