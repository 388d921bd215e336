import { readdir, stat } from 'node:fs/promises';
import { get as httpGet, type IncomingMessage } from 'node:http';
import { get as httpsGet } from 'node:https';
import { basename, dirname, isAbsolute, join } from 'node:path';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { Source } from '../rules/schema.js';
import type { CountProvider, CountQuery, CountResult, ProgressFn } from '../model/count.js';
import { formatSpecOf } from './formats-source.js';
import { unreadableMessage } from './formats-report.js';
import { UserError, errorMessage } from '../util/errors.js';
import { countWindows } from './file-counts.js';
import { openFile } from './log-file.js';
import type { Level } from '../model/levels.js';
import { toStats, type ScanSpec } from './scan/block-scanner.js';
import { scanFile, scanStream, type FileScanOptions } from './scan/scan-source.js';

export interface ProviderOptions {
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
        const format = 'format' in source || 'timezone' in source ? formatSpecOf(source.format, source.timezone) : undefined;
        const sourceSpec: ScanSpec = format ? { ...spec, format } : spec;
        for (const { label, open, path } of await streamsOf(source, opts)) {
          try {
            // The total is known for plain files (a .gz's size is not its decompressed size).
            const bytesTotal = path && !path.endsWith('.gz') && opts.onProgress ? (await stat(path)).size : undefined;
            const onBytes = (n: number) => opts.onProgress?.({ source: label, bytesRead: n, ...(bytesTotal !== undefined ? { bytesTotal } : {}) });
            // Files may be sought in (ordered) and are read by byte ranges; other streams pass through the prefilter.
            const got = path
              ? await scanFile(path, sourceSpec, { ...opts.scan, onBytes })
              : { result: await scanStream(await open(), sourceSpec, onBytes), skippedBytes: 0 };
            streamed.push(got.result.times);
            const sourceStats = toStats(label, got.result, got.skippedBytes, 'timezone' in source && source.timezone !== undefined);
            stats.push(sourceStats);
            if (sourceStats.mostlyUnreadable && (opts.onUnreadable ?? ('on_unreadable' in source ? source.on_unreadable : undefined)) === 'error') {
              throw new UserError(unreadableMessage(source.name, sourceStats), { exitCode: 2 });
            }
          } catch (err) {
            if (err instanceof UserError) throw err;
            throw new UserError(`log source "${source.name}" (${label}) could not be read: ${errorMessage(err)}`, { exitCode: 2, cause: err });
          }
        }
      }
      countWindows(streamed, query.levels, query.windows).forEach((row, i) => row.forEach((n, j) => (counts[i]![j]! += n)));
      return { counts, stats };
    },
  };
}

interface Stream {
  label: string;
  open: () => Promise<Readable>;
  /** Set for files, which are scanned by path (seekable). */
  path?: string;
}

export async function streamsOf(source: Source, opts: ProviderOptions): Promise<Stream[]> {
  if (source.kind === 'stdin') return [{ label: 'stdin', open: async () => process.stdin }];
  if ('url' in source) {
    const token = source.token_env ? opts.env[source.token_env] : undefined;
    if (source.token_env && !token) throw new UserError(`log source "${source.name}": env ${source.token_env} is not set`, { exitCode: 2 });
    return [{ label: source.url, open: () => openUrl(source.url, token) }];
  }
  if ('path' in source) {
    const paths = await expandPath(isAbsolute(source.path) ? source.path : join(opts.baseDir, source.path));
    if (paths.length === 0) throw new UserError(`log source "${source.name}": no file matches ${source.path}`, { exitCode: 2 });
    return paths.map((p) => ({ label: p, path: p, open: async () => openFile(p) }));
  }
  throw new UserError(`log source "${(source as { name: string }).name}" has an unsupported kind`, { exitCode: 2 });
}

/** A path, or a pattern with * and ? in its last segment (logs/*.log, logs/app-*.log.gz). */
async function expandPath(path: string): Promise<string[]> {
  const name = basename(path);
  if (!/[*?]/.test(name)) return [path];
  if (/[*?]/.test(dirname(path))) throw new UserError(`wildcards are supported in the file name only: ${path}`, { exitCode: 2 });
  const re = new RegExp(`^${name.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);
  let names: string[];
  try {
    names = await readdir(dirname(path));
  } catch (err) {
    throw new UserError(`cannot list ${dirname(path)}: ${errorMessage(err)}`, { exitCode: 2, cause: err });
  }
  return names.filter((n) => re.test(n)).sort().map((n) => join(dirname(path), n));
}

/** Streams a URL (never downloaded whole); a body cut short surfaces as an error, not as fewer lines. */
function openUrl(url: string, token: string | undefined): Promise<Readable> {
  return new Promise((resolve, reject) => {
    const get = url.startsWith('https:') ? httpsGet : httpGet;
    const req = get(url, { headers: token ? { authorization: `Bearer ${token}` } : {}, timeout: 30_000 }, (res: IncomingMessage) => {
      if ((res.statusCode ?? 0) < 200 || (res.statusCode ?? 0) >= 300) {
        res.resume();
        reject(new Error(`HTTP ${res.statusCode}`));
        return;
      }
      res.on('aborted', () => res.destroy(new Error('connection closed before the body ended')));
      if (url.split('?')[0]!.endsWith('.gz')) {
        const gunzip = createGunzip();
        res.on('error', (err) => gunzip.destroy(err));
        resolve(res.pipe(gunzip));
      } else resolve(res);
    });
    req.on('timeout', () => req.destroy(new Error('no answer within 30 s')));
    req.on('error', reject);
  });
}
