import type { Level } from '../../model/levels.js';
/**
 * How the store's level values map onto the requested levels. Without a
 * `level_map` the store holds the level names themselves (any case); with one,
 * the map's keys (store values as text, e.g. "50" or "ERR") name the level.
 */
interface LevelLookup {
    /** Store value (as text) → indexes into the requested `levels`. */
    indexesOf(storeValue: string): number[];
    /** The exact store values worth fetching (undefined: any case of the level names). */
    storeValues: string[] | undefined;
}
export declare function levelLookup(levels: Level[], levelMap: Record<string, Level> | undefined): LevelLookup;
export {};
