// Reads a Stryker JSON report (reports/mutation/mutation.json by default) and prints its surviving and
// uncovered mutants, one line each (`S ` survived, `NC` no coverage): where, which mutator, the original
// text and its replacement. With --ranges it prints them instead as a `--mutate` value of exact
// line:column ranges, to re-run only those mutants after adding tests (docs/testing.md):
//   node scripts/mutation-survivors.mjs reports/mutation/mutation.json
//   npm run mutate -- --mutate "$(node scripts/mutation-survivors.mjs --ranges reports/mutation/mutation.json)"
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const ranges = args.includes('--ranges');
const file = args.find((a) => !a.startsWith('--')) ?? 'reports/mutation/mutation.json';
const report = JSON.parse(readFileSync(file, 'utf8'));
const open = (m) => m.status === 'Survived' || m.status === 'NoCoverage';

if (ranges) {
  // Stryker's ranges: lines 1-based, columns 0-based; the report's columns are 1-based.
  const out = new Set();
  for (const [name, f] of Object.entries(report.files))
    for (const { location: l } of f.mutants.filter(open))
      out.add(`${name}:${l.start.line}:${l.start.column - 1}-${l.end.line}:${l.end.column - 1}`);
  console.log([...out].join(','));
} else {
  for (const [name, f] of Object.entries(report.files)) {
    const lines = f.source.split('\n');
    const counts = {};
    for (const m of f.mutants) counts[m.status] = (counts[m.status] ?? 0) + 1;
    console.log(`\n${name} ${JSON.stringify(counts)}`);
    const shown = f.mutants
      .filter(open)
      .sort((a, b) => a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column);
    for (const m of shown) {
      const { start, end } = m.location;
      const text =
        start.line === end.line
          ? lines[start.line - 1].slice(start.column - 1, end.column - 1)
          : `${lines[start.line - 1].slice(start.column - 1)} …`;
      const flat = (s) => String(s).replace(/\s+/g, ' ').slice(0, 90);
      console.log(
        `${m.status === 'NoCoverage' ? 'NC' : 'S '} ${start.line}:${start.column} ${m.mutatorName}: ${flat(text)}  →  ${flat(m.replacement)}`,
      );
    }
  }
}
