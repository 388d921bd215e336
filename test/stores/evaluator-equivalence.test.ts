// Property: the same generated logs, as a file (every supported line format), in PostgreSQL and in
// ClickHouse, give the evaluator the same decisions and match_counts — and the shared oracle's —
// for random rules, evaluation times and catch-up ranges.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runEvaluation } from '../../src/evaluate/run.js';
import { LEVELS, type Level } from '../../src/model/levels.js';
import { oracleFires } from '../helpers/oracle.js';
import { renderLine } from '../helpers/log-lines.js';
import { CH_URL, PG_URL, chDrop, chTable, needServer, pgTable, uniqueName, withPg } from './support.js';

const MIN = 60_000;
const T0 = Date.UTC(2026, 3, 26, 12, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const haveBoth = [needServer('postgres'), needServer('clickhouse')].every(Boolean);

let dir: string;
const tables: string[] = [];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'store-eq-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  if (PG_URL)
    await withPg(async (c) => {
      for (const t of tables.filter((n) => n.startsWith('pg_'))) await c.query(`DROP TABLE IF EXISTS ${t}`);
    });
  if (CH_URL) for (const t of tables.filter((n) => n.startsWith('ch_'))) await chDrop(t);
});

const scenario = fc.record({
  entries: fc.array(
    fc.record({
      // On whole minutes or 1 ms either side, so windows' edges are hit; ms precision throughout.
      ts: fc.tuple(fc.integer({ min: -90, max: 30 }), fc.constantFrom(-1, 0, 0, 1, 12_345)).map(([m, d]) => T0 + m * MIN + d),
      level: fc.constantFrom(...LEVELS),
      style: fc.nat(),
    }),
    { minLength: 1, maxLength: 150, size: 'large' },
  ),
  rules: fc.array(
    fc.record({
      level: fc.constantFrom<Level>(...LEVELS),
      threshold: fc.integer({ min: 1, max: 6 }),
      window_minutes: fc.integer({ min: 1, max: 40 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  // A watermark some ticks back, so the run catches up over several ticks with dedup between them.
  watermarkMin: fc.integer({ min: -80, max: -5 }),
  // How long after the watermark this run happens.
  catchupMin: fc.integer({ min: 0, max: 60 }),
});

describe.runIf(haveBoth)('file ≡ postgres ≡ clickhouse through the evaluator', () => {
  it('decides the same fires and match_counts as the oracle, whichever store holds the logs', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async ({ entries, rules, watermarkMin, catchupMin }) => {
        run++;
        const pg = uniqueName('pg_evq');
        const ch = uniqueName('ch_evq');
        tables.push(pg, ch);
        await pgTable(pg, entries);
        await chTable(ch, entries, 'UInt64');
        await writeFile(join(dir, `app-${run}.log`), entries.map((e) => renderLine(e, e.style)).join('\n') + '\n');

        const watermark = Math.floor((T0 + watermarkMin * MIN) / (5 * MIN)) * 5 * MIN;
        const now = watermark + catchupMin * MIN + 42_000;
        const ticks: number[] = [];
        for (let t = watermark + 5 * MIN; t <= now; t += 5 * MIN) ticks.push(t);
        const state = join(dir, `state-${run}.json`);
        await writeFile(state, JSON.stringify({ version: 1, last_evaluated_at: iso(watermark), rules: {}, webhooks: {} }));

        const sources = {
          file: { name: 'logs', path: `app-${run}.log` },
          postgres: { name: 'logs', kind: 'postgres', url_env: 'LOGS_PG_URL', table: pg },
          clickhouse: { name: 'logs', kind: 'clickhouse', url_env: 'LOGS_CH_URL', table: ch },
        };
        const decided: Record<string, string[]> = {};
        for (const [kind, source] of Object.entries(sources)) {
          const rulesPath = join(dir, `rules-${run}-${kind}.yml`);
          await writeFile(
            rulesPath,
            stringify({
              project: 'eq',
              sources: [source],
              rules: rules.map((r, i) => ({
                id: id(i + 1),
                name: `r${i}`,
                ...r,
                channels: ['webhook'],
                notify_webhook: 'https://hooks.example.com/x',
              })),
            }),
          );
          const report = await runEvaluation({
            rulesPath,
            statePath: state,
            now: new Date(now),
            dryRun: true,
            env: { LOGS_PG_URL: PG_URL, LOGS_CH_URL: CH_URL },
          });
          expect(report.ticks).toEqual(ticks.map(iso));
          decided[kind] = report.decisions.map((d) => `${d.rule.id} ${d.triggered_at} ${d.match_count}`);
        }
        const oracle = rules.flatMap((r, i) =>
          oracleFires(entries, { ...r, enabled: true }, ticks, null).map((f) => ({ ...f, id: id(i + 1) })),
        );
        oracle.sort((a, b) => a.tickMs - b.tickMs || a.id.localeCompare(b.id));
        const want = oracle.map((f) => `${f.id} ${iso(f.tickMs)} ${f.match_count}`);
        expect(decided.file).toEqual(want);
        expect(decided.postgres).toEqual(want);
        expect(decided.clickhouse).toEqual(want);
      }),
      { numRuns: 25 },
    );
  });
});
