import type { Level } from '../model/levels.js';
import { FORMAT_ALIASES, FORMAT_NAMES, parseZone, type FormatOption } from '../model/log-format.js';
import { EXIT, UserError } from '../util/errors.js';
import { complete, parseJsonPartial, parseLine, parseLogfmtPartial, type LogRecord, type PartialRecord } from './formats.js';
import { LAYOUTS, LEVEL_ONLY, parseText, regexLayout, type TextLayout } from './formats-text.js';
import { createTimeReader, type TimeReader } from './formats-time.js';
import {
  createDockerTimeFilter,
  createPrefilter,
  createTextPrefilter,
  createTimeFilter,
  createTimePrefilter,
  type Prefilter,
} from './scan/prefilter.js';

/**
 * A source's line format, as plain data (it travels to scan worker threads): what the source names,
 * or what detection chose from its first lines.
 */
export interface FormatSpec {
  /**
   * `default` (JSON or logfmt, per line: today's reader), a built-in name, `regex`, or `auto`/absent:
   * detect from the first lines.
   */
  name?: string;
  regex?: string;
  flags?: string;
  /** Docker json-file: the format of the lines inside `log` (detected from them when absent). */
  inner?: string;
  /** Zone for timestamps without one: IANA name or offset (default UTC). */
  timezone?: string;
  /** A year-less syslog time is taken in the year that puts it at most 7 days after this (default: now). */
  referenceMs?: number;
  /** What the report calls it: `python-logging`, `docker (json)`, `json`… */
  label?: string;
  /** Chosen by detection, not named by the source. */
  detected?: boolean;
  /** The formats detection tried (in order), or the one the source named. */
  tried?: string[];
}

/** A format ready to read lines. One per scan: `time.zoneless` counts what it read without a zone. */
export interface LineFormat {
  readonly label: string;
  readonly time: TimeReader;
  parse(text: string): LogRecord | undefined;
  /**
   * For detection: 0 when `parse` cannot read the line, 1 when it reads it with a guessed level
   * (syslog without PRI), 2 when the level is written in its own place.
   */
  rank(text: string): 0 | 1 | 2;
  /** Lines starting with `{` are read as JSON objects (a truncated one is unreadable whatever else). */
  readonly jsonLines: boolean;
  prefilter(levels: readonly Level[]): Prefilter;
  /** Whether a candidate line (latin1) could have its time in (fromMs, toMs]; true when unsure. */
  timeFilter(fromMs: number, toMs: number): (line: string) => boolean;
  /** timeFilter over many lines at once (a superset of the lines it passes), where the format has one. */
  timePrefilter?(fromMs: number, toMs: number): Prefilter | undefined;
}

/** The user-facing `format` option → a spec (names and aliases resolved; `auto` left for detection). */
export function formatSpecOf(option: FormatOption | undefined, timezone: string | undefined, referenceMs?: number): FormatSpec {
  const base: FormatSpec = { ...(timezone !== undefined ? { timezone } : {}), ...(referenceMs !== undefined ? { referenceMs } : {}) };
  if (option === undefined) return base;
  if (typeof option === 'object') return { ...base, name: 'regex', regex: option.regex, ...(option.flags ? { flags: option.flags } : {}) };
  const key = option.trim().toLowerCase();
  const name = (FORMAT_NAMES as readonly string[]).includes(key) ? key : FORMAT_ALIASES[key];
  if (name === undefined) throw new UserError(`unknown log format "${option}"`, { exitCode: EXIT.badInput });
  return name === 'auto' ? base : { ...base, name };
}

/** Whether the spec still needs a sample of lines to pick the format (or Docker's inner format). */
export function needsDetection(spec: FormatSpec): boolean {
  return spec.name === undefined || spec.name === 'auto' || spec.name === 'syslog' || (spec.name === 'docker' && spec.inner === undefined);
}

/** What detection found in the sample, under the chosen format. */
export interface SampleStats {
  lines: number;
  unreadable: number;
  /** The first unreadable sample line (cut to 120 characters), for the report when the prefilter skipped the rest. */
  example?: string;
}

/** Candidates for detection, most specific first; json and logfmt are read by the default reader. */
const TOP_CANDIDATES = ['docker', 'json', 'logfmt', ...LAYOUTS.map((l) => l.name)];
const INNER_CANDIDATES = ['json', 'logfmt', ...LAYOUTS.map((l) => l.name), LEVEL_ONLY.name];

/**
 * Picks the format that reads the most of `lines` (the first non-blank lines of the source); between
 * formats that read as many, the one that guessed the fewest levels (see LineFormat.rank); then the
 * earlier candidate; JSON/logfmt (the default reader) when nothing reads anything. A named format is
 * kept (only Docker's inner format and `syslog`'s RFC are filled in). The tie-break is in docs/formats.md.
 */
export function resolveFormat(spec: FormatSpec, sample: string[]): { spec: FormatSpec; sample: SampleStats } {
  const lines = sample.map((l) => l.trim()).filter((l) => l !== '');
  let resolved: FormatSpec;
  if (spec.name === undefined || spec.name === 'auto') {
    const best = pick(lines, TOP_CANDIDATES, spec);
    resolved =
      best.name === 'docker'
        ? { ...spec, name: 'docker', inner: best.inner }
        : { ...spec, name: best.name === 'json' || best.name === 'logfmt' ? 'default' : best.name };
    resolved.label = best.name === 'docker' ? `docker (${best.inner})` : best.name;
    resolved.detected = true;
    resolved.tried = TOP_CANDIDATES;
  } else if (spec.name === 'syslog') {
    const best = pick(lines, ['syslog-5424', 'syslog-3164'], spec);
    resolved = { ...spec, name: best.name, label: best.name, tried: ['syslog-5424', 'syslog-3164'] };
  } else if (spec.name === 'docker' && spec.inner === undefined) {
    const inner = pick(innerLines(lines), INNER_CANDIDATES, spec).name;
    resolved = { ...spec, inner, label: `docker (${inner})`, tried: ['docker'] };
  } else resolved = { ...spec, label: spec.label ?? labelOf(spec), tried: spec.tried ?? [labelOf(spec)] };
  const format = createLineFormat(resolved);
  let unreadable = 0;
  let example: string | undefined;
  for (const l of lines) {
    if (format.parse(l)) continue;
    unreadable++;
    example ??= l.slice(0, 120);
  }
  return { spec: resolved, sample: { lines: lines.length, unreadable, ...(example !== undefined ? { example } : {}) } };
}

function labelOf(spec: FormatSpec): string {
  if (spec.name === 'docker') return `docker (${spec.inner ?? 'json'})`;
  return spec.name === undefined || spec.name === 'default' ? 'json' : spec.name;
}

function pick(lines: string[], candidates: string[], spec: FormatSpec): { name: string; inner?: string } {
  let best: { name: string; inner?: string; n: number; written: number } = { name: 'json', n: 0, written: 0 };
  const inner = candidates === INNER_CANDIDATES;
  for (const name of candidates) {
    // n: lines read; written: those of them whose level was not guessed.
    let n = 0;
    let written = 0;
    let innerName: string | undefined;
    if (inner) {
      const reader = innerReader(name, spec.referenceMs ?? Date.now());
      for (const l of lines) {
        const got = name !== 'json' || l.startsWith('{') ? reader.read(l) : undefined;
        if (got?.level === undefined) continue;
        n++;
        if (!got.levelGuessed) written++;
      }
    } else if (name === 'json' || name === 'logfmt') {
      // Both are read by the default reader; the name says which style its lines are in.
      for (const l of lines) if (l.startsWith('{') === (name === 'json') && parseLine(l)) n++;
      written = n;
    } else {
      let cand: FormatSpec = { ...spec, name };
      if (name === 'docker') {
        const inside = innerLines(lines);
        if (inside.length === 0) continue;
        innerName = pick(inside, INNER_CANDIDATES, spec).name;
        cand = { ...cand, inner: innerName };
      }
      const format = createLineFormat(cand);
      for (const l of lines) {
        const rank = format.rank(l);
        if (rank > 0) n++;
        if (rank === 2) written++;
      }
    }
    if (n > best.n || (n === best.n && written > best.written))
      best = { name, ...(innerName !== undefined ? { inner: innerName } : {}), n, written };
  }
  return best;
}

/** The `log` values of the lines that are Docker json-file records. */
function innerLines(lines: string[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    const d = dockerRecord(l);
    if (d) out.push(d.log);
  }
  return out;
}

function dockerRecord(text: string): { log: string; obj: Record<string, unknown> } | undefined {
  if (!text.startsWith('{')) return undefined;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const obj = v as Record<string, unknown>;
  if (typeof obj.log !== 'string') return undefined;
  return { log: obj.log.replace(/\r?\n$/, '').trim(), obj };
}

/** The reader for one resolved spec (see resolveFormat); `auto` reads as JSON/logfmt. */
export function createLineFormat(spec: FormatSpec): LineFormat {
  const zone = parseZone(spec.timezone ?? 'UTC');
  if (typeof zone === 'string') throw new UserError(`timezone: ${zone}`, { exitCode: EXIT.badInput });
  const time = createTimeReader(zone);
  const referenceMs = spec.referenceMs ?? Date.now();
  const label = spec.label ?? labelOf(spec);
  const name = spec.name ?? 'default';
  const jsonFilter = (from: number, to: number) => {
    const inSpan = createTimeFilter(from, to, createTimeReader(zone));
    return (line: string) => line.includes('\\') || inSpan(line);
  };
  const always = () => () => true;

  if (name === 'default' || name === 'auto' || name === 'json' || name === 'logfmt') {
    const parse: (text: string) => LogRecord | undefined =
      name === 'json'
        ? (text) => {
            const t = text.trim();
            return t.startsWith('{') ? complete(parseJsonPartial(t, time)) : undefined;
          }
        : name === 'logfmt'
          ? (text) => complete(parseLogfmtPartial(text.trim(), time))
          : (text) => parseLine(text, time);
    return {
      label,
      time,
      parse,
      rank: (text) => (parse(text) ? 2 : 0),
      jsonLines: name !== 'logfmt',
      prefilter: (levels) => createPrefilter(levels),
      timeFilter: jsonFilter,
      timePrefilter: createTimePrefilter,
    };
  }
  if (name === 'docker') {
    const inner = innerReader(spec.inner ?? 'json', referenceMs);
    const parse = (text: string): LogRecord | undefined => {
      const d = dockerRecord(text.trim());
      if (!d) return undefined;
      const got = inner.read(d.log);
      if (got?.level === undefined) return undefined;
      const ts = time.read(d.obj.time);
      if (ts === undefined) return undefined;
      const fields = got.fields;
      if (typeof d.obj.stream === 'string' && !Object.hasOwn(fields, 'stream')) fields.stream = d.obj.stream;
      const message = got.message ?? (inner.text ? d.log : undefined);
      return message === undefined ? { ts, level: got.level, fields } : { ts, level: got.level, fields, message };
    };
    return {
      label,
      time,
      jsonLines: true,
      parse,
      rank(text) {
        if (!parse(text)) return 0;
        return inner.read(dockerRecord(text.trim())!.log)?.levelGuessed ? 1 : 2;
      },
      prefilter: (levels) =>
        inner.text ? createTextPrefilter(levels, { ...inner.wordless, escaped: true }) : createPrefilter(levels, { escaped: true }),
      timeFilter: (from, to) => createDockerTimeFilter(from, to, createTimeReader(zone)),
    };
  }
  const layout = name === 'regex' ? regexLayout(spec.regex ?? '', spec.flags) : LAYOUTS.find((l) => l.name === name);
  if (!layout) throw new UserError(`unknown log format "${name}"`, { exitCode: EXIT.badInput });
  return {
    label,
    time,
    jsonLines: false,
    parse: (text) => complete(parseText(layout, text.trim(), time, referenceMs)),
    rank(text) {
      const got = parseText(layout, text.trim(), time, referenceMs);
      return complete(got) === undefined ? 0 : got?.levelGuessed ? 1 : 2;
    },
    prefilter: (levels) => createTextPrefilter(levels, wordlessOf(layout)),
    timeFilter: always,
  };
}

/** What the prefilter must let through for lines whose level is not a word in them. */
function wordlessOf(layout: TextLayout): { pri?: boolean; defaultLevel?: Level; digits?: boolean } {
  return layout.name === 'regex' ? { digits: true } : (layout.wordless ?? {});
}

/** Docker's inner lines: any format's partial record (the level is what counts; the time is Docker's). */
function innerReader(
  name: string,
  referenceMs: number,
): {
  read: (log: string) => PartialRecord | undefined;
  text: boolean;
  wordless: { pri?: boolean; defaultLevel?: Level; digits?: boolean };
} {
  const time = createTimeReader(); // the inner time is not used: its zone does not matter
  if (name === 'json' || name === 'logfmt' || name === 'default') {
    return {
      read: (log) => (log.startsWith('{') ? parseJsonPartial(log, time) : parseLogfmtPartial(log, time)),
      text: false,
      wordless: {},
    };
  }
  const layout = name === LEVEL_ONLY.name ? LEVEL_ONLY : LAYOUTS.find((l) => l.name === name);
  if (!layout) throw new UserError(`unknown log format "${name}" inside docker lines`, { exitCode: EXIT.badInput });
  return { read: (log) => parseText(layout, log, time, referenceMs), text: true, wordless: wordlessOf(layout) };
}
