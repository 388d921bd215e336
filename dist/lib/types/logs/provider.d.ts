import type { Source } from '../rules/schema.js';
import type { CountProvider, ProgressFn } from '../model/count.js';
import { type SeriesProvider } from '../model/series.js';
import { type FileScanOptions } from './scan/scan-source.js';
interface ProviderOptions {
    baseDir: string;
    env: NodeJS.ProcessEnv;
    onProgress?: ProgressFn;
    /** Tuning of the file scan (src/logs/scan): seeking in ordered files, and parsing every line for exact unreadable counts. */
    scan?: Omit<FileScanOptions, 'onBytes'> & {
        checkEveryLine?: boolean;
    };
    /** `error`: a source whose lines are mostly unreadable stops the run (exit 2), whatever the source says. */
    onUnreadable?: 'warn' | 'error';
}
/**
 * Counts over every source of a rule file. Files, stdin and URLs are streamed and counted here;
 * PostgreSQL and ClickHouse push the count down (src/logs/stores). Any source that cannot be read
 * is an error naming it (exit 2), so a run never decides on partial data.
 */
export declare function createCountProvider(sources: Source[], opts: ProviderOptions): CountProvider;
/**
 * Series counts over every source (SeriesQuery, src/model/series.ts): files, stdin and URLs are read
 * ONCE for all series — each line parsed at most once, every series' filter applied to the parsed
 * entry, entries kept per series and group — then counted per window. Groups are bounded per series
 * (query.groupLimit); the rest are reported in truncatedGroups.
 */
export declare function createSeriesProvider(sources: Source[], opts: ProviderOptions): SeriesProvider & CountProvider;
export {};
