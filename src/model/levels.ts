/** The five levels a rule can watch, lowest first (the seed's enum). */
export const LEVELS = ['debug', 'info', 'warn', 'error', 'fatal'] as const;
export type Level = (typeof LEVELS)[number];
