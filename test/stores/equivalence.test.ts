// Property: for random entries, levels and windows, PostgreSQL, ClickHouse (epoch-ms and
// DateTime columns) and a brute-force count agree exactly.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { countInStore } from '../../src/logs/stores/index.js';
import { LEVELS } from '../../src/model/levels.js';
import type { Window } from '../../src/model/window.js';
import { CH_URL, PG_URL, bruteCount, chDrop, chSource, chTable, needServer, pgSource, pgTable, uniqueName, withPg } from './support.js';

const T0 = 1_763_800_000_000;
const SPAN = 2 * 3600_000;

/** Entries, plus windows whose edges often sit exactly on (or 1 ms around) an entry. */
const scenario = (wholeSeconds: boolean) =>
  fc
    .array(
      fc.record({
        ts: fc.integer({ min: 0, max: SPAN }).map((o) => T0 + (wholeSeconds ? Math.floor(o / 1000) * 1000 : o)),
        level: fc.constantFrom(...LEVELS),
      }),
      { maxLength: 120 },
    )
    .chain((entries) => {
      const edge = fc.oneof(
        fc.integer({ min: -60_000, max: SPAN + 60_000 }).map((o) => T0 + o),
        entries.length > 0
          ? fc.tuple(fc.constantFrom(...entries.map((e) => e.ts)), fc.constantFrom(-1, 0, 1)).map(([t, d]) => t + d)
          : fc.constant(T0),
      );
      const window = fc
        .tuple(edge, fc.integer({ min: 0, max: 3600_000 }), fc.boolean())
        .map(([a, len, fromIsEdge]): Window => (fromIsEdge ? { fromMs: a, toMs: a + len } : { fromMs: a - len, toMs: a }));
      return fc.record({
        entries: fc.constant(entries),
        levels: fc.uniqueArray(fc.constantFrom(...LEVELS), { minLength: 1, maxLength: 5 }),
        windows: fc.array(window, { minLength: 1, maxLength: 40 }),
      });
    });

/** The evaluator's catch-up shape: windows of each rule's length ending on every tick of a minute grid. */
const tickGrid = fc.record({
  entries: fc.array(
    fc.record({ ts: fc.integer({ min: 0, max: SPAN }).map((o) => T0 + Math.floor(o / 1000) * 1000), level: fc.constantFrom(...LEVELS) }),
    { maxLength: 200 },
  ),
  levels: fc.uniqueArray(fc.constantFrom(...LEVELS), { minLength: 1, maxLength: 3 }),
  windowMinutes: fc.integer({ min: 1, max: 60 }),
  ticks: fc.integer({ min: 1, max: 150 }),
});

const tables: string[] = [];
afterEach(async () => {
  // Tables are created per property run; drop them all at the end of each test.
  const names = tables.splice(0);
  if (PG_URL)
    await withPg(async (c) => {
      for (const t of names.filter((n) => n.startsWith('pg_'))) await c.query(`DROP TABLE IF EXISTS ${t}`);
    });
  if (CH_URL) for (const t of names.filter((n) => n.startsWith('ch_'))) await chDrop(t);
});

if (needServer('postgres')) {
  describe('postgres ≡ brute force', () => {
    it('agrees for random entries, levels and windows', async () => {
      await fc.assert(
        fc.asyncProperty(scenario(false), async ({ entries, levels, windows }) => {
          const t = uniqueName('pg_eq');
          tables.push(t);
          await pgTable(t, entries);
          expect(await countInStore(pgSource(t), { levels, windows }, { LOGS_PG_URL: PG_URL })).toEqual(
            bruteCount(entries, levels, windows),
          );
        }),
        { numRuns: 25 },
      );
    });

    it('agrees on the minute tick grid (many windows, one query)', async () => {
      await fc.assert(
        fc.asyncProperty(tickGrid, async ({ entries, levels, windowMinutes, ticks }) => {
          const t = uniqueName('pg_grid');
          tables.push(t);
          await pgTable(t, entries);
          const windows = Array.from({ length: ticks }, (_, k) => {
            const to = T0 + (k + 1) * 60_000;
            return { fromMs: to - windowMinutes * 60_000, toMs: to };
          });
          expect(await countInStore(pgSource(t), { levels, windows }, { LOGS_PG_URL: PG_URL })).toEqual(
            bruteCount(entries, levels, windows),
          );
        }),
        { numRuns: 10 },
      );
    });
  });
}

if (needServer('clickhouse')) {
  describe('clickhouse ≡ brute force', () => {
    it('agrees on an epoch-ms column for random entries, levels and windows', async () => {
      await fc.assert(
        fc.asyncProperty(scenario(false), async ({ entries, levels, windows }) => {
          const t = uniqueName('ch_eq');
          tables.push(t);
          await chTable(t, entries, 'UInt64');
          expect(await countInStore(chSource(t), { levels, windows }, { LOGS_CH_URL: CH_URL })).toEqual(
            bruteCount(entries, levels, windows),
          );
        }),
        { numRuns: 25 },
      );
    });

    it('agrees on a DateTime column (whole-second entries, millisecond windows)', async () => {
      await fc.assert(
        fc.asyncProperty(scenario(true), async ({ entries, levels, windows }) => {
          const t = uniqueName('ch_dt');
          tables.push(t);
          await chTable(t, entries, 'DateTime');
          expect(await countInStore(chSource(t), { levels, windows }, { LOGS_CH_URL: CH_URL })).toEqual(
            bruteCount(entries, levels, windows),
          );
        }),
        { numRuns: 25 },
      );
    });

    it('agrees on the minute tick grid', async () => {
      await fc.assert(
        fc.asyncProperty(tickGrid, async ({ entries, levels, windowMinutes, ticks }) => {
          const t = uniqueName('ch_grid');
          tables.push(t);
          await chTable(t, entries, 'DateTime');
          const windows = Array.from({ length: ticks }, (_, k) => {
            const to = T0 + (k + 1) * 60_000;
            return { fromMs: to - windowMinutes * 60_000, toMs: to };
          });
          expect(await countInStore(chSource(t), { levels, windows }, { LOGS_CH_URL: CH_URL })).toEqual(
            bruteCount(entries, levels, windows),
          );
        }),
        { numRuns: 10 },
      );
    });
  });
}
