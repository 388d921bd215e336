import type { Window } from '../../model/window.js';

/**
 * Counting many windows from one grouped query: the store returns counts per
 * (level, cell) where cell k holds entries with ts in (edge(k-1), edge(k)], and
 * every window boundary is an edge. A window (from, to] is then the sum of the
 * cells between its two edges, i.e. a difference of prefix sums — so thousands of
 * windows cost one scan of the time range plus a little arithmetic here.
 */

/** Sorted distinct window boundaries. */
export function windowEdges(windows: Window[]): number[] {
  return [...new Set(windows.flatMap((w) => [w.fromMs, w.toMs]))].sort((a, b) => a - b);
}

/** A regular grid through all edges: origin = smallest edge, step = gcd of offsets (integers only). */
export function edgeGrid(edges: number[]): { origin: number; step: number } {
  const origin = edges[0] ?? 0;
  let step = 0;
  for (const e of edges) step = gcd(step, e - origin);
  return { origin, step: step === 0 ? 1 : step };
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return Math.abs(a);
}

/** Prefix sums over sparse cells: `upTo(k)` = total of cells with index <= k. */
export class SparseCells {
  private readonly cells: number[] = [];
  private readonly prefix: number[] = [];

  constructor(counts: Map<number, number>) {
    const sorted = [...counts.entries()].sort((a, b) => a[0] - b[0]);
    let total = 0;
    for (const [cell, n] of sorted) {
      total += n;
      this.cells.push(cell);
      this.prefix.push(total);
    }
  }

  upTo(k: number): number {
    // Last cell index <= k, by binary search.
    let lo = 0;
    let hi = this.cells.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cells[mid] ?? Infinity) <= k) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found < 0 ? 0 : (this.prefix[found] ?? 0);
  }
}

/**
 * result[i][j] for levels × windows, given per-level cell counts and a function
 * from a window edge to its cell index (cells (edge(k-1), edge(k)] ⇒ window = upTo(idx(to)) - upTo(idx(from))).
 */
export function windowCounts(levelCells: Map<number, number>[], windows: Window[], edgeIndex: (edgeMs: number) => number): number[][] {
  return levelCells.map((cells) => {
    const sums = new SparseCells(cells);
    return windows.map((w) => (w.toMs <= w.fromMs ? 0 : sums.upTo(edgeIndex(w.toMs)) - sums.upTo(edgeIndex(w.fromMs))));
  });
}
