import type { Window } from '../../model/window.js';
/**
 * Counting many windows from one grouped query: the store returns counts per
 * (level, cell) where cell k holds entries with ts in (edge(k-1), edge(k)], and
 * every window boundary is an edge. A window (from, to] is then the sum of the
 * cells between its two edges, i.e. a difference of prefix sums — so thousands of
 * windows cost one scan of the time range plus a little arithmetic here.
 */
/** Sorted distinct window boundaries. */
export declare function windowEdges(windows: Window[]): number[];
/** A regular grid through all edges: origin = smallest edge, step = gcd of offsets (integers only). */
export declare function edgeGrid(edges: number[]): {
    origin: number;
    step: number;
};
/** Prefix sums over sparse cells: `upTo(k)` = total of cells with index <= k. */
export declare class SparseCells {
    private readonly cells;
    private readonly prefix;
    constructor(counts: Map<number, number>);
    upTo(k: number): number;
}
/**
 * result[i][j] for levels × windows, given per-level cell counts and a function
 * from a window edge to its cell index (cells (edge(k-1), edge(k)] ⇒ window = upTo(idx(to)) - upTo(idx(from))).
 */
export declare function windowCounts(levelCells: Map<number, number>[], windows: Window[], edgeIndex: (edgeMs: number) => number): number[][];
