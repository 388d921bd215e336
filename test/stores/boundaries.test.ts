import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countInStore } from '../../src/logs/stores/index.js';
import type { Window } from '../../src/model/window.js';
import { CH_URL, PG_URL, chDrop, chSource, chTable, needServer, pgSource, pgTable, uniqueName, withPg } from './support.js';
import type { Entry } from './support.js';

const T = 1_763_800_000_000; // whole seconds, so DateTime tables hold the same instants
const entries: Entry[] = [
  { ts: T, level: 'error' },
  { ts: T + 60_000, level: 'error' },
  { ts: T + 60_000, level: 'warn' },
  { ts: T + 120_000, level: 'error' },
  { ts: T + 180_000, level: 'fatal' },
];
// (from, to]: the entry at `from` is out, the one at `to` is in.
const windows: Window[] = [
  { fromMs: T, toMs: T + 60_000 }, // error@T excluded, error@T+60s included → 1
  { fromMs: T - 1, toMs: T }, // only error@T → 1
  { fromMs: T - 1, toMs: T + 120_000 }, // 3 errors
  { fromMs: T + 60_000, toMs: T + 119_999 }, // nothing: T+120s is 1 ms past the end
  { fromMs: T + 119_999, toMs: T + 120_000 }, // error@T+120s
  { fromMs: T + 500_000, toMs: T + 900_000 }, // empty, beyond the data
];
const expected = [
  [1, 1, 3, 0, 1, 0], // error
  [1, 0, 1, 0, 0, 0], // warn: warn@T+60s is the end of window 0, the start of window 3
  [0, 0, 0, 0, 0, 0], // info
];
const levels = ['error', 'warn', 'info'] as const;

if (needServer('postgres')) {
  describe('postgres countInStore: window boundaries', () => {
    const table = uniqueName('logs');
    beforeAll(() => pgTable(table, entries));
    afterAll(() => withPg((c) => c.query(`DROP TABLE IF EXISTS ${table}`)));
    const env = { LOGS_PG_URL: PG_URL };

    it('counts (from, to] exactly, per level', async () => {
      expect(await countInStore(pgSource(table), { levels: [...levels], windows }, env)).toEqual(expected);
    });

    it('handles sub-millisecond timestamps at the edges', async () => {
      const t2 = uniqueName('micro');
      await pgTable(t2, [
        { ts: T + 0.5, level: 'error' }, // in (T, T+1]
        { ts: T + 1.001, level: 'error' }, // past T+1
      ]);
      try {
        const r = await countInStore(
          pgSource(t2),
          {
            levels: ['error'],
            windows: [
              { fromMs: T, toMs: T + 1 },
              { fromMs: T + 1, toMs: T + 2 },
            ],
          },
          env,
        );
        expect(r).toEqual([[1, 1]]);
      } finally {
        await withPg((c) => c.query(`DROP TABLE ${t2}`));
      }
    });

    it('maps numeric store levels through level_map, in a schema-qualified table, with custom columns', async () => {
      const schema = uniqueName('app');
      await withPg(async (c) => {
        await c.query(`CREATE SCHEMA ${schema}`);
        await c.query(`CREATE TABLE ${schema}.events (created_at timestamptz, severity int)`);
        await c.query(
          `INSERT INTO ${schema}.events VALUES (to_timestamp(${T / 1000} + 1), 50), (to_timestamp(${T / 1000} + 2), 50), (to_timestamp(${T / 1000} + 3), 40), (to_timestamp(${T / 1000} + 4), 60)`,
        );
      });
      try {
        const src = pgSource(`${schema}.events`, {
          timestamp_column: 'created_at',
          level_column: 'severity',
          level_map: { '40': 'warn', '50': 'error', '60': 'error' },
        });
        const r = await countInStore(src, { levels: ['error', 'warn', 'fatal'], windows: [{ fromMs: T, toMs: T + 10_000 }] }, env);
        expect(r).toEqual([[3], [1], [0]]);
      } finally {
        await withPg((c) => c.query(`DROP SCHEMA ${schema} CASCADE`));
      }
    });

    it('matches level names in any case when there is no level_map, and repeated levels each get counts', async () => {
      const t3 = uniqueName('caps');
      await withPg(async (c) => {
        await c.query(`CREATE TABLE ${t3} (ts timestamptz, level text)`);
        await c.query(
          `INSERT INTO ${t3} VALUES (to_timestamp(${T / 1000} + 1), 'ERROR'), (to_timestamp(${T / 1000} + 2), 'Error'), (to_timestamp(${T / 1000} + 3), 'bogus')`,
        );
      });
      try {
        const r = await countInStore(pgSource(t3), { levels: ['error', 'error'], windows: [{ fromMs: T, toMs: T + 5000 }] }, env);
        expect(r).toEqual([[2], [2]]);
      } finally {
        await withPg((c) => c.query(`DROP TABLE ${t3}`));
      }
    });

    it('returns zeros for no windows / no levels without failing', async () => {
      expect(await countInStore(pgSource(table), { levels: ['error'], windows: [] }, env)).toEqual([[]]);
      expect(await countInStore(pgSource(table), { levels: [], windows }, env)).toEqual([]);
    });
  });
}

if (needServer('clickhouse')) {
  describe('clickhouse countInStore: window boundaries', () => {
    const msTable = uniqueName('logs_ms');
    const secTable = uniqueName('logs_sec');
    beforeAll(async () => {
      await chTable(msTable, entries, 'UInt64');
      await chTable(secTable, entries, 'DateTime');
    });
    afterAll(async () => {
      await chDrop(msTable);
      await chDrop(secTable);
    });
    const env = { LOGS_CH_URL: CH_URL };

    it('counts (from, to] exactly on an epoch-ms column', async () => {
      expect(await countInStore(chSource(msTable), { levels: [...levels], windows }, env)).toEqual(expected);
    });

    it('counts (from, to] exactly on a DateTime column (ClickHouse 18.16 has no DateTime64)', async () => {
      expect(await countInStore(chSource(secTable), { levels: [...levels], windows }, env)).toEqual(expected);
    });

    it('maps numeric store levels through level_map, with custom column names', async () => {
      const t = uniqueName('sev');
      const c = (await import('./support.js')).chClient();
      try {
        await c.command({ query: `CREATE TABLE ${t} (created_at DateTime, severity UInt8) ENGINE = MergeTree ORDER BY created_at` });
        const s = T / 1000;
        await c.insert({
          table: t,
          format: 'JSONEachRow',
          values: [
            { created_at: s + 1, severity: 50 },
            { created_at: s + 2, severity: 40 },
            { created_at: s + 3, severity: 60 },
          ],
        });
        const src = chSource(t, {
          timestamp_column: 'created_at',
          level_column: 'severity',
          level_map: { '40': 'warn', '50': 'error', '60': 'error' },
        });
        expect(
          await countInStore(
            src,
            {
              levels: ['error', 'warn'],
              windows: [
                { fromMs: T, toMs: T + 2000 },
                { fromMs: T, toMs: T + 3000 },
              ],
            },
            env,
          ),
        ).toEqual([
          [1, 2],
          [1, 1],
        ]);
      } finally {
        await c.command({ query: `DROP TABLE IF EXISTS ${t}` });
        await c.close();
      }
    });
  });
}
