// 200 count rules with mixed filters in ONE call per store ≡ the oracle. This is the benchmark's query
// shape (bench/stores.mjs): the statement splits count rules into passes by level set and, on
// PostgreSQL, by regex budget (rules sorted by pattern); ClickHouse evaluates the costly filters only
// where the cheap ones hold. Many distinct patterns, level sets, filter orders and negations make sure
// every pass, every guard and the mapping of pass results back to rules are exercised.
import fc from 'fast-check';
import { afterAll, expect, it } from 'vitest';
import { countSeriesInStore } from '../../src/logs/stores/index.js';
import { LEVELS, type Level } from '../../src/model/levels.js';
import type { Filter, SeriesSpec } from '../../src/model/series.js';
import type { Window } from '../../src/model/window.js';
import { oracleSeries, type FieldEntry } from '../helpers/oracle.js';
import { CH_URL, PG_URL, chClient, chDrop, chSource, needServer, pgSource, uniqueName, withPg } from './support.js';

const T0 = 1_763_800_000_000;
const HOUR = 3600_000;

interface Row {
  ts: number;
  level: Level;
  message: string;
  service: string;
  duration: number;
  /** In the JSON column: a number, a numeric string or text. */
  code: number | string;
}

function rowsFor(seed: number): Row[] {
  const rnd = fc.sample(fc.array(fc.nat({ max: 1_000_000 }), { minLength: 1500, maxLength: 1500 }), { seed, numRuns: 1 })[0] as number[];
  return rnd.map((x, i) => ({
    // Many rows exactly on the minute edges the windows use.
    ts: T0 + (i % 5 === 0 ? Math.floor(x / 10_000) * 60_000 : Math.floor((x * HOUR) / 1_000_000)),
    level: LEVELS[x % 10 < 5 ? 1 : x % 10 < 8 ? 2 : x % 10 < 9 ? 3 : x % 2 === 0 ? 0 : 4],
    message: `req ${x} ${['ok', 'failed', 'timeout', 'ok'][x % 4]}`,
    service: `svc${x % 13}`,
    duration: (x % 997) / 4,
    code: x % 3 === 0 ? 200 + (x % 5) * 100 : x % 3 === 1 ? String(200 + (x % 5) * 100) : `E${x % 5}`,
  }));
}

const LEVEL_SETS: Level[][] = [['error'], ['warn', 'error', 'fatal'], [...LEVELS], ['info'], ['debug', 'fatal'], ['info', 'warn']];

/** 200 rules: 60 distinct regexes, equality, negation, numeric comparisons on a column and a JSON field, contains. */
function rules(): SeriesSpec[] {
  return Array.from({ length: 200 }, (_, i): SeriesSpec => {
    const eq: Filter = { field: 'service', op: 'equals', value: `svc${i % 13}` };
    const ne: Filter = { field: 'service', op: 'not_equals', value: `svc${i % 7}` };
    const re: Filter = { field: 'message', op: 'matches', value: `^req [0-9]*${i % 60} (ok|failed)$` };
    const gt: Filter = { field: 'duration', op: 'gt', value: (i % 50) * 5 };
    const code: Filter = { field: 'code', op: i % 2 ? 'gte' : 'lt', value: 300 + (i % 3) * 100 };
    const has: Filter = { field: 'message', op: 'contains', value: ['fail', 'time', ' 1'][i % 3] };
    // Costly filters listed first in some rules: the statement reorders them, the answer must not change.
    const where = [[eq], [re], [gt], [re, eq, gt], [has, ne], [code], [re, code], [has, re, eq], [ne, gt, code], []][i % 10] as Filter[];
    return { selection: { levels: LEVEL_SETS[i % LEVEL_SETS.length] as Level[], where } };
  });
}

const WINDOWS: Window[] = [
  { fromMs: T0 + HOUR - 5 * 60_000, toMs: T0 + HOUR },
  { fromMs: T0 + HOUR - 15 * 60_000, toMs: T0 + HOUR },
  { fromMs: T0, toMs: T0 + HOUR },
  { fromMs: T0 + 17 * 60_000, toMs: T0 + 42 * 60_000 },
];

const asEntry = (r: Row): FieldEntry => ({
  ts: r.ts,
  level: r.level,
  message: r.message,
  fields: { service: r.service, duration: r.duration, code: r.code },
});

const tables: string[] = [];
afterAll(async () => {
  if (PG_URL)
    await withPg(async (c) => {
      for (const t of tables.filter((n) => n.startsWith('pg_'))) await c.query(`DROP TABLE IF EXISTS ${t}`);
    });
  if (CH_URL) for (const t of tables.filter((n) => n.startsWith('ch_'))) await chDrop(t);
});

if (needServer('postgres')) {
  it('postgres: 200 mixed rules in one call ≡ oracle', async () => {
    for (const seed of [1, 2]) {
      const rows = rowsFor(seed);
      const t = uniqueName('pg_many');
      tables.push(t);
      await withPg(async (c) => {
        await c.query(
          `CREATE TABLE ${t} (ts timestamptz NOT NULL, level text NOT NULL, message text, service text, duration float8, fields jsonb)`,
        );
        await c.query(`CREATE INDEX ON ${t} (ts)`);
        await c.query(
          `INSERT INTO ${t} SELECT timestamptz 'epoch' + ts * interval '1 millisecond', l, m, s, d, f
           FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::jsonb[]) AS u(ts, l, m, s, d, f)`,
          [
            rows.map((r) => r.ts),
            rows.map((r) => r.level),
            rows.map((r) => r.message),
            rows.map((r) => r.service),
            rows.map((r) => r.duration),
            rows.map((r) => JSON.stringify({ code: r.code })),
          ],
        );
      });
      const source = pgSource(t, { message_column: 'message', columns: ['service', 'duration'], fields_column: 'fields' });
      const series = rules();
      const got = await countSeriesInStore(source, { series, windows: WINDOWS }, { LOGS_PG_URL: PG_URL });
      const want = oracleSeries(rows.map(asEntry), series, WINDOWS);
      expect(want.some((s) => (s.groups[0]?.counts[2] ?? 0) > 0)).toBe(true);
      got.forEach((s, i) => expect({ rule: i, ...s }).toEqual({ rule: i, ...want[i] }));
    }
  }, 120_000);
}

if (needServer('clickhouse')) {
  it('clickhouse: 200 mixed rules in one call ≡ oracle', async () => {
    for (const seed of [1, 2]) {
      const rows = rowsFor(seed);
      const t = uniqueName('ch_many');
      tables.push(t);
      const c = chClient();
      try {
        await c.command({
          query: `CREATE TABLE ${t} (ts UInt64, level String, message String, service String, duration Float64, fields String) ENGINE = MergeTree ORDER BY ts`,
        });
        await c.insert({
          table: t,
          format: 'JSONEachRow',
          values: rows.map((r) => ({
            ts: r.ts,
            level: r.level,
            message: r.message,
            service: r.service,
            duration: r.duration,
            fields: JSON.stringify({ code: r.code }),
          })),
        });
      } finally {
        await c.close();
      }
      const source = chSource(t, { message_column: 'message', columns: ['service', 'duration'], fields_column: 'fields' });
      const series = rules();
      const got = await countSeriesInStore(source, { series, windows: WINDOWS }, { LOGS_CH_URL: CH_URL });
      const want = oracleSeries(rows.map(asEntry), series, WINDOWS);
      got.forEach((s, i) => expect({ rule: i, ...s }).toEqual({ rule: i, ...want[i] }));
    }
  }, 120_000);
}
