import type { Filter, FilterOp } from './series.js';
export declare function filterOpNamed(op: string): FilterOp | undefined;
export declare const NUMERIC_OPS: readonly FilterOp[];
/**
 * Why a `matches` pattern is outside the portable subset (JavaScript, PostgreSQL ARE and ClickHouse
 * re2 agree on it), or undefined when it is fine: it must compile, and may not use look-around,
 * backreferences, named or flagged groups (`(?` other than `(?:`), or \p{…} classes.
 */
export declare function regexProblem(pattern: string): string | undefined;
/** The parsed entry a filter looks at (src/logs/formats.ts LogRecord). */
export interface FieldSource {
    fields: Record<string, unknown>;
    message?: string;
}
/** The value at `path`: `message` is the format's message; a top-level key wins over a nested path. */
export declare function fieldValue(entry: FieldSource, path: string): unknown;
/**
 * The literal text every match of an anchored pattern starts with ("/api/orders/" of
 * "^/api/orders/\\d+"), or "" when there is none to rely on: a cheap startsWith turns most
 * non-matching values away before the regex runs. `whole`: the pattern is that prefix and nothing
 * more, so startsWith alone decides.
 */
export declare function literalPrefix(pattern: string): {
    prefix: string;
    whole: boolean;
};
/**
 * Many filters judged on the same entries (a scan of many rules): each at most once per entry, lazily,
 * and the filters of one field share the reading of its value (its string and numeric forms made
 * when first needed). The equalities of a field are judged together by one Map lookup however many
 * values they name, its numeric comparisons together in one loop, its anchored regexes together by
 * their literal prefixes; other operators one by one, when asked. (200 rules judged one filter at a
 * time cost ~5 µs an error entry of the reference data, most of it the per-filter machinery.)
 * Call reset() before each entry, then holds() for the filters wanted (ids: places in the list given).
 */
export declare class FilterSet {
    private readonly groups;
    /** Per filter: its field's place in `groups`, how it is judged, its test when judged alone. */
    private readonly groupOf;
    private readonly kind;
    private readonly tests;
    /** The current entry's number: a filter or field marked with another one is not judged or read yet for it. */
    private entry;
    private readonly judgedAt;
    /** Per filter, for the entry it was judged at: 1 holds, 2 does not. */
    private readonly result;
    /** Per field: the entry it was read at and its value then; its string form once made (stringAt). */
    private readonly readAt;
    private readonly values;
    private readonly stringAt;
    private readonly strings;
    constructor(filters: readonly Filter[]);
    /** A new entry: no filter judged, no field read yet. */
    reset(): void;
    holds(id: number, entry: FieldSource): boolean;
    private judge;
}
/** All filters as one predicate. */
export declare function compileWhere(where: readonly Filter[]): (entry: FieldSource) => boolean;
/** A group's value of one group_by field: its string form, or null (missing, null, object, array). */
export declare function groupValue(entry: FieldSource, path: string): string | null;
