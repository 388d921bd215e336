/** The five levels a rule can watch, lowest first (the seed's enum). */
export declare const LEVELS: readonly ["debug", "info", "warn", "error", "fatal"];
export type Level = (typeof LEVELS)[number];
/**
 * Level names (lower case) and the level each means: the names log lines use (src/logs/formats.ts) and
 * rule files accept (`level: ERROR`, `warning`, `critical`), so both read a name the same way.
 */
export declare const LEVEL_ALIASES: Readonly<Record<string, Level>>;
/** A level name, case-insensitive with the aliases above, or undefined. */
export declare function levelNamed(name: string): Level | undefined;
/** `min` and every level above it, lowest first. */
export declare function levelsFrom(min: Level): Level[];
