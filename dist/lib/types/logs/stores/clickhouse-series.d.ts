import type { SeriesCounts, SeriesQuery } from '../../model/series.js';
import type { ClickHouseSource } from '../../rules/schema.js';
export declare function seriesClickHouse(source: ClickHouseSource, url: string, query: SeriesQuery, groupLimit: number): Promise<SeriesCounts[]>;
