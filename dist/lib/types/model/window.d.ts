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
 * Up to this many windows are counted entry by entry (addToWindows: a loop over the windows per
 * entry); more, by sorting the timestamps once.
 */
export declare const LINEAR_WINDOWS = 8;
/** Adds one to counts[j] for each window j (its bounds in from[j], to[j]) that holds t: from < t <= to. */
export declare function addToWindows(counts: number[], t: number, from: readonly number[], to: readonly number[]): void;
/**
 * Entries of `ts` (any order) in each window. A scan answers one tick, or a few, far more often than a
 * catch-up's many: those are counted in one pass, without the sorted copy (8 bytes an entry) and the sort.
 */
export declare function countsInWindows(ts: ArrayLike<number>, windows: readonly Window[]): number[];
/** Index of the first element greater than x in an ascending array. */
export declare function upperBound(sorted: ArrayLike<number>, x: number): number;
