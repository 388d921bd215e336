import type { FileHandle } from 'node:fs/promises';
import type { LogRecord } from '../formats.js';
/**
 * "Ordered", precisely: a file is ordered within a slack S when every readable line's timestamp is at
 * least the largest timestamp of the readable lines before it minus S. Lines appended by a few
 * processes that flush a little out of turn stay ordered; a file concatenated from rotated parts in the
 * wrong order, or shuffled, does not.
 *
 * If a file is ordered, every line with a timestamp after `fromMs` sits after any readable line R with
 * ts(R) <= fromMs - S (a line X before R has ts(X) <= ts(R) + S <= fromMs), so reading from R onward
 * counts exactly what a full scan counts. findStart looks for such an R by binary search on byte
 * offsets; it first probes evenly spaced offsets and gives up (full scan) when the probes already break
 * the rule.
 */
export interface Probe {
    /** Byte offset where the readable line starts. */
    start: number;
    ts: number;
}
/** The first readable line starting after `offset` (at it, when offset is 0), or null within the budget. */
export declare function probeAt(fh: FileHandle, size: number, offset: number, parseLine: (text: string) => LogRecord | undefined): Promise<Probe | null>;
export interface StartPoint {
    /** Where to start reading: every entry after fromMs is at or after it, if the file is ordered. */
    offset: number;
    /** Largest timestamp seen by the probes before `offset` (the tail scan checks order from there). */
    maxTsBefore: number;
}
/**
 * Where a read for entries after `fromMs` can start, or null when the probes show the file is not
 * ordered within `slackMs` (or cannot tell), in which case the caller scans it whole.
 */
export declare function findStart(fh: FileHandle, size: number, fromMs: number, slackMs: number, closeEnough?: number, parseLine?: (text: string) => LogRecord | undefined): Promise<StartPoint | null>;
