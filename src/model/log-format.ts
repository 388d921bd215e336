/**
 * What a log source may say about its lines: the format names a source's `format` option accepts, a
 * user regex's rules, and the `timezone` for zone-less timestamps. Validated here (the rule file's
 * schema uses it); the parsers themselves live in src/logs/formats*.ts.
 */

/** Built-in formats, in the order detection tries them (the more specific first); see docs/formats.md. */
export const FORMAT_NAMES = [
  'json',
  'logfmt',
  'docker',
  'syslog-5424',
  'syslog-3164',
  'rails',
  'nginx-error',
  'apache-error',
  'log4j',
  'python-logging',
  'go-log',
] as const;
type FormatName = (typeof FORMAT_NAMES)[number];

/** Other names accepted for a format (`format: syslog` reads both RFCs, `logback` is log4j's layout). */
export const FORMAT_ALIASES: Readonly<Record<string, FormatName | 'syslog' | 'auto'>> = {
  syslog: 'syslog',
  auto: 'auto',
  logback: 'log4j',
  log4j2: 'log4j',
  'spring-boot': 'log4j',
  python: 'python-logging',
  go: 'go-log',
  ruby: 'rails',
  nginx: 'nginx-error',
  apache: 'apache-error',
  'docker-json': 'docker',
  ndjson: 'json',
};

/** A source's `format` option: a name, or a regex with named groups. */
export type FormatOption = string | { regex: string; flags?: string };

/** Why a user regex cannot be a format, or undefined when it can. */
export function regexProblem(source: string, flags = ''): string | undefined {
  let re: RegExp;
  try {
    re = new RegExp(source, flags);
  } catch (err) {
    return `not a valid regular expression: ${err instanceof Error ? err.message : String(err)}`;
  }
  if (/[gy]/.test(flags)) return 'flags g and y are not allowed';
  const groups = new Set([...source.matchAll(/\(\?<([A-Za-z_$][\w$]*)>/g)].map((m) => m[1]));
  void re;
  const missing = ['time', 'level'].filter((g) => !groups.has(g));
  return missing.length > 0
    ? `needs the named group${missing.length > 1 ? 's' : ''} ${missing.map((g) => `(?<${g}>…)`).join(' and ')}`
    : undefined;
}

/** Why a format name is not known, or undefined when it is. */
export function formatNameProblem(name: string): string | undefined {
  const key = name.trim().toLowerCase();
  if ((FORMAT_NAMES as readonly string[]).includes(key) || key in FORMAT_ALIASES) return undefined;
  return `unknown format "${name}" (known: auto, ${FORMAT_NAMES.join(', ')}, syslog; or { regex: … })`;
}

/** A zone in which wall-clock times are read. */
export interface Zone {
  /** As given (`UTC`, `Europe/Berlin`, `+05:30`). */
  readonly name: string;
  /** Wall-clock time written as if it were UTC → the instant it is in this zone. */
  toUtc(wallMs: number): number;
}

export const UTC_ZONE: Zone = { name: 'UTC', toUtc: (ms) => ms };

const OFFSET = /^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$/i;

/**
 * A zone from a `timezone` option: `UTC`, an offset (`+02:00`, `-0500`, `UTC+1`) or an IANA name
 * (`Europe/Berlin`). Returns an error message for anything else.
 */
export function parseZone(name: string): Zone | string {
  const text = name.trim();
  if (/^(?:UTC|GMT|Z|Etc\/UTC)$/i.test(text)) return { ...UTC_ZONE, name: text };
  const m = OFFSET.exec(text);
  if (m) {
    const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
    if (Number(m[2]) > 18 || Number(m[3] ?? 0) > 59) return `"${name}" is not a valid UTC offset (at most ±18:00)`;
    const off = (m[1] === '-' ? -1 : 1) * minutes * 60_000;
    return { name: text, toUtc: (ms) => ms - off };
  }
  let fmt: Intl.DateTimeFormat;
  try {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: text,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    return `"${name}" is not a known time zone (use an IANA name such as Europe/Berlin, or an offset such as +02:00)`;
  }
  return ianaZone(text, fmt);
}

/** Offsets change at most every quarter hour of wall time; a small cache keeps the hot path off Intl. */
const QUARTER = 15 * 60_000;

function ianaZone(name: string, fmt: Intl.DateTimeFormat): Zone {
  const offsetAt = (utcMs: number): number => {
    const p: Record<string, number> = {};
    for (const part of fmt.formatToParts(new Date(utcMs))) if (part.type !== 'literal') p[part.type] = Number(part.value);
    const asUtc = Date.UTC(p.year!, p.month! - 1, p.day, p.hour, p.minute, p.second);
    return asUtc - (utcMs - (((utcMs % 1000) + 1000) % 1000));
  };
  const cache = new Map<number, number>();
  return {
    name,
    toUtc(wallMs) {
      const key = Math.floor(wallMs / QUARTER);
      let off = cache.get(key);
      if (off === undefined) {
        // The usual two-step: the offset at the wall time read as UTC, then at the instant that gives.
        const first = offsetAt(wallMs);
        off = offsetAt(wallMs - first);
        if (cache.size > 4096) cache.clear();
        cache.set(key, off);
      }
      return wallMs - off;
    },
  };
}

/** Why a `timezone` option is not usable, or undefined when it is. */
export function zoneProblem(name: string): string | undefined {
  const z = parseZone(name);
  return typeof z === 'string' ? z : undefined;
}
