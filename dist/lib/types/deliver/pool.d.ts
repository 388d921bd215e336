/** Runs tasks with at most `limit` in flight; a slow task holds one slot, never the others. */
export declare function runPool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]>;
export interface KeyedTask<T> {
    /** What the task talks to (a receiver's host, the SMTP server, the API): at most `perKey` of one key run at once. */
    key: string;
    run: () => Promise<T>;
}
/**
 * Runs tasks with at most `limit` in flight overall and at most `perKey` per key, so one slow receiver
 * holds at most `perKey` slots and the others keep going. Keys take turns (round robin); within a key,
 * tasks start in the order given. Results are aligned with `tasks`. A task that throws rejects the
 * whole run (delivery tasks report failures as outcomes instead).
 */
export declare function runKeyedPool<T>(tasks: KeyedTask<T>[], limit: number, perKey: number): Promise<T[]>;
