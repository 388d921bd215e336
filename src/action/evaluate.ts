// The evaluate action's entry (dist/evaluate/index.js); everything happens in run().
import { isMainThread } from 'node:worker_threads';
import { allowScanWorkers } from '../logs/scan/parallel.js';
import { run } from './evaluate-run.js';

// Large log files are scanned on worker threads that load this same bundle; there the scan module
// picks up its job from workerData on import, and the action itself must not run again.
if (isMainThread) {
  allowScanWorkers();
  process.exitCode = await run();
}
