import { createClient } from '@clickhouse/client';
import type { Level } from '../../model/levels.js';
import type { Window } from '../../model/window.js';
import type { ClickHouseSource } from '../../rules/schema.js';
/**
 * ClickHouse 18.16 (Debian's) has no `{name:Type}` query parameters and no
 * DateTime64, so the count query carries only validated, quoted identifiers and
 * integer literals. All window edges lie on a grid (origin, step = gcd of their
 * offsets; minute-aligned ticks give a one-minute step), so a row's cell is plain
 * integer arithmetic and one GROUP BY (level, cell) answers every window.
 */
export declare function countClickHouse(source: ClickHouseSource, url: string, query: {
    levels: Level[];
    windows: Window[];
}): Promise<number[][]>;
type Client = ReturnType<typeof createClient>;
/** Column name → type of the table (throws when the table does not exist). */
export declare function tableColumns(client: Client, schema: string | undefined, table: string): Promise<Map<string, string>>;
export declare function timeExpressions(type: string, ts: string, first: number, last: number, column: string): {
    ms: string;
    range: string;
};
export {};
