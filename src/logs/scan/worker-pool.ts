import { availableParallelism } from 'node:os';
import { Worker, isMainThread, workerData } from 'node:worker_threads';

/**
 * The scan's worker threads (parallel.ts): which entry may start them, and the idle ones kept for the
 * next scan. Kept apart from the scan itself so that an entry can start its workers before it loads
 * anything else: the CLI starts them while its commands load and the rule file is read.
 */

/** What a scan worker is started with: the entry bundle it re-runs routes it to the scan module. */
interface WorkerSetup {
  apialertsScanWorker: true;
}

/** This thread is a scan worker: the entry it re-ran routes it to the scan module (parallel.ts). */
export const isScanWorker = (): boolean => !isMainThread && (workerData as Partial<WorkerSetup> | null)?.apialertsScanWorker === true;

let hostAllowsWorkers = false;

/**
 * A worker re-runs the entry bundle, so only an entry that is safe to re-run in a worker may allow
 * it: the CLI and the evaluate action do (a worker goes straight to the scan module there). A library
 * user opts in by passing `scan.threads`.
 */
export function allowScanWorkers(): void {
  hostAllowsWorkers = true;
}

/** Worker threads can be used: the host allows them (or the caller asked explicitly), there is a bundle, and a second core. */
export const canUseWorkers = (explicit = false): boolean =>
  (explicit || hostAllowsWorkers) && availableParallelism() > 1 && workerUrl() !== undefined;

/** Threads a large file's full scan uses unless told otherwise: this one and one worker, given a second core. */
export const defaultScanThreads = (): number => Math.min(2, availableParallelism());

/**
 * The bundle this module was built into: its entry file, also when this code sits in one of the
 * chunks ncc splits off (`<id>.index.js` next to `index.js`). From the .ts sources (tests) there is
 * none to start.
 */
export function workerUrl(): URL | undefined {
  const here = import.meta.url;
  if (!here.endsWith('.js')) return undefined;
  return /\/\d+\.index\.js$/.test(here) ? new URL('./index.js', here) : new URL(here);
}

/** A scan worker and whether its thread is running yet (its 'online' event fires once). */
export interface ScanWorker {
  worker: Worker;
  online: boolean;
}

/** Started or finished workers waiting for a scan; unreferenced, so they never keep the process alive. */
const idle: ScanWorker[] = [];

function start(url: URL): ScanWorker {
  // A small young generation keeps the thread's memory flat: the scan allocates only short-lived strings.
  const worker = new Worker(url, {
    workerData: { apialertsScanWorker: true } satisfies WorkerSetup,
    resourceLimits: { maxYoungGenerationSizeMb: 4 },
  });
  const w: ScanWorker = { worker, online: false };
  worker.once('online', () => (w.online = true));
  return w;
}

const dropIdle = (w: ScanWorker) => () => {
  const i = idle.indexOf(w);
  if (i !== -1) idle.splice(i, 1);
};

/** Keeps a worker for the next scan. One that fails or exits while idle is dropped (its error goes nowhere else). */
export function parkScanWorker(w: ScanWorker): void {
  w.worker.unref();
  const drop = dropIdle(w);
  w.worker.on('error', drop).on('exit', drop);
  idle.push(w);
}

/**
 * Starts the workers a full scan would use (defaultScanThreads), when workers are allowed, so that
 * their threads are up when the scan begins instead of ~50 ms into it. Unused, they cost a core's
 * start-up time and are discarded at exit.
 */
export function prestartScanWorkers(): void {
  const url = workerUrl();
  if (!url || !canUseWorkers()) return;
  while (idle.length < defaultScanThreads() - 1) parkScanWorker(start(url));
}

/** The workers waiting for a scan (for tests). */
export const idleScanWorkers = (): readonly ScanWorker[] => [...idle];

/** An idle worker, else a new one; referenced again, with no listeners of the pool left on it. */
export function takeScanWorker(url: URL): ScanWorker {
  const w = idle.pop();
  if (!w) return start(url);
  w.worker.removeAllListeners('error').removeAllListeners('exit').ref();
  return w;
}
