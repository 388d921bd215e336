import type { Entry } from './oracle.js';

/** Writes an entry in one of the supported formats (pino, winston, ECS, zap/zerolog seconds, logfmt), chosen by `style`. */
export function renderLine(e: Entry, style: number): string {
  const iso = new Date(e.ts).toISOString();
  const pino = { debug: 20, info: 30, warn: 40, error: 50, fatal: 60 }[e.level];
  switch (style % 5) {
    case 0:
      return JSON.stringify({ level: pino, time: e.ts, msg: 'x' });
    case 1:
      return JSON.stringify({ level: e.level.toUpperCase(), message: 'x', timestamp: iso });
    case 2:
      return JSON.stringify({ '@timestamp': iso, 'log.level': e.level, message: 'x' });
    case 3:
      return JSON.stringify({ level: e.level, ts: e.ts / 1000, msg: 'x' });
    default:
      return `ts=${iso} level=${e.level} msg="hello world"`;
  }
}
