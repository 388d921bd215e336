import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The import graph of src/ is a top-down stack (docs/design.md): a module imports its own folder or a
 * lower layer, never a higher one nor a sibling of its own layer, and there are no cycles.
 */
const LAYERS: string[][] = [
  ['action', 'cli', 'lib'],
  ['evaluate'],
  ['logs', 'deliver'],
  ['rules', 'state', 'events'],
  ['model'],
  ['util', 'version.ts'],
];
const rank = new Map(LAYERS.flatMap((names, i) => names.map((n) => [n, LAYERS.length - i] as const)));

const SRC = join(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Relative imports of a file (static, type-only and dynamic), as src-relative .ts paths; packages' modules by path are not src's. */
export function importsOf(file: string, text: string): string[] {
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*'([^']+)'|import\(\s*'([^']+)'\s*\)/g)].map(
    (m) => m[1] ?? m[2]!,
  );
  return specs
    .filter((s) => s.startsWith('.'))
    .map((s) => relative(SRC, normalize(join(dirname(file), s))).replace(/\.js$/, '.ts'))
    .filter((p) => !p.startsWith('../node_modules/')); // a package's own module by path (src/action/actions-core.ts)
}

/** The layer a src-relative path belongs to: its first segment. */
const top = (path: string) => path.split('/')[0]!;

/** Every import against the stack's direction, as "from -> to". */
export function violations(graph: Map<string, string[]>): string[] {
  const out: string[] = [];
  for (const [from, tos] of graph) {
    for (const to of tos) {
      const a = top(from);
      const b = top(to);
      if (a === b) continue;
      const ra = rank.get(a);
      const rb = rank.get(b);
      if (ra === undefined || rb === undefined) out.push(`${from} -> ${to} (a folder outside the layer table)`);
      else if (rb >= ra) out.push(`${from} -> ${to} (${b} is not below ${a})`);
    }
  }
  return out;
}

/** Cycles among files, each as a path of files; empty when the graph is acyclic. */
export function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string) => {
    state.set(n, 'open');
    stack.push(n);
    for (const m of graph.get(n) ?? []) {
      if (state.get(m) === 'open') found.push([...stack.slice(stack.indexOf(m)), m]);
      else if (!state.has(m)) visit(m);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const n of graph.keys()) if (!state.has(n)) visit(n);
  return found;
}

function srcGraph(): Map<string, string[]> {
  return new Map(sourceFiles(SRC).map((f) => [relative(SRC, f), importsOf(f, readFileSync(f, 'utf8'))]));
}

describe('import direction', () => {
  const graph = srcGraph();

  it('reads the real graph (every layer present)', () => {
    const folders = new Set([...graph.keys()].map(top));
    for (const layer of LAYERS.flat()) expect(folders, layer).toContain(layer);
    expect([...graph.values()].flat().length).toBeGreaterThan(100);
  });

  it('no module imports a layer above or beside its own', () => {
    expect(violations(graph)).toEqual([]);
  });

  it('no import cycles', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('the checks catch an upward import, a sibling import and a cycle', () => {
    const bad = new Map(graph);
    bad.set('logs/provider.ts', [...(graph.get('logs/provider.ts') ?? []), 'evaluate/run.ts']);
    bad.set('deliver/webhook.ts', [...(graph.get('deliver/webhook.ts') ?? []), 'logs/formats.ts']);
    expect(violations(bad).sort()).toEqual([
      'deliver/webhook.ts -> logs/formats.ts (logs is not below deliver)',
      'logs/provider.ts -> evaluate/run.ts (evaluate is not below logs)',
    ]);
    const loop = new Map([
      ['util/a.ts', ['util/b.ts']],
      ['util/b.ts', ['util/a.ts']],
    ]);
    expect(cycles(loop)).toEqual([['util/a.ts', 'util/b.ts', 'util/a.ts']]);
  });
});
