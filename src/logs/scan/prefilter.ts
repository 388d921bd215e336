import { ALIASES, normalizeLevel } from '../formats.js';
import { createTimeReader, type TimeReader } from '../formats-time.js';
import type { Level } from '../../model/levels.js';
import { createTimeScan, type TimeScan } from './time-scan.js';

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

const SEPARATORS = `[\\t\\v\\f\\r "'=:\\x80-\\xff]*`;
const CLEAN_END = /^[",} \t\r]?$/;

/** Every alias of the given levels (lower case). */
function levelNames(levels: readonly Level[]): string[] {
  return Object.entries(ALIASES)
    .filter(([, level]) => levels.includes(level))
    .map(([name]) => name)
    .sort((a, b) => b.length - a.length);
}

/** Case-insensitive by character classes: a plain /i regex is several times slower here. */
const caseless = (names: string[]) => names.map((n) => [...n].map((c) => `[${c}${c.toUpperCase()}]`).join(''));

/**
 * `escaped`: the JSON/logfmt line is itself inside a JSON string (Docker's `log`): its quotes come as
 * `\"`, so backslashes count as separators, and only a `\u` escape can hide a letter of a key or name.
 */
export function createPrefilter(levels: readonly Level[], opts: { escaped?: boolean } = {}): Prefilter {
  const wanted = new Set<Level>(levels);
  const names = caseless(levelNames(levels));
  const separators = opts.escaped ? SEPARATORS.replace(']*', '\\\\]*') : SEPARATORS;
  const keyed = new RegExp(`(?:level|lvl|severity)${separators}(?:(?:${names.join('|')})(?![A-Za-z0-9])|(\\d+)(.?))`, 'g');
  const numberWanted = (m: RegExpExecArray) => !CLEAN_END.test(m[2]!) || wanted.has(normalizeLevel(Number(m[1]))!);
  const hidden = opts.escaped ? /\\u/g : /\\/g;
  const marker = opts.escaped ? '\\u' : '\\';
  return {
    candidates(text) {
      const a = lineStarts(text, keyed, (m) => m[1] === undefined || numberWanted(m));
      return text.includes(marker)
        ? mergeSorted(
            a,
            lineStarts(text, hidden, () => true),
          )
        : a;
    },
  };
}

/**
 * Plain-text layouts (formats-text.ts) take the level from a word in the line: a name matched whole
 * and case-insensitively by the built-ins, or normalizeLevel of a user regex's `level` group. Either
 * way the line holds an ASCII alias of the level (see above for the non-ASCII letters), so every line
 * holding one anywhere, in any case, is a candidate. Levels not written as a word: a leading `<PRI>`
 * (`pri`: lines starting with `<`), a default level for lines without one (`defaultLevel`: every line
 * when it is wanted), numbers (`digits`: lines with a digit). `escaped`: inside Docker's JSON string,
 * where only `\u` can hide a letter.
 */
export function createTextPrefilter(
  levels: readonly Level[],
  opts: { pri?: boolean; defaultLevel?: Level; digits?: boolean; escaped?: boolean } = {},
): Prefilter {
  if (opts.defaultLevel !== undefined && levels.includes(opts.defaultLevel))
    return { candidates: (text) => lineStarts(text, /[^\n]/g, () => true) };
  const parts = caseless(levelNames(levels));
  // trim() drops leading whitespace (JSON escapes \t \n \r \f inside Docker's string; Unicode spaces are bytes >= 0x80).
  if (opts.pri)
    parts.push(opts.escaped ? '"log"[ \\t\\r]*:[ \\t\\r]*"(?:\\\\[tnrf]|[ \\x80-\\xff])*<' : '(?<![^\\n])[ \\t\\v\\f\\r\\x80-\\xff]*<');
  if (opts.digits) parts.push('\\d');
  if (opts.escaped) parts.push('\\\\u');
  const re = new RegExp(parts.join('|'), 'g');
  return { candidates: (text) => lineStarts(text, re, () => true) };
}

/** Starts of the lines where `re` matches and `keep` agrees; after a hit the rest of its line is skipped. */
function lineStarts(text: string, re: RegExp, keep: (m: RegExpExecArray) => boolean): number[] {
  const out: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (!keep(m)) continue;
    out.push(text.lastIndexOf('\n', m.index) + 1);
    const nl = text.indexOf('\n', m.index);
    if (nl === -1) break;
    re.lastIndex = nl + 1;
  }
  return out;
}

/** Starts of the lines holding `char`: by indexOf, far faster than a regex when the character is rare. */
function linesWith(text: string, char: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(char); i !== -1;) {
    out.push(text.lastIndexOf('\n', i) + 1);
    const nl = text.indexOf('\n', i);
    if (nl === -1) break;
    i = text.indexOf(char, nl + 1);
  }
  return out;
}

function mergeSorted(a: number[], b: number[]): number[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (out.length === 0 || out[out.length - 1] !== next) out.push(next);
  }
  return out;
}

/**
 * Whether a candidate line (latin1, no backslash) could have its timestamp in (fromMs, toMs]. Every
 * value that parseLine might take the time from is looked at — each `"time"`, `"timestamp"`,
 * `"@timestamp"`, `"ts"` JSON key and each `ts=`, `time=`, `timestamp=`, `t=` logfmt key that starts a
 * key — and read with the same time reader (formats-time.ts); so precedence and duplicates need no modelling. A value
 * it cannot read exactly (non-ASCII text) answers "maybe". Values that are not a string or a number
 * give no time, nor do malformed ones, whose line is then unreadable and counts nowhere.
 */
export function createTimeFilter(fromMs: number, toMs: number, time: TimeReader = createTimeReader()): (line: string) => boolean {
  const json = /"(?:time|timestamp|@timestamp|ts)"[ \t\r]*:[ \t\r]*(?:"([^"]*)"|(-?[0-9][0-9.eE+-]*))/g;
  const logfmt = /(?<![A-Za-z0-9_.@-])(?:ts|time|timestamp|t)=("[^"]*"|\S*)/g;
  const inWindow = (v: string | number): boolean => {
    const ts = time.read(v);
    return ts !== undefined && ts > fromMs && ts <= toMs;
  };
  return (line) => {
    json.lastIndex = 0;
    for (let m = json.exec(line); m !== null; m = json.exec(line)) {
      if (m[1] !== undefined ? !ASCII.test(m[1]) || inWindow(m[1]) : JSON_NUMBER.test(m[2]!) && inWindow(Number(m[2]))) return true;
    }
    if (!line.includes('=')) return false; // no logfmt key: most JSON lines
    logfmt.lastIndex = 0;
    for (let m = logfmt.exec(line); m !== null; m = logfmt.exec(line)) {
      const raw = m[1]!;
      const value = raw.startsWith('"') ? raw.slice(1, -1) : raw;
      if (!ASCII.test(value) || inWindow(value)) return true;
    }
    return false;
  };
}

const ASCII = /^[\x00-\x7f]*$/;

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
export function createTimePrefilter(fromMs: number, toMs: number): Prefilter | undefined {
  const lo = secondDigits(fromMs);
  const hi = secondDigits(toMs);
  if (lo === undefined || hi === undefined || lo > hi) return undefined;
  const inSeconds = digitRange(lo, hi)
    .map((alt) => ISO_SECOND_LAYOUT.replace(/#/g, () => alt.shift()!))
    .join('|');
  // Whitespace after the colon counts as not canonical (the exact filter allows it; this stays a superset).
  const keyed = new RegExp(`"(?:time|timestamp|@timestamp|ts)"[ \\t\\r]*:(?:[ \\t\\r]|(?!"${CANONICAL_UTC})|"(?:${inSeconds}))`, 'g');
  const inBytes = createTimeScan(Number(lo), Number(hi));
  return {
    candidates: (text) =>
      mergeSorted(
        lineStarts(text, keyed, () => true),
        mergeSorted(linesWith(text, '\\'), linesWith(text, '=')),
      ),
    ...(inBytes ? { inBytes } : {}),
  };
}

/** Month-day pairs that exist in every year (29 February is left to the exact filter). */
const MONTH_DAY = '(?:0[1-9]|1[0-2])-(?:0[1-9]|1\\d|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)|(?:0[13578]|1[02])-31';
const CANONICAL_UTC = `\\d{4}-(?:${MONTH_DAY})T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d{1,9})?Z"`;
/** Where the 14 digits of YYYYMMDDHHMMSS sit in an ISO timestamp. */
const ISO_SECOND_LAYOUT = '####-##-##T##:##:##';

/** YYYYMMDDHHMMSS of the UTC second holding `ms`, or undefined outside years 0000–9999. */
function secondDigits(ms: number): string | undefined {
  if (!Number.isFinite(ms)) return undefined;
  const d = new Date(Math.floor(ms / 1000) * 1000);
  const y = d.getUTCFullYear();
  if (y < 0 || y > 9999) return undefined;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(y).padStart(4, '0')}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}`;
}

/**
 * Digit strings of lo's length between lo and hi (inclusive), as alternatives of one character class
 * per digit: the usual split into "lo's prefix then ≥ the rest", "a digit strictly between", and
 * "hi's prefix then ≤ the rest".
 */
export function digitRange(lo: string, hi: string): string[][] {
  if (lo.length === 0) return [[]];
  const cls = (a: number, b: number) => (a === b ? String(a) : a === 0 && b === 9 ? '\\d' : `[${a}-${b}]`);
  const a = Number(lo[0]);
  const b = Number(hi[0]);
  const restLo = lo.slice(1);
  const restHi = hi.slice(1);
  if (a === b) return digitRange(restLo, restHi).map((alt) => [String(a), ...alt]);
  const nines = '9'.repeat(restLo.length);
  const zeros = '0'.repeat(restLo.length);
  if (restLo === zeros && restHi === nines) return [[cls(a, b), ...restLo.split('').map(() => '\\d')]];
  const out = digitRange(restLo, nines).map((alt) => [String(a), ...alt]);
  if (b - a > 1) out.push([cls(a + 1, b - 1), ...restLo.split('').map(() => '\\d')]);
  out.push(...digitRange(zeros, restHi).map((alt) => [String(b), ...alt]));
  return out;
}
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * Docker json-file lines: the time is the record's own `"time"` key (the inner line's quotes are all
 * escaped, so an unescaped `"time":` is a key of the record, or of its attrs). Every such value is
 * checked; a line with a `\u` escape (which could spell the key) or a value with an escape or
 * non-ASCII text is a maybe.
 */
export function createDockerTimeFilter(fromMs: number, toMs: number, time: TimeReader): (line: string) => boolean {
  const re = /"time"[ \t\r]*:[ \t\r]*"((?:[^"\\]|\\.)*)"/g;
  return (line) => {
    if (line.includes('\\u')) return true;
    re.lastIndex = 0;
    for (let m = re.exec(line); m !== null; m = re.exec(line)) {
      const v = m[1]!;
      if (v.includes('\\') || !ASCII.test(v)) return true;
      const ts = time.read(v);
      if (ts !== undefined && ts > fromMs && ts <= toMs) return true;
    }
    return false;
  };
}
