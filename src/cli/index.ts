#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';
import { allowScanWorkers, isScanWorker, prestartScanWorkers } from '../logs/scan/worker-pool.js';

// The young generation stays at its starting size instead of doubling while a scan keeps what it
// counts (V8 grows it when many objects survive). A group_by over 100,000 routes peaks at ~140 MB
// instead of ~170 MB on Node 20 and ~155 MB instead of ~215 MB on Node 24, in the same time
// (bench:rules). A GC tuning flag, read when the young generation would grow.
setFlagsFromString('--semi-space-growth-factor=1');

// A scan worker (src/logs/scan/parallel.ts) re-runs this entry: it loads the scan module alone, not
// the commands, their schemas and clients, so its share of a large file starts sooner.
if (isScanWorker()) {
  await import('../logs/scan/parallel.js');
} else {
  allowScanWorkers(); // safe: a worker re-running this entry does the above and nothing else
  // The commands that scan logs start their worker now: its thread boots on the second core while
  // the commands load and the rule file is read, and is up when the scan begins.
  if (process.argv[2] === 'evaluate' || process.argv[2] === 'backtest') prestartScanWorkers();
  const { main } = await import('./program.js');
  process.exitCode = await main(process.argv);
}
