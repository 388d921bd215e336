import type { Filter, FilterOp } from './series.js';
/**
 * The field filters of src/model/series.ts as executable code: the file/stdin/URL scan and the rule
 * loader use these, so a rule means the same thing wherever it is checked. (The test oracle has its
 * own literal copy; the stores translate the same rules into SQL.)
 */
/** Operator spellings accepted in rule files besides the names themselves. */
export declare const FILTER_OP_ALIASES: Readonly<Record<string, FilterOp>>;
export declare function filterOpNamed(op: string): FilterOp | undefined;
export declare const NUMERIC_OPS: readonly FilterOp[];
/** A string that reads as a number for gt/gte/lt/lte: an optional minus, digits, an optional fraction. */
export declare const NUMERIC_STRING: RegExp;
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
/** The string form of a value (series.ts): strings as is, numbers as JSON writes them, booleans; else none. */
export declare function stringForm(v: unknown): string | undefined;
/** The numeric reading of a value for gt/gte/lt/lte, or undefined. */
export declare function numericForm(v: unknown): number | undefined;
/** A filter as a predicate over parsed entries (regexes compiled once). */
export declare function compileFilter(filter: Filter): (entry: FieldSource) => boolean;
/** All filters as one predicate. */
export declare function compileWhere(where: readonly Filter[]): (entry: FieldSource) => boolean;
/** A group's value of one group_by field: its string form, or null (missing, null, object, array). */
export declare function groupValue(entry: FieldSource, path: string): string | null;
