// The entry of the bundle test/logs/scan-parallel.test.ts builds: the scan's worker threads re-run
// the bundle they were started from, as they do dist/cli and dist/lib. (Named: ncc drops `export *`.)
export { scanParallel, splitAtLines } from '../../src/logs/scan/parallel.js';
export {
  allowScanWorkers,
  canUseWorkers,
  defaultScanThreads,
  idleScanWorkers,
  prestartScanWorkers,
} from '../../src/logs/scan/worker-pool.js';
