import type { Level } from '../../model/levels.js';
import type { SeriesCounts, SeriesQuery } from '../../model/series.js';
import type { Window } from '../../model/window.js';
import type { ClickHouseSource, PostgresSource } from '../../rules/schema.js';
/**
 * Database log sources: the count is pushed down to the store in ONE query per
 * call. result[i][j] = entries at levels[i] with timestamp in
 * (windows[j].fromMs, windows[j].toMs] (exclusive start, inclusive end).
 * Every failure (unset env var, unreachable store, bad credentials, missing
 * table/column, timeout) is a UserError naming the source, exit code 2.
 */
export declare function countInStore(source: PostgresSource | ClickHouseSource, query: {
    levels: Level[];
    windows: Window[];
}, env: NodeJS.ProcessEnv): Promise<number[][]>;
/**
 * The series contract (src/model/series.ts) pushed down: filters, level sets, group-by and exact
 * value aggregates for every series × window in ONE query to the store. result[i] answers
 * query.series[i]; `query.sources` is the caller's business (this is one source). Fields are read
 * from the source's `columns`, `message_column` and `fields_column` (docs/stores.md); a field the
 * source cannot provide exactly is an error naming the source and the field (exit 2).
 */
export declare function countSeriesInStore(source: PostgresSource | ClickHouseSource, query: SeriesQuery, env: NodeJS.ProcessEnv): Promise<SeriesCounts[]>;
