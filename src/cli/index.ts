#!/usr/bin/env node
import { isMainThread, workerData } from 'node:worker_threads';

// A scan worker (src/logs/scan/parallel.ts) re-runs this entry: it loads the scan module alone, not
// the commands, their schemas and clients, so its share of a large file starts sooner.
if (!isMainThread && (workerData as { apialertsScanWorker?: boolean } | null)?.apialertsScanWorker === true) {
  await import('../logs/scan/parallel.js');
} else {
  const { main } = await import('./program.js');
  process.exitCode = await main(process.argv);
}
