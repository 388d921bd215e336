import type { SeriesCounts, SeriesQuery } from '../../model/series.js';
import type { ClickHouseSource } from '../../rules/schema.js';
import { type Plan } from './plan.js';
export declare const AMBIGUOUS_KEY = "apialerts: nested key before top-level key";
export declare function seriesClickHouse(source: ClickHouseSource, url: string, query: SeriesQuery, groupLimit: number): Promise<SeriesCounts[]>;
export declare function buildSql(source: ClickHouseSource, plan: Plan, columns: Map<string, string>, tsType: string, first: number, last: number, origin: number, step: number): string;
