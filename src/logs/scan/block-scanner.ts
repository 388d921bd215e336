import type { SourceStats } from '../../model/count.js';
import { isoSeconds } from '../../model/time.js';
import { createLineFormat, needsDetection, resolveFormat, type FormatSpec, type LineFormat, type SampleStats } from '../formats-source.js';
import { FilterSet, fieldValue, groupValue, type FieldSource } from '../../model/filter.js';
import { numericValue } from '../../model/aggregate.js';
import type { LogRecord } from '../formats.js';
import { LEVELS, type Level } from '../../model/levels.js';
import { DEFAULT_GROUP_LIMIT, type Filter, type SeriesSpec } from '../../model/series.js';
import { MAX_LINE_BYTES } from '../log-file.js';
import type { Prefilter } from './prefilter.js';
import type { SliceLines } from './time-scan.js';
import { addToWindows, LINEAR_WINDOWS, type Window } from '../../model/window.js';

const SAMPLE_CHARS = 120;
const MAX_SAMPLES = 3;
const OVERSIZED_SAMPLE = '(line over 1 MiB skipped)';
/** Bytes of lines turned into one latin1 string for the prefilter. */
const SLICE = 64 * 1024;
/**
 * The cost model that picks, slice by slice, how the level prefilter and the time prefilter are
 * combined (see candidates()): one regex pass over a slice, per byte; the time filter on one
 * candidate line; the level prefilter on one line. Rough figures of the reference scan (bench:rules).
 */
const PASS_COST_PER_BYTE = 0.5;
/** The time prefilter's pass over raw bytes (WebAssembly), per byte: it makes no latin1 text. */
const BYTES_PASS_COST_PER_BYTE = 0.15;
const TIME_LINE_COST = 1000;
const LEVEL_LINE_COST = 300;
/** A density is measured on at least this many bytes of lines (see density()). */
const MEASURED_BYTES = 8 * 1024;
/** Every this many slices both prefilters run, to re-measure how many lines each leaves. */
const RESAMPLE_SLICES = 16;
/**
 * A per-line test that turns away less than this share of the candidates is skipped (see RejectShare):
 * a test costs ~0.4 µs, the parse it may save ~2.5 µs, so below ~15 % it costs more than it saves.
 */
const SKIP_TEST_BELOW = 0.15;
/**
 * A test is judged on about this many of the last candidates it looked at (see RejectShare): a 64 KiB
 * slice may hold only a dozen, too few to judge it on one sample.
 */
const JUDGED_CANDIDATES = 100;
/** A sample measures the level density on this many bytes of lines at the slice's start. */
const SAMPLE_HEAD = 16 * 1024;
/** The format of a source that names none is detected from its first lines: this many bytes of them, at most SAMPLE_LINES lines. */
export const SAMPLE_BYTES = 64 * 1024;
const SAMPLE_LINES = 200;

export interface ScanSpec {
  /** Level counts (CountQuery): timestamps per level in `times`. Unused when `series` is set. */
  levels: Level[];
  /**
   * Series counts (SeriesQuery): timestamps (or counts per window, see `windows`) per series and
   * group in `series`. Filters are evaluated on the parsed entry. The byte prefilter looks for the
   * union of the series' level names when it is not every level; otherwise every line in the time
   * span is parsed.
   */
  series?: SeriesSpec[];
  /** Distinct groups tracked per series (default DEFAULT_GROUP_LIMIT); later groups are dropped and counted. */
  groupLimit?: number;
  /** Entries count when fromMs < ts <= toMs (the span of every window asked for). */
  fromMs: number;
  toMs: number;
  /**
   * The windows the counts are for, when known and few (see countedWindows): series without values
   * then count each entry into them as it is read, instead of keeping its timestamp — 200 rules over
   * a busy window would otherwise keep millions, and merge and sort them.
   */
  windows?: Window[];
  /** Parse every line, not only the prefilter's candidates, so `unreadable` covers every line. */
  checkEveryLine?: boolean;
  /** The line format (formats-source.ts); detected from the first lines when it names none. Default: JSON/logfmt per line. */
  format?: FormatSpec & { sample?: SampleStats };
}

/** The format a scan used, for the report. */
interface ScanFormat {
  label: string;
  detected: boolean;
  tried: string[];
  timezone: string;
  /** The first non-blank lines (up to SAMPLE_LINES) read with the format: how many, how many unreadable. */
  sample?: SampleStats;
}

/** One series' entries in the span, per group (key: JSON of the group values; "[]" ungrouped). */
export interface SeriesScan {
  /**
   * Per group: the entries' timestamps, or — when `counted` — the number of entries in each of the
   * spec's windows (ScanSpec.windows), which is all a count series needs of them.
   */
  groups: Map<string, number[]>;
  /** `groups` holds counts per window, not timestamps. */
  counted?: true;
  /** Value series: per group, the field's numeric value of each entry in `groups` (same order; NaN when not numeric). */
  values?: Map<string, number[]>;
  /** Keys of groups not tracked because of the group limit (kept up to DROPPED_KEYS_KEPT, then counted). */
  dropped: Set<string>;
  /** Dropped groups beyond the kept keys (each counted once per range; a lower bound is never claimed exact). */
  droppedOverflow: number;
}

/** Keys of dropped groups remembered to count them as distinct; beyond this they are counted without the key. */
const DROPPED_KEYS_KEPT = 100_000;

/** What one scan of a byte range found: timestamps per wanted level within the span, and stats. */
export interface ScanResult {
  times: Map<Level, number[]>;
  /** Set when the spec has `series`: aligned with it. */
  series?: SeriesScan[];
  linesRead: number;
  unreadable: number;
  unchecked: number;
  samples: string[];
  bytesRead: number;
  /** Timestamps of the parsed lines in file order broke "ordered" (see order.ts) by more than the slack. */
  disordered: boolean;
  /** Largest timestamp among parsed readable lines (-Infinity when none). */
  maxTs: number;
  /** Set when the scan has begun (after detection, for a source that names no format). */
  format?: ScanFormat;
  /** Entries read whose timestamp had no zone (read in format.timezone). */
  zoneless: number;
  /** Earliest and latest timestamp of the entries parsed (±Infinity when none); lines the prefilter skipped are not among them. */
  firstTs: number;
  lastTs: number;
}

/**
 * Counts lines the way the reference line-by-line path (test/helpers/reference-scan.ts) does, from raw bytes: lines split on \n,
 * blank lines skipped, lines over MAX_LINE_BYTES counted unreadable, the rest read by parseLine —
 * but only the prefilter's candidates are decoded and parsed; the others are counted in linesRead
 * and `unchecked`. Feed it chunks in order; it keeps at most one partial line (≤ 1 MiB).
 */
export class BlockScanner {
  readonly result: ScanResult;
  private readonly wanted: Set<Level>;
  private format!: LineFormat;
  private prefilter!: Prefilter;
  private mayBeInSpan!: (line: string) => boolean;
  private timePrefilter?: Prefilter;
  /** Candidates per byte of the last slice where each prefilter ran over the whole slice. */
  private levelDensity = 0;
  private timeDensity = 0;
  private slices = 0;
  /** The candidates of the current slice still need the level prefilter, line by line. */
  private levelPending = false;
  /** The candidates of the current slice passed the time prefilter (the seconds of the span, or a maybe). */
  private timeFiltered = false;
  /** The current slice re-measures (see candidates()): every per-line test runs, and how many lines each turns away is noted. */
  private sampling = true;
  /**
   * Of the candidates each per-line test looked at on the recent samples, the share it turned away. A
   * test that turns away few costs more than the parses it saves: it is skipped until the next
   * sample, and those lines are parsed and judged exactly instead.
   */
  private readonly levelRejects = new RejectShare();
  private readonly timeRejects = new RejectShare();
  /** Slices by how the prefilters were combined (see candidates()): for tests and profiles. */
  readonly combinations = { level: 0, time: 0, both: 0 };
  /** Slices whose candidates went without a per-line test (see levelRejects): for tests and profiles. */
  readonly skippedTests = { level: 0, time: 0 };
  /** Chunks held back until the format is detected from them (sources that name no format). */
  private head: Buffer[] | undefined;
  private headBytes = 0;
  private readonly matchers?: SeriesMatchers;
  private readonly groupLimit: number;
  /** Series mode: the levels the prefilter looks for, or undefined when the series take every level between them (every line is a candidate). */
  private readonly prefilterLevels?: Level[];
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** The spec's windows (counted series), as two lists for the per-entry loop. */
  private readonly windowFrom: number[];
  private readonly windowTo: number[];
  private skipping = false;

  /** `slackMs`: when set, parsed timestamps are checked to be ordered within it (see order.ts). */
  constructor(
    private readonly spec: ScanSpec,
    private readonly slackMs?: number,
    startMaxTs = -Infinity,
  ) {
    this.wanted = new Set(spec.levels);
    this.windowFrom = (spec.windows ?? []).map((w) => w.fromMs);
    this.windowTo = (spec.windows ?? []).map((w) => w.toMs);
    this.groupLimit = spec.groupLimit ?? DEFAULT_GROUP_LIMIT;
    if (spec.series) {
      this.matchers = compileSeriesSet(spec.series);
      // Every level among them is as good as none: the level regex would pass every line, and cost a pass.
      const union = new Set(spec.series.flatMap((s) => s.selection.levels));
      if (union.size < LEVELS.length) this.prefilterLevels = [...union];
    }
    this.result = {
      times: new Map(spec.series ? [] : spec.levels.map((l) => [l, []])),
      ...(spec.series ? { series: spec.series.map((s) => emptySeriesScan(s, spec.windows)) } : {}),
      linesRead: 0,
      unreadable: 0,
      unchecked: 0,
      samples: [],
      bytesRead: 0,
      disordered: false,
      maxTs: startMaxTs,
      zoneless: 0,
      firstTs: Infinity,
      lastTs: -Infinity,
    };
    const format = spec.format ?? {};
    // Held back until the first lines are seen: to detect the format, or to sample the named one.
    if (needsDetection(format) || !spec.format?.sample) this.head = [];
    else this.begin(format);
  }

  private begin(spec: FormatSpec & { sample?: SampleStats }): void {
    this.format = createLineFormat({ referenceMs: Number.isFinite(this.spec.toMs) ? this.spec.toMs : undefined, ...spec });
    // Series: the union of the series' level names, unless it is every level; then every line.
    if (!this.spec.series) this.prefilter = this.format.prefilter(this.spec.levels);
    else this.prefilter = this.prefilterLevels ? this.format.prefilter(this.prefilterLevels) : EVERY_LINE;
    this.mayBeInSpan = this.format.timeFilter(this.spec.fromMs, this.spec.toMs);
    this.timePrefilter = this.format.timePrefilter?.(this.spec.fromMs, this.spec.toMs);
    this.result.format = {
      label: this.format.label,
      detected: spec.detected === true,
      tried: spec.tried ?? [this.format.label],
      timezone: this.format.time.zone.name,
      ...(spec.sample ? { sample: spec.sample } : {}),
    };
  }

  /** Detects the format from the held-back head, then scans it. */
  private detect(): void {
    const head = Buffer.concat(this.head!);
    this.head = undefined;
    const { spec, sample } = resolveFormat(this.spec.format ?? {}, sampleLines(head));
    this.begin({ ...spec, sample });
    this.feedDetected(head);
  }

  feed(chunk: Buffer): void {
    if (this.head) {
      this.head.push(Buffer.from(chunk));
      this.headBytes += chunk.length;
      if (this.headBytes >= SAMPLE_BYTES) this.detect();
      return;
    }
    this.feedDetected(chunk);
  }

  private feedDetected(chunk: Buffer): void {
    this.result.bytesRead += chunk.length;
    let start = 0;
    const first = chunk.indexOf(10);
    if (first === -1) return this.keep(chunk, 0);
    if (this.pendingBytes > 0 || this.skipping) {
      this.finishPending(chunk.subarray(0, first));
      start = first + 1;
    }
    const last = chunk.lastIndexOf(10);
    if (last >= start) this.block(chunk, start, last + 1);
    this.keep(chunk, last + 1);
  }

  /** The stream ended: a last line without \n still counts. */
  end(): ScanResult {
    if (this.head) this.detect();
    if (this.skipping) this.oversized();
    else if (this.pendingBytes > 0) this.line(Buffer.concat(this.pending), 0, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    this.skipping = false;
    this.result.zoneless = this.format.time.zoneless;
    return this.result;
  }

  private keep(chunk: Buffer, from: number): void {
    const rest = chunk.length - from;
    if (rest === 0 || this.skipping) return;
    if (this.pendingBytes + rest > MAX_LINE_BYTES) {
      this.pending = [];
      this.pendingBytes = 0;
      this.skipping = true;
    } else {
      this.pending.push(Buffer.from(chunk.subarray(from)));
      this.pendingBytes += rest;
    }
  }

  private finishPending(head: Buffer): void {
    if (this.skipping || this.pendingBytes + head.length > MAX_LINE_BYTES) this.oversized();
    else {
      const whole = Buffer.concat([...this.pending, head]);
      this.line(whole, 0, whole.length);
    }
    this.pending = [];
    this.pendingBytes = 0;
    this.skipping = false;
  }

  /** Lines in buf[start, end), each ending in \n. */
  private block(buf: Buffer, start: number, end: number): void {
    if (this.spec.checkEveryLine === true) {
      for (let ls = start; ls < end;) {
        const nl = buf.indexOf(10, ls);
        if (nl - ls > MAX_LINE_BYTES) this.oversized();
        else this.line(buf, ls, nl);
        ls = nl + 1;
      }
      return;
    }
    const r = this.result;
    const jsonLines = this.format.jsonLines;
    // The latin1 view is made a slice at a time: large strings live until a full GC and inflate memory.
    for (let s = start; s < end;) {
      // Slices of even size: a last sliver of a few lines would measure the densities on too few lines.
      const left = end - s;
      const size = Math.ceil(left / Math.ceil(left / SLICE));
      const cut = s + size >= end ? end : buf.lastIndexOf(10, s + size) + 1;
      const e = cut > s ? cut : buf.indexOf(10, s + size) + 1; // a line longer than the slice
      const slice = { buf, start: s, end: e, text: undefined as string | undefined };
      const lines: SliceLines = { counted: -1, odd: [] };
      const candidates = this.candidates(slice, lines);
      // The slice's lines are counted on the time scan's pass when it ran (only its odd lines are
      // looked at here), else one by one.
      let nonBlank = 0;
      let broken = 0;
      const tally = (ls: number, nl: number) => {
        const kind = this.kindOf(buf, ls, nl);
        if (kind !== BLANK) nonBlank++;
        if (kind === BROKEN) broken++;
        return nl + 1;
      };
      if (lines.counted >= 0) {
        nonBlank = lines.counted;
        for (const off of lines.odd) tally(s + off, buf.indexOf(10, s + off));
      } else for (let ls = s; ls < e;) ls = tally(ls, buf.indexOf(10, ls));
      r.linesRead += nonBlank;
      let parsed = 0;
      const checkLevel = this.levelPending && (this.sampling || this.levelRejects.share() >= SKIP_TEST_BELOW);
      const checkTime = !this.timeFiltered || this.sampling || this.timeRejects.share() >= SKIP_TEST_BELOW;
      if (candidates.length > 0) {
        if (this.levelPending && !checkLevel) this.skippedTests.level++;
        if (!checkTime) this.skippedTests.time++;
      }
      let levelChecked = 0;
      let levelTurned = 0;
      let timeChecked = 0;
      let timeTurned = 0;
      for (const off of candidates) {
        const ls = s + off;
        const nl = buf.indexOf(10, ls);
        if (nl - ls > MAX_LINE_BYTES || (buf[ls] === 0x7b && jsonLines && truncatedJson(buf, ls, nl))) continue; // counted above
        if (checkLevel || checkTime) {
          const line = slice.text !== undefined ? slice.text.slice(off, nl - s) : buf.toString('latin1', ls, nl);
          if (checkLevel && (levelChecked++, this.prefilter.candidates(line).length === 0)) {
            levelTurned++;
            continue;
          }
          // provably outside every window
          if (checkTime && (timeChecked++, !this.mayBeInSpan(line))) {
            timeTurned++;
            continue;
          }
        }
        parsed++;
        this.read(buf.toString('utf8', ls, nl));
      }
      if (this.sampling && levelChecked > 0) this.levelRejects.add(levelChecked, levelTurned);
      if (this.sampling && this.timeFiltered && timeChecked > 0) this.timeRejects.add(timeChecked, timeTurned);
      r.unchecked += nonBlank - parsed - broken;
      s = e;
    }
  }

  /**
   * The line buf[ls, nl) for the line count: blank, or not (then maybe a JSON line cut short, counted
   * unreadable here); a line over MAX_LINE_BYTES is counted read and unreadable here, and is BLANK to the caller.
   */
  private kindOf(buf: Buffer, ls: number, nl: number): LineKind {
    const len = nl - ls;
    if (len > MAX_LINE_BYTES) {
      this.oversized();
      return BLANK;
    }
    if (len === 0) return BLANK;
    const b = buf[ls]!;
    // Most lines start with a visible ASCII byte; the rest are decoded to apply trim() exactly.
    if (!(b > 32 && b < 128) && isBlank(buf, ls, nl)) return BLANK;
    if (b === 0x7b && this.format.jsonLines && truncatedJson(buf, ls, nl)) {
      this.unreadable(buf.toString('utf8', ls, nl));
      return BROKEN;
    }
    return LINE;
  }

  /**
   * Starts of the lines in a slice that may be wanted entries in the span. Each prefilter is a
   * superset, so any combination is exact: the level prefilter alone (the time filter then runs on
   * its lines), the time prefilter first (then both per line: levelPending), or both over the slice,
   * intersected. The cheapest by the densities last measured; both run every RESAMPLE_SLICES slices.
   */
  private candidates(slice: Slice, lines: SliceLines): number[] {
    this.levelPending = false;
    const byTime = this.timePrefilter;
    const sample = this.slices++ % RESAMPLE_SLICES === 0;
    this.sampling = sample;
    this.timeFiltered = byTime !== undefined; // every route below but the level prefilter alone
    const c = this.combinations;
    const text = () => (slice.text ??= slice.buf.toString('latin1', slice.start, slice.end));
    const inTime = (): number[] =>
      byTime!.inBytes ? byTime!.inBytes(slice.buf, slice.start, slice.end, lines, MAX_LINE_BYTES) : byTime!.candidates(text());
    if (!byTime) {
      c.level++;
      return this.prefilter.candidates(text());
    }
    if (this.prefilter === EVERY_LINE) {
      c.time++;
      return inTime();
    }
    const bytes = slice.end - slice.start;
    const pass = PASS_COST_PER_BYTE;
    const levelOnly = pass + this.levelDensity * TIME_LINE_COST;
    const timeFirst = (byTime.inBytes ? BYTES_PASS_COST_PER_BYTE : pass) + this.timeDensity * (LEVEL_LINE_COST + TIME_LINE_COST);
    const both = 2 * pass + Math.min(this.levelDensity, this.timeDensity) * TIME_LINE_COST;
    if (!sample && levelOnly <= timeFirst && levelOnly <= both) {
      c.level++;
      this.timeFiltered = false;
      const byLevel = this.prefilter.candidates(text());
      this.levelDensity = density(this.levelDensity, byLevel.length, bytes);
      return byLevel;
    }
    const timed = inTime();
    this.timeDensity = density(this.timeDensity, timed.length, bytes);
    if (sample && !slice.text) {
      // The level density is measured on the slice's first lines only (the time pass above covered it
      // all); the whole slice is run through the level regex only if intersecting now pays.
      const head = slice.buf.lastIndexOf(10, Math.min(slice.end, slice.start + SAMPLE_HEAD) - 1) + 1;
      if (head > slice.start) {
        this.levelDensity = density(
          this.levelDensity,
          this.prefilter.candidates(slice.buf.toString('latin1', slice.start, head)).length,
          head - slice.start,
        );
        const timeThen = BYTES_PASS_COST_PER_BYTE + this.timeDensity * (LEVEL_LINE_COST + TIME_LINE_COST);
        const bothThen = 2 * pass + Math.min(this.levelDensity, this.timeDensity) * TIME_LINE_COST;
        if (timeThen <= bothThen) {
          c.time++;
          this.levelPending = true;
          return timed;
        }
      }
    }
    if (!sample && timeFirst <= both) {
      c.time++;
      this.levelPending = true;
      return timed;
    }
    c.both++;
    const byLevel = this.prefilter.candidates(text());
    this.levelDensity = density(this.levelDensity, byLevel.length, bytes);
    return intersectSorted(byLevel, timed);
  }

  /** One line, decoded and parsed whatever the prefilter would say (partial lines, checkEveryLine). */
  private line(buf: Buffer, start: number, end: number): void {
    const text = buf.toString('utf8', start, end);
    if (text.trim() === '') return;
    this.result.linesRead++;
    this.read(text);
  }

  private read(text: string): void {
    const r = this.result;
    const rec = this.format.parse(text);
    if (!rec) return this.unreadable(text);
    if (this.slackMs !== undefined) {
      if (rec.ts < r.maxTs - this.slackMs) r.disordered = true;
    }
    if (rec.ts > r.maxTs) r.maxTs = rec.ts;
    if (rec.ts < r.firstTs) r.firstTs = rec.ts;
    if (rec.ts > r.lastTs) r.lastTs = rec.ts;
    if (rec.ts <= this.spec.fromMs || rec.ts > this.spec.toMs) return;
    if (this.matchers) this.count(rec);
    else if (this.wanted.has(rec.level)) r.times.get(rec.level)!.push(rec.ts);
  }

  /** Adds an entry in the span to every series it matches, under its group. */
  private count(rec: LogRecord): void {
    const entry = rec as LogRecord & FieldSource;
    const out = this.result.series!;
    const { byLevel, filters } = this.matchers!;
    const candidates = byLevel.get(rec.level);
    if (!candidates) return;
    filters.reset();
    next: for (const m of candidates) {
      for (const id of m.filterIds) if (!filters.holds(id, entry)) continue next;
      if (m.counts) {
        addToWindows(m.counts, rec.ts, this.windowFrom, this.windowTo);
        continue;
      }
      const scan = out[m.index]!;
      const key = m.groupBy ? JSON.stringify(m.groupBy.map((f) => groupValue(entry, f))) : '[]';
      if (scan.counted) {
        this.countIn(scan, key, rec.ts);
        if (!m.groupBy) m.counts = scan.groups.get(key);
        continue;
      }
      const times = scan.groups.get(key);
      const v = m.valueField !== undefined ? (numericValue(fieldValue(entry, m.valueField)) ?? NaN) : 0;
      if (times) {
        times.push(rec.ts);
        if (scan.values) scan.values.get(key)!.push(v);
      } else if (scan.groups.size < this.groupLimit) {
        scan.groups.set(key, [rec.ts]);
        scan.values?.set(key, [v]);
      } else dropGroup(scan, key);
    }
  }

  /** A counted series: the entry adds one to each of its group's windows that holds `ts`. */
  private countIn(scan: SeriesScan, key: string, ts: number): void {
    let counts = scan.groups.get(key);
    if (!counts) {
      if (scan.groups.size >= this.groupLimit) return dropGroup(scan, key);
      counts = new Array<number>(this.windowFrom.length).fill(0);
      scan.groups.set(key, counts);
    }
    addToWindows(counts, ts, this.windowFrom, this.windowTo);
  }

  private oversized(): void {
    this.result.linesRead++;
    this.unreadable(OVERSIZED_SAMPLE);
  }

  private unreadable(sample: string): void {
    const r = this.result;
    r.unreadable++;
    if (r.samples.length < MAX_SAMPLES) r.samples.push(sample.slice(0, SAMPLE_CHARS));
  }
}

/** The first non-blank lines of a head of bytes (a last partial line included), for format detection. */
export function sampleLines(head: Buffer): string[] {
  const out: string[] = [];
  const lines = head.subarray(0, SAMPLE_BYTES).toString('utf8').split('\n');
  if (head.length > SAMPLE_BYTES) lines.pop(); // maybe cut short
  for (const line of lines) {
    if (line.trim() === '') continue;
    out.push(line);
    if (out.length >= SAMPLE_LINES) break;
  }
  return out;
}

/**
 * A line starting with `{` whose last byte (before ASCII whitespace) is an ASCII byte other than `}`
 * cannot be a JSON object, nor logfmt: parseLine reads it as JSON and fails. Typically a line cut
 * short by a crash or a full disk; cheap enough to check on every line, so those are always counted.
 */
function truncatedJson(buf: Buffer, start: number, end: number): boolean {
  let j = end - 1;
  while (j > start && (buf[j] === 32 || (buf[j]! >= 9 && buf[j]! <= 13))) j--;
  return buf[j]! < 0x80 && buf[j] !== 0x7d;
}

function isBlank(buf: Buffer, start: number, end: number): boolean {
  return buf.toString('utf8', start, end).trim() === '';
}

/**
 * Candidates per byte, measured on `bytes` bytes of lines. A few lines (a small block, a file's last
 * ones) say too little and the earlier figure stands: one candidate among three lines would read as a
 * dense slice and send the next ones to the wrong prefilter.
 */
function density(before: number, candidates: number, bytes: number): number {
  return bytes >= MEASURED_BYTES ? candidates / bytes : before;
}

/** The share of the last ~JUDGED_CANDIDATES candidates a per-line test looked at on samples that it turned away. */
class RejectShare {
  private checked = 0;
  private turned = 0;

  add(checked: number, turned: number): void {
    // Earlier samples are scaled down to make room for this one.
    const room = Math.max(0, JUDGED_CANDIDATES - checked);
    if (this.checked > room) {
      this.turned *= room / this.checked;
      this.checked = room;
    }
    this.checked += checked;
    this.turned += turned;
  }

  /** 1 before any sample: a test runs until it is known not to pay. */
  share(): number {
    return this.checked > 0 ? this.turned / this.checked : 1;
  }
}

/** A line as the line count sees it (BlockScanner.kindOf). */
const BLANK = 0;
const LINE = 1;
const BROKEN = 2;
type LineKind = typeof BLANK | typeof LINE | typeof BROKEN;

/** Whole lines buf[start, end) being scanned; their latin1 text once some pass has needed it. */
interface Slice {
  buf: Buffer;
  start: number;
  end: number;
  text: string | undefined;
}

interface SeriesMatcher {
  /** The series' place in the spec (and the result). */
  index: number;
  /** Its filters, as places in SeriesMatchers.filters: all must hold. */
  filterIds: number[];
  groupBy: string[] | undefined;
  /** Value series: the numeric field whose values are kept. */
  valueField: string | undefined;
  /** A counted series without groups: its one group's counts, once made (what countIn would find). */
  counts: number[] | undefined;
}

/** Every series of a scan, indexed for many rules: by level, with each distinct filter judged once an entry. */
interface SeriesMatchers {
  /** Per level, the series that take it, in spec order. */
  byLevel: Map<Level, SeriesMatcher[]>;
  filters: FilterSet;
}

function compileSeriesSet(series: SeriesSpec[]): SeriesMatchers {
  const ids = new Map<string, number>();
  const distinct: Filter[] = [];
  const byLevel = new Map<Level, SeriesMatcher[]>();
  series.forEach((spec, index) => {
    const filterIds = spec.selection.where.map((f) => {
      const key = JSON.stringify([f.field, f.op, f.value]);
      let id = ids.get(key);
      if (id === undefined) {
        id = distinct.push(f) - 1;
        ids.set(key, id);
      }
      return id;
    });
    // Every matcher has every property from the start: one shape keeps count()'s loop monomorphic.
    const m: SeriesMatcher = {
      index,
      filterIds,
      groupBy: spec.groupBy?.length ? spec.groupBy : undefined,
      valueField: spec.value?.field,
      counts: undefined,
    };
    for (const level of new Set(spec.selection.levels)) {
      const list = byLevel.get(level);
      if (list) list.push(m);
      else byLevel.set(level, [m]);
    }
  });
  return { byLevel, filters: new FilterSet(distinct) };
}

/** The windows a scan may count into, or undefined when there are too many to test per entry. */
export const countedWindows = (windows: Window[]): Window[] | undefined => (windows.length <= LINEAR_WINDOWS ? windows : undefined);

/** A series with nothing yet; counted (see SeriesScan) when the scan has windows and the series keeps no values. */
export const emptySeriesScan = (spec: SeriesSpec, windows?: Window[]): SeriesScan => ({
  groups: new Map(),
  ...(windows && !spec.value ? { counted: true as const } : {}),
  ...(spec.value ? { values: new Map() } : {}),
  dropped: new Set(),
  droppedOverflow: 0,
});

function dropGroup(scan: SeriesScan, key: string): void {
  if (scan.dropped.has(key)) return;
  if (scan.dropped.size < DROPPED_KEYS_KEPT) scan.dropped.add(key);
  else scan.droppedOverflow++;
}

/** The values in both ascending lists. */
function intersectSorted(a: number[], b: number[]): number[] {
  const out: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      out.push(a[i]!);
      i++;
      j++;
    }
  }
  return out;
}

/** Every line is a candidate (a series matches any level): the time filter alone decides. */
const EVERY_LINE: Prefilter = {
  candidates(text) {
    const out: number[] = [];
    for (let i = 0; i < text.length;) {
      out.push(i);
      const nl = text.indexOf('\n', i);
      if (nl === -1) break;
      i = nl + 1;
    }
    return out;
  },
};

/**
 * Adds the groups of `b` (a later range, or another source) into `a`, in order: a group new to `a`
 * is tracked while `a` is under the limit, else dropped and counted.
 */
export function mergeSeriesScans(a: SeriesScan[], b: SeriesScan[], groupLimit = DEFAULT_GROUP_LIMIT): void {
  b.forEach((bs, i) => {
    const as = a[i]!;
    for (const [key, ts] of bs.groups) {
      const times = as.groups.get(key);
      const vals = bs.values?.get(key);
      if (times && as.counted) {
        for (let j = 0; j < times.length; j++) times[j]! += ts[j]!;
      } else if (times) {
        for (const t of ts) times.push(t);
        if (vals) for (const v of vals) as.values!.get(key)!.push(v);
      } else if (as.groups.size < groupLimit && !as.dropped.has(key) && as.droppedOverflow === 0) {
        as.groups.set(key, ts);
        if (vals) as.values!.set(key, vals);
      } else dropGroup(as, key);
    }
    // A group `b` dropped lost entries there: it is no longer exact, so it is reported truncated too.
    for (const key of bs.dropped) {
      as.groups.delete(key);
      as.values?.delete(key);
      dropGroup(as, key);
    }
    as.droppedOverflow += bs.droppedOverflow;
  });
}

/** Adds `b` (a later range of the same source) into `a`. */
export function mergeResults(a: ScanResult, b: ScanResult, groupLimit?: number): ScanResult {
  for (const [level, ts] of b.times) for (const t of ts) a.times.get(level)!.push(t);
  if (a.series && b.series) mergeSeriesScans(a.series, b.series, groupLimit);
  a.linesRead += b.linesRead;
  a.unreadable += b.unreadable;
  a.unchecked += b.unchecked;
  for (const s of b.samples) if (a.samples.length < MAX_SAMPLES) a.samples.push(s);
  a.bytesRead += b.bytesRead;
  a.disordered ||= b.disordered;
  a.maxTs = Math.max(a.maxTs, b.maxTs);
  a.zoneless += b.zoneless;
  a.firstTs = Math.min(a.firstTs, b.firstTs);
  a.lastTs = Math.max(a.lastTs, b.lastTs);
  a.format ??= b.format;
  return a;
}

export function toStats(source: string, r: ScanResult, skippedBytes = 0, timezoneNamed = false): SourceStats {
  const stats: SourceStats = {
    source,
    linesRead: r.linesRead,
    unreadable: r.unreadable,
    unreadableSamples: r.samples,
    bytesRead: r.bytesRead,
  };
  if (r.unchecked > 0) stats.unchecked = r.unchecked;
  if (skippedBytes > 0) stats.skippedBytes = skippedBytes;
  if (r.format) {
    stats.format = r.format.label;
    if (r.format.detected) stats.formatDetected = true;
    stats.formatsTried = r.format.tried;
    if (r.zoneless > 0) {
      stats.zonelessTimes = r.zoneless;
      stats.timezone = r.format.timezone;
      if (!timezoneNamed) stats.timezoneAssumed = true;
    }
    if (mostlyUnreadable(r)) {
      stats.mostlyUnreadable = true;
      // The prefilter may have skipped every unreadable line: show one from the sample.
      const example = r.format.sample?.example;
      if (r.samples.length === 0 && example !== undefined) stats.unreadableSamples = [example];
    }
  }
  if (r.firstTs <= r.lastTs && Math.abs(r.firstTs) <= 8.64e15 && Math.abs(r.lastTs) <= 8.64e15) {
    stats.firstEntryAt = isoSeconds(r.firstTs);
    stats.lastEntryAt = isoSeconds(r.lastTs);
  }
  return stats;
}

/**
 * More than half the lines could not be read: of every line when each was parsed, else of the first
 * lines (the sample parsed in full), since lines the prefilter skipped were never tried.
 */
function mostlyUnreadable(r: ScanResult): boolean {
  if (r.unchecked === 0) return r.linesRead > 0 && r.unreadable * 2 > r.linesRead;
  const sample = r.format?.sample;
  return sample !== undefined && sample.lines > 0 && sample.unreadable * 2 > sample.lines;
}
