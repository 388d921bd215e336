import type { Level } from '../model/levels.js';
import { ALIASES, normalizeLevel, type PartialRecord } from './formats.js';
import { MONTHS, type TimeReader } from './formats-time.js';

/**
 * Plain-text layouts: each a regex with named groups. `time`, `level` and `message` are read as such;
 * every group that matched (those three included) becomes a field, as a string. What each layout
 * accepts is listed in docs/formats.md.
 */
export interface TextLayout {
  name: string;
  re: RegExp;
  /** The level when the line holds none in a `level` group (syslog: from PRI, or a default). */
  level?: (g: Record<string, string | undefined>) => Level | undefined;
  /**
   * Whether the level was guessed rather than read from its own place in the line (syslog without
   * PRI: a level word starting the message, or the default `info`). Detection prefers, among formats
   * that read as many lines, the one that guessed fewer levels (docs/formats.md).
   */
  guessed?: (g: Record<string, string | undefined>) => boolean;
  /** Extra fields from the message (nginx's `, client: …` pairs, syslog 5424 structured data). */
  more?: (g: Record<string, string | undefined>, fields: Record<string, unknown>) => void;
  /**
   * For the byte prefilter (scan/prefilter.ts): the levels a line can get without a level word in it.
   * `pri`: from a leading `<PRI>` (any line starting with `<` is a candidate); `info`: syslog lines
   * with neither PRI nor a level word count as info.
   */
  wordless?: { pri?: boolean; defaultLevel?: Level };
}

/** Every level name, case-insensitive by character classes, whole word: the `level` group of the built-ins. */
const LV = `(?:${Object.keys(ALIASES)
  .sort((a, b) => b.length - a.length)
  .map((n) => [...n].map((c) => `[${c}${c.toUpperCase()}]`).join(''))
  .join('|')})(?![A-Za-z0-9])`;

const ISO_TIME = String.raw`\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})?`;
const SLASH_TIME = String.raw`\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{1,9})?`;
const BSD_TIME = String.raw`[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2}`;
const APACHE_TIME = String.raw`[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2}(?:\.\d{1,9})? \d{4}`;

/** RFC 5424 severities 0–7. */
const SEVERITY: readonly Level[] = ['fatal', 'fatal', 'fatal', 'error', 'warn', 'info', 'info', 'debug'];

function fromPri(pri: string | undefined): Level | undefined {
  if (pri === undefined) return undefined;
  const n = Number(pri);
  return n <= 191 ? SEVERITY[n % 8] : undefined;
}

const LEADING_LEVEL = new RegExp(String.raw`^[\[<(]?(${LV})[\]>)]?(?=[:\s]|$)`);

export const LAYOUTS: readonly TextLayout[] = [
  {
    name: 'syslog-5424',
    re: new RegExp(
      String.raw`^<(?<pri>\d{1,3})>1 (?<time>\S+) (?<host>\S+) (?<app>\S+) (?<procid>\S+) (?<msgid>\S+) (?<sd>-|(?:\[(?:[^\]\\"]|\\.|"(?:[^"\\]|\\.)*")*\])+)(?: \uFEFF?(?<message>.*))?$`,
    ),
    level: (g) => fromPri(g.pri),
    more: (g, fields) => {
      if (g.sd === undefined || g.sd === '-') return;
      for (const m of g.sd.matchAll(/ ([^= \]"]+)="((?:[^"\\]|\\.)*)"/g))
        if (!(m[1]! in fields)) fields[m[1]!] = m[2]!.replace(/\\(.)/g, '$1');
    },
    wordless: { pri: true },
  },
  {
    name: 'syslog-3164',
    re: new RegExp(
      String.raw`^(?:<(?<pri>\d{1,3})>)?(?<time>${BSD_TIME}|${ISO_TIME}) (?<host>\S+) (?<tag>[^:\[\s]+)(?:\[(?<pid>[^\]]*)\])?: ?(?<message>.*)$`,
    ),
    level: (g) => fromPri(g.pri) ?? normalizeLevel(LEADING_LEVEL.exec(g.message ?? '')?.[1]) ?? 'info',
    guessed: (g) => g.pri === undefined,
    wordless: { pri: true, defaultLevel: 'info' },
  },
  {
    name: 'rails',
    re: new RegExp(String.raw`^[DIWEFAU], \[(?<time>${ISO_TIME}) #(?<pid>\d+)\] +(?<level>${LV}) -- (?<progname>[^:]*): ?(?<message>.*)$`),
  },
  {
    name: 'nginx-error',
    re: new RegExp(
      String.raw`^(?<time>${SLASH_TIME}) \[(?<level>${LV})\] (?<pid>\d+)#(?<tid>\d+): (?:\*(?<connection>\d+) )?(?<message>.*)$`,
    ),
    more: (g, fields) => {
      for (const m of (g.message ?? '').matchAll(/, (client|server|request|upstream|host|referrer): ("(?:[^"\\]|\\.)*"|[^,]*)/g)) {
        fields[m[1]!] = m[2]!.startsWith('"') ? m[2]!.slice(1, -1) : m[2]!;
      }
    },
  },
  {
    name: 'apache-error',
    re: new RegExp(
      String.raw`^\[(?<time>${APACHE_TIME})\] \[(?:(?<module>[\w-]+):)?(?<level>${LV}|[tT][rR][aA][cC][eE][1-8])\](?: \[pid (?<pid>\d+)(?::tid (?<tid>\d+))?\])?(?: \[client (?<client>[^\]]+)\])? (?<message>.*)$`,
    ),
    level: (g) => normalizeLevel(g.level?.replace(/[1-8]$/, '')),
  },
  {
    name: 'log4j',
    re: new RegExp(
      String.raw`^(?<time>${ISO_TIME}) +(?:\[(?<thread>[^\]]*)\] +)?(?<level>${LV}) +(?:(?<pid>\d+) +--- +(?:\[(?<app>[^\]]*)\] +)?)?(?:\[ *(?<thread_>[^\]]*)\] +)?(?<logger>[\w.$:/-]+) +[-:] (?<message>.*)$`,
    ),
    more: (g, fields) => {
      if (g.thread_ !== undefined) {
        delete fields.thread_;
        if (fields.thread === undefined) fields.thread = g.thread_.trim();
      }
    },
  },
  {
    name: 'python-logging',
    re: new RegExp(
      String.raw`^\[?(?<time>\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:[,.]\d{1,6})?)\]?(?: +- +| +|:)(?:(?<logger>[\w.-]+)(?: +- +|:))?\[?(?<level>${LV})\]?(?: +in +(?<module>[\w.]+))?(?: +- +|: *| +|$)(?<message>.*)$`,
    ),
  },
  {
    name: 'go-log',
    re: new RegExp(String.raw`^(?<time>${SLASH_TIME}) +(?:(?<file>[\w./-]+\.go:\d+): +)?\[?(?<level>${LV})\]?:? +(?<message>.*)$`),
  },
];

/** Only inside Docker lines (the time is Docker's): `ERROR:root:boom` (Python's default), `[warn] x`, `INFO x`. */
export const LEVEL_ONLY: TextLayout = {
  name: 'level-word',
  re: new RegExp(String.raw`^\[?(?<level>${LV})\]?(?::(?<logger>[\w.-]+))?(?::|\s+|$)\s*(?<message>.*)$`),
};

const SLASHED = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/;
const BSD = /^([A-Z][a-z]{2}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2})$/;
const APACHE = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))? (\d{4})$/;

const millis = (frac: string | undefined) => (frac ? Number(frac.padEnd(3, '0').slice(0, 3)) : 0);

/** A year-less syslog time is in the year that puts it at most 7 days after `referenceMs`. */
const YEAR_SLACK = 7 * 86_400_000;

/** A time as text layouts write it: ISO 8601 (zone optional), 2026/11/22 11:58:01, Nov 22 11:58:01, Apache's, or epoch numbers. */
function readTextTime(s: string, time: TimeReader, referenceMs: number): number | undefined {
  let m: RegExpExecArray | null;
  if ((m = SLASHED.exec(s))) return time.wall(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +m[6]!, millis(m[7]));
  if ((m = BSD.exec(s))) {
    const month = MONTHS[m[1]!.toLowerCase()];
    if (month === undefined) return undefined;
    const year = new Date(referenceMs).getUTCFullYear();
    const at = (y: number) => time.wall(y, month, +m![2]!, +m![3]!, +m![4]!, +m![5]!, 0);
    const ts = at(year);
    if (ts !== undefined && ts > referenceMs + YEAR_SLACK) {
      time.zoneless--; // counted again by the second read
      return at(year - 1);
    }
    return ts ?? at(year - 1); // Feb 29 of a year that has none: the year before may have it
  }
  if ((m = APACHE.exec(s))) {
    const month = MONTHS[m[1]!.toLowerCase()];
    return month === undefined ? undefined : time.wall(+m[7]!, month, +m[2]!, +m[3]!, +m[4]!, +m[5]!, millis(m[6]));
  }
  return time.read(s);
}

/** One line by a layout: undefined when it does not match; a partial record otherwise. */
export function parseText(layout: TextLayout, text: string, time: TimeReader, referenceMs: number): PartialRecord | undefined {
  const m = layout.re.exec(text);
  if (!m?.groups) return undefined;
  const g = m.groups;
  const fields: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const key in g) if (g[key] !== undefined) fields[key] = g[key];
  layout.more?.(g, fields);
  const level = layout.level ? layout.level(g) : normalizeLevel(g.level);
  const ts = level === undefined || g.time === undefined ? undefined : readTextTime(g.time.trim(), time, referenceMs);
  return {
    ts,
    level,
    fields,
    ...(g.message !== undefined ? { message: g.message } : {}),
    ...(layout.guessed?.(g) ? { levelGuessed: true } : {}),
  };
}

/** A user's regex as a layout. */
export function regexLayout(source: string, flags = ''): TextLayout {
  return { name: 'regex', re: new RegExp(source, flags.replace(/[gy]/g, '')) };
}
