import { type ScanResult, type ScanSpec } from './block-scanner.js';
/**
 * Byte ranges [start, end) covering [from, to), cut just after a \n so every range starts a line.
 * A range boundary that falls in a line over the search budget is moved to the next range's end.
 */
export declare function splitAtLines(path: string, from: number, to: number, parts: number): Promise<[number, number][]>;
/**
 * Scans [from, to) of a plain file on `threads` threads: the calling thread (it would only wait
 * otherwise) and threads − 1 workers take ranges from one queue, so a worker's start-up or a busy
 * core evens out; the results are merged in file order.
 */
export declare function scanParallel(path: string, from: number, to: number, spec: ScanSpec, threads: number, onBytes?: (n: number) => void): Promise<ScanResult>;
