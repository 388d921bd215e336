import { BlockScanner, type ScanResult, type ScanSpec } from './block-scanner.js';
/** Bytes [start, end) of a plain file, a chunk at a time, so memory stays flat; `start` must be a line start. */
export declare function scanRange(path: string, start: number, end: number, spec: ScanSpec, onBytes?: (n: number) => void, scanner?: BlockScanner): Promise<ScanResult>;
