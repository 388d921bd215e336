import type { Level } from '../../model/levels.js';
import type { Window } from '../../model/window.js';
import type { PostgresSource } from '../../rules/schema.js';
/**
 * One query for all levels × windows: rows in (first edge, last edge] are grouped
 * by level and by the edge cell they fall in (width_bucket over the negated edges
 * gives the exclusive-start / inclusive-end cells exactly, even for microsecond
 * timestamps); the time range predicate uses the index on the timestamp column.
 */
export declare function countPostgres(source: PostgresSource, url: string, query: {
    levels: Level[];
    windows: Window[];
}): Promise<number[][]>;
