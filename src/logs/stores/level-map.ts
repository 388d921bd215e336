import type { Level } from '../../model/levels.js';
import { LEVELS } from '../../model/levels.js';

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

export function levelLookup(levels: Level[], levelMap: Record<string, Level> | undefined): LevelLookup {
  const wanted = (level: Level | undefined): number[] => (level === undefined ? [] : levels.flatMap((l, i) => (l === level ? [i] : [])));
  if (levelMap) {
    const values = Object.keys(levelMap).filter((k) => levels.includes(levelMap[k] as Level));
    return { storeValues: values, indexesOf: (v) => wanted(levelMap[v]) };
  }
  return {
    storeValues: undefined,
    indexesOf: (v) => {
      const lower = v.toLowerCase();
      return wanted((LEVELS as readonly string[]).includes(lower) ? (lower as Level) : undefined);
    },
  };
}
