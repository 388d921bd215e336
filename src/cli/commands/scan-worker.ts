import type { Command } from 'commander';
import { allowScanWorkers } from '../../logs/scan/parallel.js';

/**
 * Hidden: the file scan runs large files on worker threads that load this same bundle
 * (src/logs/scan/parallel.ts), started with this command so the CLI does nothing else there; the
 * scan module, imported above, picks up the job from workerData when the bundle loads.
 */
export function registerScanWorker(program: Command): void {
  allowScanWorkers(); // the CLI is safe to re-run in a worker: this command is all it does there
  program
    .command('__scan-worker', { hidden: true })
    .description('internal: a worker thread of the log scan')
    .action(() => undefined);
}
