import type { SeriesCounts, SeriesQuery } from '../../model/series.js';
import type { PostgresSource } from '../../rules/schema.js';
export declare function seriesPostgres(source: PostgresSource, url: string, query: SeriesQuery, groupLimit: number): Promise<SeriesCounts[]>;
