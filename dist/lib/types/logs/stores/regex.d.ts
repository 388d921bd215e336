type RegexDialect = 'postgres' | 'clickhouse';
/** A filter's pattern for the store; a pattern without an exact form is an error naming the field. */
export declare function storeRegex(filter: {
    field: string;
    value?: unknown;
}, dialect: RegexDialect): string;
/** The pattern rewritten for the store; throws an Error saying why when it has no exact form. */
export declare function translateRegex(pattern: string, _dialect: RegexDialect): string;
export {};
