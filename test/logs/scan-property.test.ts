import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWindows } from '../../src/logs/file-counts.js';
import { LEVELS, type Level } from '../../src/model/levels.js';
import { MAX_LINE_BYTES } from '../../src/logs/log-file.js';
import { createCountProvider } from '../../src/logs/provider.js';
import { oracleCount } from '../helpers/oracle.js';
import { entryArb, joinLines, junkLine, MIN, renderTricky, scanBytes, slowScan, sorted, specOf, T0, windowsArb } from './scan-lines.js';
import { BlockScanner } from '../../src/logs/scan/block-scanner.js';

const levelsArb = fc.subarray([...LEVELS], { minLength: 1 });

describe('fast scan = parseLine on every line', () => {
  it('same timestamps per level, same linesRead, unreadable exact over parsed lines, for mixed formats, junk, CRLF and any chunking', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof({ weight: 4, arbitrary: entryArb() }, { weight: 1, arbitrary: junkLine }), { minLength: 1, maxLength: 120 }),
        fc.array(fc.boolean(), { maxLength: 5 }),
        fc.boolean(),
        levelsArb,
        windowsArb,
        fc.array(fc.nat(), { maxLength: 8 }),
        async (items, crlf, finalNewline, levels, windows, cuts) => {
          const lines = items.map((it) => (typeof it === 'object' && 'ts' in it ? renderTricky(it) : it));
          const bytes = joinLines(lines, crlf, finalNewline);
          const spec = specOf(levels, windows);
          const slow = await slowScan(bytes, levels, windows);
          const fast = scanBytes(bytes, spec, cuts);
          expect(sorted(fast.times, levels)).toEqual(sorted(slow.times, levels));
          expect(fast.linesRead).toBe(slow.stats.linesRead);
          // Lines left unparsed are provably not entries in any window; unreadable covers the parsed ones.
          expect(fast.unreadable).toBeLessThanOrEqual(slow.stats.unreadable);
          expect(fast.unreadable + fast.unchecked).toBeGreaterThanOrEqual(slow.stats.unreadable);
          const every = scanBytes(bytes, { ...spec, checkEveryLine: true }, cuts);
          expect(sorted(every.times, levels)).toEqual(sorted(slow.times, levels));
          expect([every.linesRead, every.unreadable, every.unchecked]).toEqual([slow.stats.linesRead, slow.stats.unreadable, 0]);
          // And against the brute-force oracle, over the entries that were rendered.
          const entries = items.filter(
            (it): it is { ts: number; level: Level; style: number; seed: number } => typeof it === 'object' && 'ts' in it,
          );
          const counts = countWindows([fast.times], levels, windows);
          levels.forEach((level, i) =>
            windows.forEach((w, j) => expect(counts[i]![j]).toBe(oracleCount(entries, level, w.fromMs, w.toMs))),
          );
        },
      ),
      { numRuns: 400 },
    );
  });

  it('counts truncated JSON lines as unreadable even when the prefilter skips them; small files get every line parsed', async () => {
    const lines = [
      '{"level":"info","time":',
      '{"level":"info"',
      '{',
      '{"level":"warn","time":1} \r',
      '{"level":"info","msg":"x"}',
      `{"level":"error","time":${T0}}`,
      'level=info',
    ];
    const bytes = joinLines(lines, [false], true);
    const windows = [{ fromMs: T0 - MIN, toMs: T0 }];
    const fast = scanBytes(bytes, specOf(['error'], windows), []);
    expect([fast.linesRead, fast.unreadable, fast.unchecked]).toEqual([7, 3, 3]);
    expect(sorted(fast.times, ['error'])).toEqual([[T0]]);
    const path = join(mkdtempSync(join(tmpdir(), 'scan-small-')), 'small.log');
    writeFileSync(path, bytes);
    const provider = createCountProvider([{ name: 'small', path }], { baseDir: '/', env: {} });
    const { counts, stats } = await provider.count({ levels: ['error'], windows });
    expect(counts).toEqual([[1]]);
    expect([stats[0]!.linesRead, stats[0]!.unreadable, stats[0]!.unchecked]).toEqual([7, 5, undefined]);
  });

  it('lines at, just under and just over the 1 MiB cap: same as the line reader, whatever the chunking', async () => {
    const pad = (n: number, level: string) => {
      const head = `{"level":"${level}","time":${T0},"msg":"`;
      return head + 'a'.repeat(n - head.length - 2) + '"}';
    };
    const lines = [
      pad(MAX_LINE_BYTES, 'error'),
      pad(MAX_LINE_BYTES + 1, 'error'),
      pad(MAX_LINE_BYTES - 1, 'info'),
      `{"level":"error","time":${T0}}`,
      pad(MAX_LINE_BYTES + 5, 'info'),
    ];
    const bytes = joinLines(lines, [false, true], false);
    const windows = [{ fromMs: T0 - MIN, toMs: T0 }];
    const slow = await slowScan(bytes, ['error'], windows);
    for (const cuts of [
      [],
      [1],
      [MAX_LINE_BYTES],
      [MAX_LINE_BYTES + 1, MAX_LINE_BYTES + 2],
      [100, 2 * MAX_LINE_BYTES, 3 * MAX_LINE_BYTES + 7],
    ]) {
      const fast = scanBytes(bytes, specOf(['error'], windows), cuts);
      expect(sorted(fast.times, ['error'])).toEqual([[T0, T0]]);
      expect([fast.linesRead, fast.unreadable]).toEqual([slow.stats.linesRead, slow.stats.unreadable]);
      expect([fast.linesRead, fast.unreadable]).toEqual([5, 2]);
    }
  });

  it('combines the level and the time prefilter every way the cost model picks, and stays exact', async () => {
    // Four stretches of ~1.3 MB each (over 16 slices, so the densities are re-measured in each):
    // a rare level inside the window (level prefilter alone), the wanted level outside it (time
    // prefilter first), then the wanted level half inside (both, intersected). Tricky lines throughout.
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const windows = [{ fromMs: T0 - 10 * MIN, toMs: T0 }];
    const iso = (ms: number) => new Date(ms).toISOString();
    const lines: string[] = [];
    const stretch = (line: () => string, tricky = 0.03, size = 1_300_000) => {
      for (let bytes = 0; bytes < size;) {
        const l =
          rand() < tricky
            ? renderTricky({
                ts: T0 - Math.floor(rand() * 20) * MIN,
                level: LEVELS[Math.floor(rand() * 5)]!,
                style: Math.floor(rand() * 1000),
                seed: Math.floor(rand() * 1e6),
              })
            : line();
        lines.push(l);
        bytes += l.length + 1;
      }
    };
    const inside = () => T0 - Math.floor(rand() * 10 * MIN);
    const outside = () => T0 - 20 * MIN - Math.floor(rand() * 60 * MIN);
    stretch(() => `{"level":"${rand() < 0.002 ? 'error' : 'info'}","time":"${iso(inside())}","msg":"m"}`);
    stretch(() => `{"level":"error","time":"${iso(outside())}","msg":"m"}`);
    stretch(() => `{"level":"error","time":"${iso(rand() < 0.5 ? inside() : outside())}"}`);
    // Then the wanted level everywhere, a few lines inside: the time prefilter first, after which the
    // level test turns no line away and the time test next to none; both are skipped until the next
    // sample, and the lines they would have passed are parsed and judged exactly. (Long enough for a
    // few samples: a test is judged on its last ~100 candidates, and the earlier stretches' weigh in.)
    stretch(() => `{"level":"error","time":"${iso(rand() < 0.05 ? inside() : outside())}","msg":"m"}`, 0.005, 4_000_000);
    const bytes = joinLines(lines, [false], true);
    const scanner = new BlockScanner(specOf(['error'], windows));
    scanner.feed(bytes);
    const fast = scanner.end();
    expect(scanner.combinations.level).toBeGreaterThan(0);
    expect(scanner.combinations.time).toBeGreaterThan(0);
    expect(scanner.combinations.both).toBeGreaterThan(0);
    expect(scanner.skippedTests.level).toBeGreaterThan(0);
    expect(scanner.skippedTests.time).toBeGreaterThan(0);
    const slow = await slowScan(bytes, ['error'], windows);
    expect(sorted(fast.times, ['error'])).toEqual(sorted(slow.times, ['error']));
    expect(fast.linesRead).toBe(slow.stats.linesRead);
  });

  it('measures the densities on whole slices: reads of 256 KiB end in no sliver that misleads the cost model', () => {
    // Uniform lines, a tenth at the wanted level, a few percent in the window: the time prefilter first
    // is the cheapest everywhere. A chunk's last few lines measured alone once made one line in the
    // window look like a dense slice, and the next slices took the level prefilter alone.
    let seed = 11;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const lines: string[] = [];
    for (let bytes = 0; bytes < 6_000_000;) {
      const ts = rand() < 0.03 ? T0 - Math.floor(rand() * 10 * MIN) : T0 - 20 * MIN - Math.floor(rand() * 200 * MIN);
      const l = `{"level":"${rand() < 0.1 ? 'error' : 'info'}","time":"${new Date(ts).toISOString()}","route":"/api/${Math.floor(rand() * 1e6)}"}`;
      lines.push(l);
      bytes += l.length + 1;
    }
    const bytes = joinLines(lines, [false], true);
    const windows = [{ fromMs: T0 - 10 * MIN, toMs: T0 }];
    const scanner = new BlockScanner(specOf(['error'], windows));
    for (let at = 0; at < bytes.length; at += 256 * 1024) scanner.feed(bytes.subarray(at, at + 256 * 1024));
    const fast = scanner.end();
    expect(scanner.combinations).toEqual({ level: 0, time: expect.any(Number), both: 0 });
    const inWindow = lines.filter((l) => l.includes('"error"') && Date.parse(l.slice(25, 49)) > T0 - 10 * MIN).length;
    expect(sorted(fast.times, ['error'])[0]).toHaveLength(inWindow);
  });
});
