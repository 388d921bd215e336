import { Worker } from 'node:worker_threads';
/** This thread is a scan worker: the entry it re-ran routes it to the scan module (parallel.ts). */
export declare const isScanWorker: () => boolean;
/**
 * A worker re-runs the entry bundle, so only an entry that is safe to re-run in a worker may allow
 * it: the CLI and the evaluate action do (a worker goes straight to the scan module there). A library
 * user opts in by passing `scan.threads`.
 */
export declare function allowScanWorkers(): void;
/** Worker threads can be used: the host allows them (or the caller asked explicitly), there is a bundle, and a second core. */
export declare const canUseWorkers: (explicit?: boolean) => boolean;
/** Threads a large file's full scan uses unless told otherwise: this one and one worker, given a second core. */
export declare const defaultScanThreads: () => number;
/**
 * The bundle this module was built into: its entry file, also when this code sits in one of the
 * chunks ncc splits off (`<id>.index.js` next to `index.js`). From the .ts sources (tests) there is
 * none to start.
 */
export declare function workerUrl(): URL | undefined;
/** A scan worker and whether its thread is running yet (its 'online' event fires once). */
export interface ScanWorker {
    worker: Worker;
    online: boolean;
}
/** Keeps a worker for the next scan. One that fails or exits while idle is dropped (its error goes nowhere else). */
export declare function parkScanWorker(w: ScanWorker): void;
/**
 * Starts the workers a full scan would use (defaultScanThreads), when workers are allowed, so that
 * their threads are up when the scan begins instead of ~50 ms into it. Unused, they cost a core's
 * start-up time and are discarded at exit.
 */
export declare function prestartScanWorkers(): void;
/** The workers waiting for a scan (for tests). */
export declare const idleScanWorkers: () => readonly ScanWorker[];
/** An idle worker, else a new one; referenced again, with no listeners of the pool left on it. */
export declare function takeScanWorker(url: URL): ScanWorker;
