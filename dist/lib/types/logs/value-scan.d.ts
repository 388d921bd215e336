import type { SeriesCounts, SeriesQuery } from '../model/series.js';
import type { Source } from '../rules/schema.js';
import { type ProviderOptions } from './provider.js';
/**
 * Value series (value rules, issue 15) from every source, in one read per source for all value series:
 * files, stdin and URLs line by line (the default JSON/logfmt line formats), PostgreSQL and ClickHouse
 * pushed down (src/logs/stores, the same exact aggregates). Counts and groups follow the series
 * contract (src/model/series.ts); a value series' `values` are the exact aggregates of
 * src/model/aggregate.ts. Used by the evaluator for value rules until the one-pass provider carries values.
 */
export declare function valueSeries(sources: Source[], query: SeriesQuery, opts: ProviderOptions): Promise<SeriesCounts[]>;
/** A field of an entry: the top-level key when present, else the dotted path into nested objects. */
export declare function fieldAt(fields: Record<string, unknown>, path: string): unknown;
