import { LEVEL_ALIASES, levelNamed, type Level } from '../model/levels.js';
import { createTimeReader, type TimeReader } from './formats-time.js';

/**
 * One log entry as the evaluator sees it: when, at which level, and the entry's own fields (for
 * filters, group-by and values): a JSON line's parsed object as is, a logfmt line's key/values as
 * strings. `message` is the format's message field (msg, message, …) when it holds a string.
 * Read fields as own properties (Object.hasOwn): a JSON object has Object.prototype.
 */
export interface LogRecord {
  ts: number;
  level: Level;
  fields: Record<string, unknown>;
  message?: string;
}

/** Keys a line's message is taken from, first present wins (pino/zap/logrus `msg`, winston/ECS `message`). */
const MESSAGE_KEYS = ['msg', 'message', '@message', 'MESSAGE'] as const;

function messageOf(fields: Record<string, unknown>): string | undefined {
  for (const key of MESSAGE_KEYS) {
    const v = fields[key];
    if (typeof v === 'string') return v;
  }
  return undefined;
}

function record(ts: number, level: Level, fields: Record<string, unknown>): LogRecord {
  const message = messageOf(fields);
  return message === undefined ? { ts, level, fields } : { ts, level, fields, message };
}

/** Level names (lower case) and what they mean; exported for the byte prefilter (src/logs/scan). One table for lines and rules (src/model/levels.ts). */
export const ALIASES: Readonly<Record<string, Level>> = LEVEL_ALIASES;

/** pino/bunyan numeric levels: 10 trace, 20 debug, 30 info, 40 warn, 50 error, 60 fatal. */
function numericLevel(n: number): Level | undefined {
  if (n >= 60) return 'fatal';
  if (n >= 50) return 'error';
  if (n >= 40) return 'warn';
  if (n >= 30) return 'info';
  if (n >= 10) return 'debug';
  return undefined;
}

/** Level names, case-insensitive with aliases, or pino/bunyan numbers. */
export function normalizeLevel(raw: unknown): Level | undefined {
  if (typeof raw === 'number') return numericLevel(raw);
  if (typeof raw !== 'string') return undefined;
  const named = levelNamed(raw);
  if (named) return named;
  const key = raw.trim();
  return /^\d+$/.test(key) ? numericLevel(Number(key)) : undefined;
}

/** Zone-less timestamps are read as UTC here; a source's `timezone` gives its own reader (formats-time.ts). */
const UTC_READER = createTimeReader();

/**
 * Reads one line in the default format, detected per line: a JSON object (pino/bunyan, winston, ECS
 * `log.level`/`@timestamp`, zap/zerolog/logrus) or logfmt. Returns undefined for a line it cannot
 * read; the caller counts those. `time` reads the timestamps (zone-less ones in its zone; UTC by default).
 */
export function parseLine(line: string, time: TimeReader = UTC_READER): LogRecord | undefined {
  const text = line.trim();
  if (text === '') return undefined;
  return text.startsWith('{') ? parseJsonLine(text, time) : parseLogfmt(text, time);
}

/** What a format's parser may find in a line: either part may be missing (a Docker line's inner part needs only the level). */
export interface PartialRecord {
  ts: number | undefined;
  level: Level | undefined;
  fields: Record<string, unknown>;
  message?: string;
  /** The level was guessed, not read from its own place in the line (see TextLayout.guessed). */
  levelGuessed?: boolean;
}

export function complete(p: PartialRecord | undefined): LogRecord | undefined {
  return p === undefined || p.level === undefined || p.ts === undefined ? undefined : record(p.ts, p.level, p.fields);
}

/** A JSON object line, or undefined when it is not one. */
export function parseJsonPartial(text: string, time: TimeReader): PartialRecord | undefined {
  let obj: Record<string, unknown>;
  try {
    const v: unknown = JSON.parse(text);
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
    obj = v as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const log = obj.log as Record<string, unknown> | undefined;
  const level = normalizeLevel(obj.level ?? obj['log.level'] ?? log?.level ?? obj.severity ?? obj.lvl);
  const ts = time.read(obj.time ?? obj.timestamp ?? obj['@timestamp'] ?? obj.ts);
  return { ts, level, fields: obj, message: messageOf(obj) };
}

/** A logfmt line's pairs, or undefined when it has none. */
export function parseLogfmtPartial(text: string, time: TimeReader): PartialRecord | undefined {
  // No prototype: a key such as `constructor` or `__proto__` is a field like any other.
  const fields: Record<string, string> = Object.create(null) as Record<string, string>;
  let any = false;
  for (const m of text.matchAll(LOGFMT_PAIR)) {
    const raw = m[2] ?? '';
    fields[m[1] as string] = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
    any = true;
  }
  if (!any) return undefined;
  const level = normalizeLevel(fields.level ?? fields.lvl ?? fields.severity);
  const ts = time.read(fields.ts ?? fields.time ?? fields.timestamp ?? fields.t);
  return { ts, level, fields, message: messageOf(fields) };
}

function parseJsonLine(text: string, time: TimeReader): LogRecord | undefined {
  let obj: Record<string, unknown>;
  try {
    const v: unknown = JSON.parse(text);
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
    obj = v as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const log = obj.log as Record<string, unknown> | undefined;
  const level = normalizeLevel(obj.level ?? obj['log.level'] ?? log?.level ?? obj.severity ?? obj.lvl);
  const ts = level === undefined ? undefined : time.read(obj.time ?? obj.timestamp ?? obj['@timestamp'] ?? obj.ts);
  return level === undefined || ts === undefined ? undefined : record(ts, level, obj);
}

const LOGFMT_PAIR = /([A-Za-z0-9_.@-]+)=("(?:[^"\\]|\\.)*"|\S*)/g;

function parseLogfmt(text: string, time: TimeReader): LogRecord | undefined {
  // No prototype: a key such as `constructor` or `__proto__` is a field like any other.
  const fields: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const m of text.matchAll(LOGFMT_PAIR)) {
    const raw = m[2] ?? '';
    fields[m[1] as string] = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
  }
  const level = normalizeLevel(fields.level ?? fields.lvl ?? fields.severity);
  const ts = level === undefined ? undefined : time.read(fields.ts ?? fields.time ?? fields.timestamp ?? fields.t);
  return level === undefined || ts === undefined ? undefined : record(ts, level, fields);
}
