import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join } from 'node:path';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { ClickHouseSource, PostgresSource, Source } from '../rules/schema.js';
import type { CountProvider, CountQuery, CountResult, ProgressFn, SourceStats } from '../model/count.js';
import {
  DEFAULT_GROUP_LIMIT,
  type GroupCounts,
  type SeriesCounts,
  type SeriesProvider,
  type SeriesQuery,
  type SeriesResult,
  type SeriesSpec,
} from '../model/series.js';
import { countsInWindows, type Window } from '../model/window.js';
import { formatSpecOf } from './formats-source.js';
import { unreadableMessage } from './formats-report.js';
import { EXIT, UserError, errorMessage } from '../util/errors.js';
import { requestStream } from '../util/http.js';
import { redactUrl } from '../util/redact.js';
import { countWindows } from './file-counts.js';
import { valueGroup } from './values.js';
import { openFile } from './log-file.js';
import type { Level } from '../model/levels.js';
import {
  countedWindows,
  emptySeriesScan,
  mergeSeriesScans,
  toStats,
  type ScanResult,
  type ScanSpec,
  type SeriesScan,
} from './scan/block-scanner.js';
import { scanFile, scanStream, type FileScanOptions } from './scan/scan-source.js';

interface ProviderOptions {
  baseDir: string;
  env: NodeJS.ProcessEnv;
  onProgress?: ProgressFn;
  /** Tuning of the file scan (src/logs/scan): seeking in ordered files, and parsing every line for exact unreadable counts. */
  scan?: Omit<FileScanOptions, 'onBytes'> & { checkEveryLine?: boolean };
  /** `error`: a source whose lines are mostly unreadable stops the run (exit 2), whatever the source says. */
  onUnreadable?: 'warn' | 'error';
}

/**
 * Counts over every source of a rule file. Files, stdin and URLs are streamed and counted here;
 * PostgreSQL and ClickHouse push the count down (src/logs/stores). Any source that cannot be read
 * is an error naming it (exit 2), so a run never decides on partial data.
 */
export function createCountProvider(sources: Source[], opts: ProviderOptions): CountProvider {
  return {
    async count(query: CountQuery): Promise<CountResult> {
      const chosen = sources.filter((s) => !query.sources || query.sources.includes(s.name));
      const counts = query.levels.map(() => query.windows.map(() => 0));
      const stats: CountResult['stats'] = [];
      const streamed: Map<Level, number[]>[] = [];
      if (query.windows.length === 0 || query.levels.length === 0) return { counts, stats };
      for (const source of chosen) {
        if (source.kind === 'postgres' || source.kind === 'clickhouse') {
          const { countInStore } = await import('./stores/index.js');
          const part = await countInStore(source, { levels: query.levels, windows: query.windows }, opts.env);
          part.forEach((row, i) => row.forEach((n, j) => (counts[i]![j]! += n)));
          stats.push({ source: source.name, linesRead: 0, unreadable: 0 });
          continue;
        }
        const spec: ScanSpec = {
          levels: query.levels,
          fromMs: Math.min(...query.windows.map((w) => w.fromMs)),
          toMs: Math.max(...query.windows.map((w) => w.toMs)),
          checkEveryLine: opts.scan?.checkEveryLine,
        };
        await scanSource(source, spec, opts, (result, sourceStats) => {
          streamed.push(result.times);
          stats.push(sourceStats);
        });
      }
      countWindows(streamed, query.levels, query.windows).forEach((row, i) => row.forEach((n, j) => (counts[i]![j]! += n)));
      return { counts, stats };
    },
  };
}

/**
 * Series counts over every source (SeriesQuery, src/model/series.ts): files, stdin and URLs are read
 * ONCE for all series — each line parsed at most once, every series' filter applied to the parsed
 * entry, entries kept per series and group — then counted per window. Groups are bounded per series
 * (query.groupLimit); the rest are reported in truncatedGroups.
 */
export function createSeriesProvider(sources: Source[], opts: ProviderOptions): SeriesProvider & CountProvider {
  const levels = createCountProvider(sources, opts);
  return {
    count: (query) => levels.count(query),
    async countSeries(query: SeriesQuery): Promise<SeriesResult> {
      const chosen = sources.filter((s) => !query.sources || query.sources.includes(s.name));
      const groupLimit = query.groupLimit ?? DEFAULT_GROUP_LIMIT;
      const stats: SourceStats[] = [];
      const empty = (): SeriesCounts[] =>
        query.series.map((spec) => ({
          groups: spec.groupBy?.length ? [] : [{ key: [], counts: query.windows.map(() => 0) }],
          truncatedGroups: 0,
        }));
      if (query.windows.length === 0 || query.series.length === 0) return { series: empty(), stats };
      const fromStores: SeriesCounts[][] = [];
      const windows = countedWindows(query.windows);
      const spec: ScanSpec = {
        levels: [],
        series: query.series,
        groupLimit,
        fromMs: Math.min(...query.windows.map((w) => w.fromMs)),
        toMs: Math.max(...query.windows.map((w) => w.toMs)),
        ...(windows ? { windows } : {}),
        checkEveryLine: opts.scan?.checkEveryLine,
      };
      const scans: SeriesScan[] = query.series.map((s) => emptySeriesScan(s, windows));
      for (const source of chosen) {
        if (source.kind === 'postgres' || source.kind === 'clickhouse') {
          fromStores.push(await storeSeries(source, query, groupLimit, opts.env));
          stats.push({ source: source.name, linesRead: 0, unreadable: 0 });
          continue;
        }
        await scanSource(source, spec, opts, (result, sourceStats) => {
          mergeSeriesScans(scans, result.series!, groupLimit);
          stats.push(sourceStats);
        });
      }
      const series = scans.map((scan, i) => countScan(scan, query.series[i]!, query.windows));
      for (const part of fromStores) addSeriesCounts(series, part, query.series, groupLimit);
      return { series, stats };
    },
  };
}

async function storeSeries(
  source: PostgresSource | ClickHouseSource,
  query: SeriesQuery,
  groupLimit: number,
  env: NodeJS.ProcessEnv,
): Promise<SeriesCounts[]> {
  const { countSeriesInStore } = await import('./stores/index.js');
  return countSeriesInStore(source, { series: query.series, windows: query.windows, groupLimit }, env);
}

/**
 * Reads one file/stdin/URL source (every file of a glob) with the scan spec, in its format and zone,
 * handing each stream's result and stats to `done`. A source that cannot be read is an error naming
 * it (exit 2); a mostly unreadable one too when on_unreadable (or the run) says `error`.
 */
async function scanSource(
  source: Source,
  spec: ScanSpec,
  opts: ProviderOptions,
  done: (result: ScanResult, stats: SourceStats) => void,
): Promise<void> {
  const format = 'format' in source || 'timezone' in source ? formatSpecOf(source.format, source.timezone) : undefined;
  const sourceSpec: ScanSpec = format ? { ...spec, format } : spec;
  for (const { label, open, path } of await streamsOf(source, opts)) {
    try {
      // The total is known for plain files (a .gz's size is not its decompressed size).
      const bytesTotal = path && !path.endsWith('.gz') && opts.onProgress ? (await stat(path)).size : undefined;
      const onBytes = (n: number) =>
        opts.onProgress?.({ source: label, bytesRead: n, ...(bytesTotal !== undefined ? { bytesTotal } : {}) });
      // Files may be sought in (ordered) and are read by byte ranges; other streams pass through the prefilter.
      const got = path
        ? await scanFile(path, sourceSpec, { ...opts.scan, onBytes })
        : { result: await scanStream(await open(), sourceSpec, onBytes), skippedBytes: 0 };
      const sourceStats = toStats(label, got.result, got.skippedBytes, 'timezone' in source && source.timezone !== undefined);
      done(got.result, sourceStats);
      if (
        sourceStats.mostlyUnreadable &&
        (opts.onUnreadable ?? ('on_unreadable' in source ? source.on_unreadable : undefined)) === 'error'
      ) {
        throw new UserError(unreadableMessage(source.name, sourceStats), { exitCode: EXIT.badInput });
      }
    } catch (err) {
      if (err instanceof UserError) throw err;
      throw new UserError(`log source "${source.name}" (${label}) could not be read: ${errorMessage(err)}`, {
        exitCode: EXIT.badInput,
        cause: err,
      });
    }
  }
}

/** One series' scanned timestamps as counts per group and window. */
function countScan(scan: SeriesScan, spec: SeriesSpec, windows: Window[]): SeriesCounts {
  const grouped = Boolean(spec.groupBy?.length);
  const groups: GroupCounts[] = [];
  for (const [key, ts] of scan.groups) {
    const vals = scan.values?.get(key);
    // Value series: counts and the exact aggregate of the numeric values per window (src/logs/values.ts).
    const got =
      vals && spec.value
        ? valueGroup(ts, vals, windows, spec.value.aggregate)
        : { counts: scan.counted ? ts : countsInWindows(ts, windows) };
    // The contract: a grouped series lists the groups with an entry in some window (not merely in the span).
    // Dropped before their key is parsed: of 100,000 groups in a span, most may have no entry in a window.
    if (grouped && !got.counts.some((n) => n > 0)) continue;
    groups.push({ key: JSON.parse(key) as (string | null)[], ...got });
  }
  if (!grouped && groups.length === 0)
    groups.push({ key: [], counts: windows.map(() => 0), ...(spec.value ? { values: windows.map(() => null), skippedValues: 0 } : {}) });
  return { groups, truncatedGroups: scan.dropped.size + scan.droppedOverflow };
}

/** Adds a store's series counts into the file sources' (groups matched by key; new groups within the limit). */
function addSeriesCounts(into: SeriesCounts[], part: SeriesCounts[], specs: SeriesSpec[], groupLimit: number): void {
  part.forEach((p, i) => {
    const target = into[i]!;
    const byKey = new Map(target.groups.map((g) => [JSON.stringify(g.key), g]));
    for (const g of p.groups) {
      const have = byKey.get(JSON.stringify(g.key));
      if (have && specs[i]!.value) {
        if (have.values?.some((v) => v !== null) && g.values?.some((v) => v !== null))
          throw new UserError(
            'a value rule cannot combine file and database sources (an aggregate such as p95 is not additive); give it sources: of one kind',
            { exitCode: EXIT.badInput },
          );
        if (g.values?.some((v) => v !== null)) have.values = [...g.values];
        have.skippedValues = (have.skippedValues ?? 0) + (g.skippedValues ?? 0);
      }
      if (have) have.counts = have.counts.map((n, j) => n + (g.counts[j] ?? 0));
      else if (specs[i]!.groupBy?.length && target.groups.length >= groupLimit) target.truncatedGroups++;
      else {
        target.groups.push({ ...g, counts: [...g.counts] });
        byKey.set(JSON.stringify(g.key), target.groups.at(-1)!);
      }
    }
    target.truncatedGroups += p.truncatedGroups;
  });
}

interface Stream {
  label: string;
  open: () => Promise<Readable>;
  /** Set for files, which are scanned by path (seekable). */
  path?: string;
}

async function streamsOf(source: Source, opts: ProviderOptions): Promise<Stream[]> {
  if (source.kind === 'stdin') return [{ label: 'stdin', open: () => Promise.resolve(process.stdin) }];
  if ('url' in source) {
    const token = source.token_env ? opts.env[source.token_env] : undefined;
    if (source.token_env && !token)
      throw new UserError(`log source "${source.name}": env ${source.token_env} is not set`, { exitCode: EXIT.badInput });
    return [{ label: redactUrl(source.url), open: () => openUrl(source.url, token, opts.env) }];
  }
  if ('path' in source) {
    const paths = await expandPath(isAbsolute(source.path) ? source.path : join(opts.baseDir, source.path));
    if (paths.length === 0) throw new UserError(`log source "${source.name}": no file matches ${source.path}`, { exitCode: EXIT.badInput });
    return paths.map((p) => ({ label: p, path: p, open: () => Promise.resolve(openFile(p)) }));
  }
  throw new UserError(`log source "${(source as { name: string }).name}" has an unsupported kind`, { exitCode: EXIT.badInput });
}

/** A path, or a pattern with * and ? in its last segment (logs/*.log, logs/app-*.log.gz). */
async function expandPath(path: string): Promise<string[]> {
  const name = basename(path);
  if (!/[*?]/.test(name)) return [path];
  if (/[*?]/.test(dirname(path)))
    throw new UserError(`wildcards are supported in the file name only: ${path}`, { exitCode: EXIT.badInput });
  const re = new RegExp(
    `^${name
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '[^/]*')
      .replace(/\?/g, '[^/]')}$`,
  );
  let names: string[];
  try {
    names = await readdir(dirname(path));
  } catch (err) {
    throw new UserError(`cannot list ${dirname(path)}: ${errorMessage(err)}`, { exitCode: EXIT.badInput, cause: err });
  }
  return names
    .filter((n) => re.test(n))
    .sort()
    .map((n) => join(dirname(path), n));
}

/**
 * Streams a URL (never downloaded whole) through the toolkit's outbound HTTP helper (proxy from the
 * environment; 30 s for the answer, then 30 s at most without a byte); a body cut short surfaces as
 * an error, not as fewer lines.
 */
async function openUrl(url: string, token: string | undefined, env: NodeJS.ProcessEnv): Promise<Readable> {
  const res = await requestStream(new URL(url), { headers: token ? { authorization: `Bearer ${token}` } : {}, timeoutMs: 30_000, env });
  if (res.status < 200 || res.status >= 300) {
    res.body.resume();
    throw new Error(`HTTP ${res.status}`);
  }
  if (!url.split('?')[0]!.endsWith('.gz')) return res.body;
  const gunzip = createGunzip();
  res.body.on('error', (err) => gunzip.destroy(err));
  return res.body.pipe(gunzip);
}
