/** The five levels a rule can watch, lowest first (the seed's enum). */
export const LEVELS = ['debug', 'info', 'warn', 'error', 'fatal'] as const;
export type Level = (typeof LEVELS)[number];

/**
 * Level names (lower case) and the level each means: the names log lines use (src/logs/formats.ts) and
 * rule files accept (`level: ERROR`, `warning`, `critical`), so both read a name the same way.
 */
export const LEVEL_ALIASES: Readonly<Record<string, Level>> = {
  trace: 'debug',
  debug: 'debug',
  verbose: 'debug',
  info: 'info',
  information: 'info',
  notice: 'info',
  warn: 'warn',
  warning: 'warn',
  error: 'error',
  err: 'error',
  fatal: 'fatal',
  critical: 'fatal',
  crit: 'fatal',
  panic: 'fatal',
  emerg: 'fatal',
  alert: 'fatal',
  dpanic: 'fatal',
};

/** The aliases as a Map: own names only ("constructor" is no level), and a name written exactly is one lookup. */
const BY_NAME = new Map(Object.entries(LEVEL_ALIASES));

/** A level name, case-insensitive with the aliases above, or undefined. */
export function levelNamed(name: string): Level | undefined {
  return BY_NAME.get(name) ?? BY_NAME.get(name.trim().toLowerCase());
}

/** `min` and every level above it, lowest first. */
export function levelsFrom(min: Level): Level[] {
  return LEVELS.slice(LEVELS.indexOf(min));
}
