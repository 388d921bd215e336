/** Throws when `name` is not a plain identifier; returns it unchanged otherwise. */
export declare function checkIdent(name: string, what: string): string;
/** Splits `schema.table` / `table` and validates each part. */
export declare function splitTable(table: string): {
    schema?: string;
    name: string;
};
/** PostgreSQL: double quotes (a validated identifier has none to escape). */
export declare function pgIdent(name: string, what?: string): string;
/** ClickHouse: back quotes (a validated identifier has none to escape). */
export declare function chIdent(name: string, what?: string): string;
/** An integer that is safe to write into SQL text as a literal. */
export declare function intLiteral(n: number, what: string): string;
/**
 * ClickHouse has no query parameters on 18.16 (Debian's; `{name:Type}` arrived in 19.x), so a value
 * from a rule file (a filter's string, a pattern, a JSON key) is written as a string literal: every
 * backslash and quote escaped, every control character and DEL as \xHH, everything else (UTF-8)
 * as is. The result cannot end the literal early: test/stores/literals.test.ts round-trips hostile
 * strings through the server.
 */
export declare function chString(value: string): string;
/**
 * A finite number as a ClickHouse Float64 that is exactly the same double: its IEEE-754 bits as an
 * integer, reinterpreted (18.16's float parser is not correctly rounded — toFloat64('2.897') is
 * 2.8970000000000002 — so a decimal literal would not do).
 */
export declare function chFloat(n: number, what: string): string;
