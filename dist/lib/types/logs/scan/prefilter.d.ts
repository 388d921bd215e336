import { type TimeReader } from '../formats-time.js';
import type { Level } from '../../model/levels.js';
import { type TimeScan } from './time-scan.js';
/**
 * A byte-level test, run on a latin1 view of many lines at once, that finds every line parseLine
 * could read as an entry at one of `levels`. It may flag lines that are not (they are parsed and
 * rejected); it never misses one. Why:
 *
 * - parseLine takes the level from a key named level, log.level, log→level, severity or lvl (JSON)
 *   or level, lvl, severity (logfmt). Unless the line has a backslash (JSON `\u0065`, logfmt `\e`:
 *   such lines are always candidates), that key is written as is, so the raw bytes hold "level",
 *   "lvl" or "severity", and its value follows after quotes, `:`/`=`, whitespace — or non-ASCII bytes,
 *   which covers the Unicode spaces trim() removes. Every occurrence is checked, so duplicate keys,
 *   nesting and precedence need no modelling.
 * - The value is then either a level name — normalizeLevel trims and lower-cases, and the only
 *   non-ASCII characters whose lower case holds an ASCII letter are U+212A (k, in no name) and U+0130
 *   (i plus a combining dot, matching no name), so the name is an ASCII word matched
 *   case-insensitively and ending before a non-alphanumeric byte — or a number (pino/bunyan, or
 *   digits in a string): when the digits end cleanly (quote, comma, brace, space, end of line) they
 *   are the number itself and only wanted numbers count; anything else (50.5, 5e1) is a candidate.
 *   A value that is neither cannot normalize to a level name: names are single words.
 */
export interface Prefilter {
    /** Offsets (ascending, unique) in `text` of the starts of candidate lines. */
    candidates(text: string): number[];
    /**
     * Where it can: the same from raw bytes, whole lines buf[start, end), without making the latin1 text
     * (offsets from start); `lines`, when given, receives how the lines sort for the line count (time-scan.ts).
     */
    inBytes?: TimeScan;
}
/**
 * `escaped`: the JSON/logfmt line is itself inside a JSON string (Docker's `log`): its quotes come as
 * `\"`, so backslashes count as separators, and only a `\u` escape can hide a letter of a key or name.
 */
export declare function createPrefilter(levels: readonly Level[], opts?: {
    escaped?: boolean;
}): Prefilter;
/**
 * Plain-text layouts (formats-text.ts) take the level from a word in the line: a name matched whole
 * and case-insensitively by the built-ins, or normalizeLevel of a user regex's `level` group. Either
 * way the line holds an ASCII alias of the level (see above for the non-ASCII letters), so every line
 * holding one anywhere, in any case, is a candidate. Levels not written as a word: a leading `<PRI>`
 * (`pri`: lines starting with `<`), a default level for lines without one (`defaultLevel`: every line
 * when it is wanted), numbers (`digits`: lines with a digit). `escaped`: inside Docker's JSON string,
 * where only `\u` can hide a letter.
 */
export declare function createTextPrefilter(levels: readonly Level[], opts?: {
    pri?: boolean;
    defaultLevel?: Level;
    digits?: boolean;
    escaped?: boolean;
}): Prefilter;
/**
 * Whether a candidate line (latin1, no backslash) could have its timestamp in (fromMs, toMs]. Every
 * value that parseLine might take the time from is looked at — each `"time"`, `"timestamp"`,
 * `"@timestamp"`, `"ts"` JSON key and each `ts=`, `time=`, `timestamp=`, `t=` logfmt key that starts a
 * key — and read with the same time reader (formats-time.ts); so precedence and duplicates need no modelling. A value
 * it cannot read exactly (non-ASCII text) answers "maybe". Values that are not a string or a number
 * give no time, nor do malformed ones, whose line is then unreadable and counts nowhere.
 */
export declare function createTimeFilter(fromMs: number, toMs: number, time?: TimeReader): (line: string) => boolean;
/**
 * The many-lines form of createTimeFilter (JSON/logfmt): the starts of the lines in `text` that
 * filter may pass, found by one regex over the whole text instead of one call per line — for scans
 * where the level prefilter passes most lines (level sets, filters on any level). A superset, never
 * a miss: a line is left out only when it has no backslash and no `=` (so no logfmt key), and every
 * JSON time key in it holds a canonical UTC timestamp (`2026-11-20T13:44:05.123Z`, a real calendar
 * date but not 29 February, hours 00–23, seconds 00–59) whose second is outside the span's seconds.
 * Such a value is read by Date.parse as an instant within that second, so it is outside the span too.
 * (Seconds, not minutes: a span ending on a minute, as every tick does, would otherwise take in its
 * last minute whole — 6 % of a 15-minute window's candidates, all but one instant of it outside.)
 * Undefined when the span is not within years 0000–9999 (no prefix range to write).
 */
export declare function createTimePrefilter(fromMs: number, toMs: number): Prefilter | undefined;
/**
 * Digit strings of lo's length between lo and hi (inclusive), as alternatives of one character class
 * per digit: the usual split into "lo's prefix then ≥ the rest", "a digit strictly between", and
 * "hi's prefix then ≤ the rest".
 */
export declare function digitRange(lo: string, hi: string): string[][];
/**
 * Docker json-file lines: the time is the record's own `"time"` key (the inner line's quotes are all
 * escaped, so an unescaped `"time":` is a key of the record, or of its attrs). Every such value is
 * checked; a line with a `\u` escape (which could spell the key) or a value with an escape or
 * non-ASCII text is a maybe.
 */
export declare function createDockerTimeFilter(fromMs: number, toMs: number, time: TimeReader): (line: string) => boolean;
