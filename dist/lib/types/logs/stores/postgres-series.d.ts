import type { SeriesCounts, SeriesQuery } from '../../model/series.js';
import type { PostgresSource } from '../../rules/schema.js';
import { type Plan } from './plan.js';
/** How a field is stored: jsonb (a fields_column path, or a column of another type through to_jsonb), or a plain typed column. */
export type PgFieldKind = 'jsonb' | 'string' | 'number' | 'boolean';
/** A column type (format_type) → how its values read: text types as strings, number types as numbers, boolean; else through jsonb. */
export declare function pgColumnKind(type: string): PgFieldKind;
export declare function seriesPostgres(source: PostgresSource, url: string, query: SeriesQuery, groupLimit: number): Promise<SeriesCounts[]>;
export declare function buildSql(source: PostgresSource, plan: Plan, edges: number[], kinds: Map<string, PgFieldKind>): {
    sql: string;
    params: unknown[];
};
