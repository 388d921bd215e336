import type { Readable } from 'node:stream';
import { BlockScanner, type ScanResult, type ScanSpec } from './block-scanner.js';
export interface FileScanOptions {
    /** Plain files smaller than this are scanned whole without probing (default 8 MiB). */
    seekMinBytes?: number;
    /**
     * Files smaller than this (compressed size / 8 for .gz) have every line parsed, so `unreadable` is
     * exact for them at little cost; larger ones go through the prefilter (default 16 MiB).
     */
    checkEveryLineBelowBytes?: number;
    /** How far back in time a line may be from the latest before it, in an "ordered" file (default 60 s). */
    slackMs?: number;
    /** The binary search stops this close to the best start point (default 256 KiB; tests use 1 to land on the line). */
    seekPrecisionBytes?: number;
    /**
     * Threads for a full scan of a large plain file (default: up to 2 when the host allows workers —
     * the CLI does; see parallel.ts). Setting it opts in to worker threads.
     */
    threads?: number;
    /** Plain files (or heads) smaller than this are scanned on the calling thread (default 64 MiB). */
    parallelMinBytes?: number;
    onBytes?: (n: number) => void;
}
interface FileScan {
    result: ScanResult;
    /** Bytes before the start point that were not read (0 for a full scan). */
    skippedBytes: number;
}
/** Any stream (stdin, a URL, a .gz file): every line passes through the prefilter. */
export declare function scanStream(input: Readable, spec: ScanSpec, onBytes?: (n: number) => void, scanner?: BlockScanner): Promise<ScanResult>;
/**
 * A file. Small files (below checkEveryLineBelowBytes) have every line parsed, so their stats are
 * exact; .gz files are streamed. A plain file of at least seekMinBytes is probed for time order
 * (order.ts); when ordered, only the part from the first possible window entry is read, checking on
 * the way that the parsed lines keep the order — if they do not, the skipped head is read too, so
 * the result is then exactly a full scan's. Full scans of large files run on worker threads.
 */
export declare function scanFile(path: string, wanted: ScanSpec, opts?: FileScanOptions): Promise<FileScan>;
export {};
