// Prints the plain "N passed, N failed" line CI reads, from vitest's JSON reports (one per run of the
// suite, e.g. Node 20 and Node 24), added up.
import { readFileSync } from 'node:fs';

const files = process.argv.length > 2 ? process.argv.slice(2) : ['.vitest-report.json'];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of files) {
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    console.log(`vitest JSON report ${file} is missing or unreadable: ${err.message}`);
    console.log(`${passed} passed, ${failed + 1} failed`);
    process.exit(1);
  }
  passed += report.numPassedTests ?? 0;
  failed += (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0);
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
