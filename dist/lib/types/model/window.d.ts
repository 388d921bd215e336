/** A half-open-at-the-start window (from, to] in epoch ms: entries with from < ts <= to count. */
export interface Window {
    fromMs: number;
    toMs: number;
}
/** The window a rule counts at tick t: (t − window, t]. */
export declare function windowAt(tickMs: number, windowMinutes: number): Window;
/** Entries of an ascending timestamp array in (from, to], by two binary searches. */
export declare function countInWindow(sorted: ArrayLike<number>, window: Window): number;
/**
 * Entries of `ts` (any order) in each window. A scan answers one tick, or a few, far more often than a
 * catch-up's many: those are counted in one pass, without the sorted copy (8 bytes an entry) and the sort.
 */
export declare function countsInWindows(ts: ArrayLike<number>, windows: readonly Window[]): number[];
/** Index of the first element greater than x in an ascending array. */
export declare function upperBound(sorted: ArrayLike<number>, x: number): number;
