#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';
import { isMainThread, workerData } from 'node:worker_threads';

// The young generation stays at its starting size instead of doubling while a scan keeps what it
// counts (V8 grows it when many objects survive). A group_by over 100,000 routes peaks at ~140 MB
// instead of ~170 MB on Node 20 and ~155 MB instead of ~215 MB on Node 24, in the same time
// (bench:rules). A GC tuning flag, read when the young generation would grow.
setFlagsFromString('--semi-space-growth-factor=1');

// A scan worker (src/logs/scan/parallel.ts) re-runs this entry: it loads the scan module alone, not
// the commands, their schemas and clients, so its share of a large file starts sooner.
if (!isMainThread && (workerData as { apialertsScanWorker?: boolean } | null)?.apialertsScanWorker === true) {
  await import('../logs/scan/parallel.js');
} else {
  const { main } = await import('./program.js');
  process.exitCode = await main(process.argv);
}
