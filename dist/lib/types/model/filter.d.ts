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
/** All filters as one predicate. */
export declare function compileWhere(where: readonly Filter[]): (entry: FieldSource) => boolean;
/** A group's value of one group_by field: its string form, or null (missing, null, object, array). */
export declare function groupValue(entry: FieldSource, path: string): string | null;
