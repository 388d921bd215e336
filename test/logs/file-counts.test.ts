import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEVELS } from '../../src/model/levels.js';
import { countWindows } from '../../src/logs/file-counts.js';
import { collectTimestamps } from '../helpers/reference-scan.js';
import { windowAt } from '../../src/model/window.js';
import { oracleCount } from '../helpers/oracle.js';
import { renderLine as render } from '../helpers/log-lines.js';

const MIN = 60_000;
const T0 = Date.UTC(2026, 3, 26, 12, 0, 0);

describe('file counts', () => {
  it('count what the oracle counts, for every format mixed in one stream, with junk lines counted', async () => {
    const entry = fc.record({
      ts: fc.tuple(fc.integer({ min: -40, max: 40 }), fc.constantFrom(-1, 0, 1, 500)).map(([m, d]) => T0 + m * MIN + d),
      level: fc.constantFrom(...LEVELS),
      style: fc.nat(),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(entry, { minLength: 10, maxLength: 150, size: 'large' }),
        fc.integer({ min: 0, max: 5 }),
        async (entries, junk) => {
          const lines = entries.map((e) => render(e, e.style));
          for (let i = 0; i < junk; i++) lines.splice(i * 3, 0, i % 2 ? '{"level":"error","time":' : 'garbage line');
          const windows = [windowAt(T0, 5), windowAt(T0 + 10 * MIN, 15), windowAt(T0 - 20 * MIN, 1)];
          const { times, stats } = await collectTimestamps('mem', Readable.from([lines.join('\n') + '\n']), [...LEVELS], windows);
          const counts = countWindows([times], [...LEVELS], windows);
          LEVELS.forEach((level, i) =>
            windows.forEach((w, j) => expect(counts[i]![j]).toBe(oracleCount(entries, level, w.fromMs, w.toMs))),
          );
          expect(stats.unreadable).toBe(junk);
          expect(stats.linesRead).toBe(entries.length + junk);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('sums over several sources', () => {
    const a = new Map([['error' as const, [T0 - 1, T0]]]);
    const b = new Map([['error' as const, [T0 - 2]]]);
    expect(countWindows([a, b], ['error'], [windowAt(T0, 1)])).toEqual([[3]]);
  });
});
