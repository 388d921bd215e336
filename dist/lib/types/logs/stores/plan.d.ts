import type { Level } from '../../model/levels.js';
import type { Aggregate, Filter, Scalar, SeriesCounts, SeriesQuery, SeriesSpec } from '../../model/series.js';
import { type Window } from '../../model/window.js';
import type { ClickHouseSource, PostgresSource } from '../../rules/schema.js';
/**
 * The dialect-free half of the series pushdown (src/model/series.ts): where each field lives in the
 * table, which series take the cheap path, and how the rows the store returns per (series, group,
 * cell) become counts and exact aggregates per window. The SQL is written by postgres-series.ts and
 * clickhouse-series.ts. docs/stores.md describes the table layouts.
 */
type StoreSource = PostgresSource | ClickHouseSource;
/** Where a rule's field is read from. */
export interface FieldRef {
    /** The name the rule uses. */
    field: string;
    kind: 'column' | 'json';
    /** The (validated) column: the field's own column, or the fields_column holding JSON. */
    column: string;
    /** json: the path (a top-level key equal to `field` wins over the nested path, as in files). */
    path: string[];
}
/** Errors about a source's fields; the caller adds the source's name. */
export declare class FieldError extends Error {
}
export interface PlannedSeries {
    index: number;
    spec: SeriesSpec;
    levels: Level[];
    where: {
        filter: Filter;
        field: number;
    }[];
    groupBy: number[];
    value?: {
        field: number;
        aggregate: Aggregate;
        histogram: boolean;
    };
    /** Ungrouped and no value: one count per cell is all it needs (conditional aggregation). */
    simple: boolean;
}
export interface Plan {
    series: PlannedSeries[];
    /** Distinct fields, referenced by index from the series. */
    fields: FieldRef[];
    /** Every level any series asks for (the row prefilter). */
    levels: Level[];
}
export declare function planQuery(source: StoreSource, query: SeriesQuery): Plan;
/**
 * A series' filters, cheapest first (exists; equality and numeric comparisons; contains; matches).
 * AND is commutative, so the order never changes a count; PostgreSQL stops at the first false
 * operand, and on ClickHouse the costly ones run only over the rows the cheap ones let through
 * (clickhouse-series.ts), so a rule's regex is evaluated on as few rows as its other filters allow.
 */
export declare function byCost<T extends {
    filter: Filter;
}>(where: readonly T[]): T[];
/** The canonical JavaScript string form of a number-looking string, when it is one (else undefined). */
export declare function canonicalNumber(s: string): number | undefined;
/** The string form of a filter's value (series.ts). */
export declare const scalarString: (v: Scalar) => string;
/** For string filters: which boolean string forms satisfy `test`. */
export declare const booleansWhere: (test: (s: string) => boolean) => string[];
/** A row of the general path: one (series, group, cell[, histogram value]). */
export interface GeneralRow {
    s: number;
    /** The group key, decoded to string forms (null: no string form). */
    key: (string | null)[];
    cell: number;
    /** Histogram series: the value this row counts (null: the row's entries had no numeric value). */
    hv: number | null;
    n: number;
    nv: number;
    vmin: number | null;
    vmax: number | null;
    lts: number | null;
    lv: number | null;
}
/**
 * Assembles the answer. `cellOf(edge)` is the index of the cell that ends at a window edge, so a
 * window (from, to] is the cells k with cellOf(from) < k <= cellOf(to). `simpleRows` carry per cell
 * the counts of the simple series, in plan order.
 */
export declare function assemble(plan: Plan, windows: Window[], cellOf: (edgeMs: number) => number, simpleRows: {
    cell: number;
    counts: number[];
}[], generalRows: GeneralRow[], groupLimit: number): SeriesCounts[];
/** A JSON group-key element as its string form (series.ts): strings, numbers as JSON writes them, booleans; else null. */
export declare function keyForm(v: unknown): string | null;
export {};
