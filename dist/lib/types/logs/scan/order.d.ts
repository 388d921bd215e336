import type { FileHandle } from 'node:fs/promises';
import type { LogRecord } from '../formats.js';
interface StartPoint {
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
export {};
