import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeResults, type ScanResult } from '../../src/logs/scan/block-scanner.js';
import { splitAtLines } from '../../src/logs/scan/parallel.js';
import { countsInWindows, windowAt } from '../../src/model/window.js';
import { scanRange } from '../../src/logs/scan/range.js';
import { entryArb, joinLines, junkLine, renderTricky, sorted, specOf, T0, MIN } from './scan-lines.js';

const dir = mkdtempSync(join(tmpdir(), 'scan-par-'));
let n = 0;
const write = (b: Buffer) => {
  const p = join(dir, `f${n++}.log`);
  writeFileSync(p, b);
  return p;
};
/**
 * The stats that do not depend on where reads and ranges cut the file. A line that straddles two reads
 * is always parsed (it is not worth a prefilter pass), so which skipped lines are `unchecked` and which
 * parsed ones are found `unreadable` moves with the cuts; the lines read and the entries counted do not.
 */
const summary = (r: ScanResult) => [r.linesRead];

type ScanBundle = typeof import('../helpers/scan-bundle.js');
let built: Promise<ScanBundle> | undefined;
/** Workers load the bundle the scan was built into, so build one (dist/ is left alone). */
function scanBundle(): Promise<ScanBundle> {
  const root = resolve(import.meta.dirname, '../..');
  const out = join(dir, 'bundle');
  built ??= (async () => {
    execFileSync(
      process.execPath,
      [
        join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js'),
        'build',
        join(root, 'test/helpers/scan-bundle.ts'),
        '-o',
        out,
        '--quiet',
        '--transpile-only',
      ],
      { stdio: 'inherit' },
    );
    writeFileSync(join(out, 'package.json'), '{"type":"module"}');
    return (await import(pathToFileURL(join(out, 'index.js')).href)) as ScanBundle;
  })();
  return built;
}

describe('scanning a file in ranges', () => {
  it('cuts ranges at line starts that cover the file, and their merged scans equal one scan', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof({ weight: 5, arbitrary: entryArb() }, { weight: 1, arbitrary: junkLine }), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 1, max: 6 }),
        async (items, parts) => {
          const bytes = joinLines(
            items.map((it) => (typeof it === 'object' && 'ts' in it ? renderTricky(it) : it)),
            [false, true],
            true,
          );
          const path = write(bytes);
          const ranges = await splitAtLines(path, 0, bytes.length, parts);
          expect(ranges[0]![0]).toBe(0);
          expect(ranges[ranges.length - 1]![1]).toBe(bytes.length);
          ranges.forEach(([s, e], i) => {
            expect(e).toBeGreaterThan(s);
            if (i > 0) expect([ranges[i - 1]![1], bytes[s - 1]]).toEqual([s, 10]);
          });
          const spec = specOf(['error', 'warn'], [{ fromMs: T0 - 20 * MIN, toMs: T0 + 5 * MIN }]);
          const whole = await scanRange(path, 0, bytes.length, spec);
          const parts_ = await Promise.all(ranges.map(([s, e]) => scanRange(path, s, e, spec)));
          const merged = parts_.reduce((a, b) => mergeResults(a, b));
          expect(sorted(merged.times, ['error', 'warn'])).toEqual(sorted(whole.times, ['error', 'warn']));
          expect(summary(merged)).toEqual(summary(whole));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('runs ranges on worker threads from the built bundle, with the same result as one thread', { timeout: 120_000 }, async () => {
    const mod = await scanBundle();
    expect([mod.canUseWorkers(), mod.canUseWorkers(true)]).toEqual([false, true]); // only when asked, or allowed by the host
    const lines: string[] = [];
    for (let i = 0; i < 30_000; i++)
      lines.push(
        renderTricky({ ts: T0 - 30 * MIN + i * 60, level: (['error', 'info', 'warn', 'fatal'] as const)[i % 4]!, style: i, seed: i * 31 }),
      );
    lines.splice(777, 0, 'junk', '{"level":"error","time":');
    const bytes = joinLines(lines, [false], true);
    const path = write(bytes);
    const spec = specOf(['error', 'fatal'], [{ fromMs: T0 - 20 * MIN, toMs: T0 }]);
    const one = await scanRange(path, 0, bytes.length, spec);
    const many = await mod.scanParallel(path, 0, bytes.length, spec, 3);
    expect(sorted(many.times, ['error', 'fatal'])).toEqual(sorted(one.times, ['error', 'fatal']));
    expect(summary(many)).toEqual(summary(one));
    expect(readFileSync(join(dir, 'bundle', 'index.js'), 'utf8')).toContain('apialertsScanWorker');

    // Series (rules with filters, groups and values) through the workers: groups, values and the
    // groups dropped past the limit come back from each thread and merge to one thread's result.
    const rows: string[] = [];
    for (let i = 0; i < 30_000; i++) {
      const level = (['error', 'info', 'warn', 'fatal', 'debug'] as const)[i % 5]!;
      const time = new Date(T0 - 30 * MIN + i * 60).toISOString();
      rows.push(JSON.stringify({ level, time, host: `h${i % 7}`, route: `/r/${(i * 7919) % 3000}`, ms: (i * 37) % 1000 }));
      if (i % 1000 === 0) rows.push(renderTricky({ ts: T0 - 10 * MIN + i, level, style: i, seed: i }));
    }
    const seriesBytes = joinLines(rows, [false], true);
    const seriesPath = write(seriesBytes);
    const seriesSpec = {
      levels: [],
      fromMs: T0 - 20 * MIN,
      toMs: T0,
      groupLimit: 500,
      series: [
        { selection: { levels: ['error' as const, 'fatal' as const], where: [] } },
        {
          selection: { levels: ['warn' as const, 'error' as const], where: [{ field: 'ms', op: 'gte' as const, value: 500 }] },
          groupBy: ['host'],
        },
        {
          selection: {
            levels: ['info' as const, 'debug' as const],
            where: [{ field: 'host', op: 'one_of' as const, value: ['h1', 'h2'] }],
          },
          groupBy: ['route'],
        },
        { selection: { levels: ['error' as const], where: [] }, groupBy: ['host'], value: { field: 'ms', aggregate: 'p95' as const } },
      ],
    };
    const seriesOne = await scanRange(seriesPath, 0, seriesBytes.length, seriesSpec);
    const seriesMany = await mod.scanParallel(seriesPath, 0, seriesBytes.length, seriesSpec, 3);
    const view = (r: ScanResult) =>
      r.series!.map((sc) => ({
        groups: [...sc.groups].map(([k, ts]) => [k, [...ts].sort((a, b) => a - b)]).sort(),
        values: sc.values ? [...sc.values].map(([k, vs]) => [k, [...vs].sort((a, b) => a - b)]).sort() : undefined,
        dropped: sc.dropped.size + sc.droppedOverflow,
      }));
    expect(view(seriesOne)[2]!.dropped).toBeGreaterThan(0); // the route series overflows its 500 groups
    // Without drops: the same. With drops, a group one range had to drop is reported untracked (it is no
    // longer exact), so the threads may track fewer: every group they do track has exactly one thread's entries.
    expect(view(seriesMany).filter((_, i) => i !== 2)).toEqual(view(seriesOne).filter((_, i) => i !== 2));
    const oneRoutes = new Map(view(seriesOne)[2]!.groups as [string, number[]][]);
    for (const [key, ts] of view(seriesMany)[2]!.groups as [string, number[]][]) expect(ts).toEqual(oneRoutes.get(key));
    expect(view(seriesMany)[2]!.dropped).toBeGreaterThanOrEqual(view(seriesOne)[2]!.dropped);
    expect(summary(seriesMany)).toEqual(summary(seriesOne));

    // Given its windows, the scan counts each entry into them instead of keeping timestamps (value
    // series still keep theirs): on one thread and through workers, the counts of the timestamps above.
    const windows = [windowAt(T0, 20), windowAt(T0 - 5 * MIN, 5), windowAt(T0, 1)];
    const countedSpec = { ...seriesSpec, windows };
    const countedOne = await scanRange(seriesPath, 0, seriesBytes.length, countedSpec);
    const countedMany = await mod.scanParallel(seriesPath, 0, seriesBytes.length, countedSpec, 3);
    const counted = (r: ScanResult) =>
      r.series!.map((sc) => ({
        counted: sc.counted === true,
        groups: [...sc.groups].sort(),
        dropped: sc.dropped.size + sc.droppedOverflow,
      }));
    const fromTimes = (r: ScanResult) =>
      r.series!.map((sc, i) => ({
        counted: i !== 3,
        groups: [...sc.groups].map(([k, ts]) => [k, i === 3 ? ts : countsInWindows(ts, windows)]).sort(),
        dropped: sc.dropped.size + sc.droppedOverflow,
      }));
    expect(counted(countedOne)).toEqual(fromTimes(seriesOne));
    for (const n of counted(countedOne)[0]!.groups[0]![1]) expect(n).toBeGreaterThan(0); // every window has entries
    expect(counted(countedMany).filter((_, i) => i !== 2 && i !== 3)).toEqual(fromTimes(seriesMany).filter((_, i) => i !== 2 && i !== 3));
    const oneCounts = new Map(counted(countedOne)[2]!.groups);
    for (const [key, c] of counted(countedMany)[2]!.groups) expect(c).toEqual(oneCounts.get(key));
    expect(counted(countedMany)[2]!.dropped).toBeGreaterThanOrEqual(counted(countedOne)[2]!.dropped);
  });

  it('starts workers ahead of the scan, reuses them scan after scan, and never keeps the process alive', { timeout: 120_000 }, async () => {
    const mod = await scanBundle();
    const lines = Array.from({ length: 20_000 }, (_, i) =>
      renderTricky({ ts: T0 - 30 * MIN + i * 90, level: (['error', 'info', 'warn'] as const)[i % 3]!, style: i, seed: i * 7 }),
    );
    const bytes = joinLines(lines, [false], true);
    const path = write(bytes);
    const ids = () => mod.idleScanWorkers().map((w) => w.worker.threadId);
    mod.allowScanWorkers();
    mod.prestartScanWorkers(); // tops the pool up to the default scan's workers (earlier tests may have left more)
    const started = ids();
    expect(started.length).toBeGreaterThanOrEqual(mod.defaultScanThreads() - 1);
    expect(started.length).toBeGreaterThan(0);

    // A scan takes the idle workers, sends each its file and spec, and parks them again when done.
    for (const [levels, extra] of [
      [['error'], 0],
      [['warn', 'info'], 1], // one more thread than idle workers: a new one is started, then kept too
    ] as const) {
      const spec = specOf([...levels], [{ fromMs: T0 - 20 * MIN, toMs: T0 }]);
      const one = await scanRange(path, 0, bytes.length, spec);
      const many = await mod.scanParallel(path, 0, bytes.length, spec, started.length + 1 + extra);
      expect(sorted(many.times, [...levels])).toEqual(sorted(one.times, [...levels]));
      expect(summary(many)).toEqual(summary(one));
      expect(ids()).toEqual(expect.arrayContaining(started)); // the same threads, parked again (in the order they finished)
      expect(ids()).toHaveLength(started.length + extra);
    }

    // One that ends while idle leaves the pool; the next scan starts another.
    const gone = mod.idleScanWorkers()[0]!.worker;
    await gone.terminate();
    await new Promise((r) => setImmediate(r));
    expect(ids()).not.toContain(gone.threadId);

    // Idle workers never hold the process: a script that prestarts, scans and returns exits by itself.
    const script = join(dir, 'pool-exit.mjs');
    writeFileSync(
      script,
      `import * as m from ${JSON.stringify(pathToFileURL(join(dir, 'bundle', 'index.js')).href)};
m.allowScanWorkers();
m.prestartScanWorkers();
const r = await m.scanParallel(${JSON.stringify(path)}, 0, ${bytes.length}, { levels: ['error'], fromMs: ${T0 - 20 * MIN}, toMs: ${T0} }, 2);
console.log(r.linesRead, m.idleScanWorkers().length);
`,
    );
    const out = execFileSync(process.execPath, [script], { encoding: 'utf8', timeout: 30_000 });
    expect(out.trim()).toBe(`${lines.length} 1`);
  });
});
