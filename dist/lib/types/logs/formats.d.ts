import { type Level } from '../model/levels.js';
import { type TimeReader } from './formats-time.js';
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
/** Level names (lower case) and what they mean; exported for the byte prefilter (src/logs/scan). One table for lines and rules (src/model/levels.ts). */
export declare const ALIASES: Readonly<Record<string, Level>>;
/** Level names, case-insensitive with aliases, or pino/bunyan numbers. */
export declare function normalizeLevel(raw: unknown): Level | undefined;
/**
 * Reads one line in the default format, detected per line: a JSON object (pino/bunyan, winston, ECS
 * `log.level`/`@timestamp`, zap/zerolog/logrus) or logfmt. Returns undefined for a line it cannot
 * read; the caller counts those. `time` reads the timestamps (zone-less ones in its zone; UTC by default).
 */
export declare function parseLine(line: string, time?: TimeReader): LogRecord | undefined;
/** What a format's parser may find in a line: either part may be missing (a Docker line's inner part needs only the level). */
export interface PartialRecord {
    ts: number | undefined;
    level: Level | undefined;
    fields: Record<string, unknown>;
    message?: string;
    /** The level was guessed, not read from its own place in the line (see TextLayout.guessed). */
    levelGuessed?: boolean;
}
export declare function complete(p: PartialRecord | undefined): LogRecord | undefined;
/** A JSON object line, or undefined when it is not one. */
export declare function parseJsonPartial(text: string, time: TimeReader): PartialRecord | undefined;
/** A logfmt line's pairs, or undefined when it has none. */
export declare function parseLogfmtPartial(text: string, time: TimeReader): PartialRecord | undefined;
