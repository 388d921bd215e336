import type { Aggregate } from '../model/series.js';
import { type Window } from '../model/window.js';
/**
 * Value series for sources that read entries themselves (files, stdin, URLs): the scan keeps, per
 * series and group, each matching entry's timestamp and numeric value (`valueOf`; entries without a
 * numeric value are only counted as skipped), then `windowAggregates` answers every window with the
 * exact aggregates of src/model/aggregate.ts. Stores push the same definitions down.
 */
/** The numeric value of an entry's field (a JSON number or a finite decimal string), or null: skipped. */
export declare function valueOf(fieldValue: unknown): number | null;
/** Timestamps and values collected in any order → both sorted by timestamp (stable), as typed arrays. */
export declare function sortPoints(ts: ArrayLike<number>, values: ArrayLike<number>): {
    ts: Float64Array;
    values: Float64Array;
};
/** The aggregate of the values in each window (from, to] over points sorted by timestamp; null for a window without values. */
export declare function windowAggregates(points: {
    ts: Float64Array;
    values: Float64Array;
}, windows: readonly Window[], kind: Aggregate): (number | null)[];
