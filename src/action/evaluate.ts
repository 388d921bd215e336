// The evaluate action's entry (dist/evaluate/index.js); everything happens in run().
import { isMainThread } from 'node:worker_threads';
import '../logs/scan/parallel.js'; // in a scan worker, this module takes its jobs
import { allowScanWorkers, prestartScanWorkers } from '../logs/scan/worker-pool.js';
import { run } from './evaluate-run.js';

// Large log files are scanned on worker threads that load this same bundle; there the scan module
// picks up its job from workerData on import, and the action itself must not run again.
if (isMainThread) {
  allowScanWorkers();
  prestartScanWorkers(); // up by the time the inputs are read and the scan begins
  process.exitCode = await run();
}
