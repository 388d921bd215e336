import { aggregate, numericValue } from '../../src/model/aggregate.js';
import type { Filter, GroupCounts, Scalar, SeriesCounts, SeriesSpec } from '../../src/model/series.js';
import type { Window } from '../../src/model/window.js';
import type { Level } from '../../src/model/levels.js';
import { LEVELS as ALL_LEVELS } from '../../src/model/levels.js';
import { parseLine } from '../../src/logs/formats.js';

/** Brute force, written as literally as the seed reads, to check the fast paths against. */
export interface Entry {
  ts: number;
  level: Level;
}

/** Entries at `level` with from < ts <= to, by looking at every entry. */
export function oracleCount(entries: Entry[], level: Level, fromMs: number, toMs: number): number {
  let n = 0;
  for (const e of entries) if (e.level === level && e.ts > fromMs && e.ts <= toMs) n++;
  return n;
}

/** The seed's evaluation at each tick in turn: count, compare, dedup on last_triggered_at. */
export function oracleFires(
  entries: Entry[],
  rule: { level: Level; threshold: number; window_minutes: number; enabled: boolean },
  ticks: number[],
  lastTriggeredMs: number | null,
): { tickMs: number; match_count: number }[] {
  const fires: { tickMs: number; match_count: number }[] = [];
  if (!rule.enabled) return fires;
  let last = lastTriggeredMs;
  const w = rule.window_minutes * 60_000;
  for (const t of ticks) {
    const count = oracleCount(entries, rule.level, t - w, t);
    const quiet = last === null || t - last >= w;
    if (count >= rule.threshold && quiet) {
      fires.push({ tickMs: t, match_count: count });
      last = t;
    }
  }
  return fires;
}

// ---------------------------------------------------------------------------------------------
// Series (src/model/series.ts): filters, level sets, groups and values, by looking at every entry.
// A literal reading of the contract's text, independent of src/model/filter.ts and the stores.

/** A parsed entry: its fields (JSON object / logfmt keys) and the format's message. */
export interface FieldEntry {
  ts: number;
  level: Level;
  fields: Record<string, unknown>;
  message?: string;
}

/** `message` is the message; a top-level key "a.b" wins over the nested path a → b. */
export function oracleField(e: FieldEntry, path: string): unknown {
  if (path === 'message') return e.message;
  if (Object.prototype.hasOwnProperty.call(e.fields, path)) return e.fields[path];
  if (!path.includes('.')) return undefined;
  let cur: unknown = e.fields;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(cur, part)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** The string form: strings as is, numbers as JSON writes them, true/false; nothing else has one. */
export function oracleString(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return JSON.stringify(v);
  if (typeof v === 'boolean') return String(v);
  return undefined;
}

/** The one numeric reading (src/model/aggregate.ts numericValue; test/model/numeric.test.ts pins it case by case). */
function oracleNumber(v: unknown): number | undefined {
  return numericValue(v) ?? undefined;
}

export function oracleFilter(e: FieldEntry, f: Filter): boolean {
  const v = oracleField(e, f.field);
  const s = oracleString(v);
  const want = (x: Scalar) => oracleString(x) as string;
  switch (f.op) {
    case 'exists':
      return v !== undefined && v !== null;
    case 'equals':
      return s !== undefined && s === want(f.value as Scalar);
    case 'not_equals':
      return !(s !== undefined && s === want(f.value as Scalar));
    case 'one_of':
      return s !== undefined && (f.value as Scalar[]).some((x) => want(x) === s);
    case 'contains':
      return s !== undefined && s.includes(want(f.value as Scalar));
    case 'matches':
      return s !== undefined && new RegExp(f.value as string).test(s);
    default: {
      const n = oracleNumber(v);
      const x = f.value as number;
      if (n === undefined) return false;
      return f.op === 'gt' ? n > x : f.op === 'gte' ? n >= x : f.op === 'lt' ? n < x : n <= x;
    }
  }
}

/** Every series × window by brute force; ungrouped series have the one group [], grouped ones every group with an entry in some window. */
export function oracleSeries(entries: FieldEntry[], series: SeriesSpec[], windows: Window[]): SeriesCounts[] {
  const spanFrom = Math.min(...windows.map((w) => w.fromMs));
  const spanTo = Math.max(...windows.map((w) => w.toMs));
  return series.map((spec) => {
    const matched = entries.filter((e) => spec.selection.levels.includes(e.level) && spec.selection.where.every((f) => oracleFilter(e, f)));
    const byGroup = new Map<string, { key: (string | null)[]; entries: FieldEntry[] }>();
    if (!spec.groupBy) byGroup.set('[]', { key: [], entries: [] });
    for (const e of matched) {
      const key = (spec.groupBy ?? []).map((g) => oracleString(oracleField(e, g)) ?? null);
      const k = JSON.stringify(key);
      const g = byGroup.get(k) ?? { key, entries: [] };
      g.entries.push(e);
      byGroup.set(k, g);
    }
    const groups: GroupCounts[] = [];
    for (const g of byGroup.values()) {
      const counts = windows.map((w) => g.entries.filter((e) => e.ts > w.fromMs && e.ts <= w.toMs).length);
      if (spec.groupBy && !counts.some((n) => n > 0)) continue;
      const out: GroupCounts = { key: g.key, counts };
      if (spec.value) {
        const field = spec.value.field;
        const agg = spec.value.aggregate;
        out.values = windows.map((w) => {
          const inW = g.entries.filter((e) => e.ts > w.fromMs && e.ts <= w.toMs && numericValue(oracleField(e, field)) !== null);
          return aggregate(
            agg,
            inW.map((e) => numericValue(oracleField(e, field)) as number),
            inW.map((e) => e.ts),
          );
        });
        out.skippedValues = g.entries.filter(
          (e) => e.ts > spanFrom && e.ts <= spanTo && numericValue(oracleField(e, field)) === null,
        ).length;
      }
      groups.push(out);
    }
    return { groups, truncatedGroups: 0 };
  });
}

// ---------------------------------------------------------------------------------------------
// Rules (issue 14), by brute force: parse every line, apply the filters, group, count,
// divide — at every tick, looking at every entry. Written from docs/rules.md and src/model/series.ts,
// not from the production code (src/model/filter.ts, src/evaluate/*), so the two can disagree.

/** Every readable line of a text, parsed; unreadable lines are left out (they count nowhere). */
export function oracleParse(text: string): FieldEntry[] {
  const out: FieldEntry[] = [];
  for (const line of text.split('\n')) {
    const rec = parseLine(line);
    if (rec) out.push(rec);
  }
  return out;
}

export interface OracleRule {
  id: string;
  enabled: boolean;
  level?: Level | Level[];
  min_level?: Level;
  where?: Filter[];
  threshold: number;
  window_minutes: number;
  group_by?: string[];
  max_groups?: number;
  comparison?: 'at_least' | 'fewer_than';
  group_lookback_minutes?: number;
  denominator?: { level?: Level | Level[]; min_level?: Level; where?: Filter[] };
  min_denominator?: number;
}

function levelsOf(s: { level?: Level | Level[]; min_level?: Level }): Level[] {
  if (s.min_level) return ALL_LEVELS.filter((l) => ALL_LEVELS.indexOf(l) >= ALL_LEVELS.indexOf(s.min_level!));
  if (s.level === undefined) return [...ALL_LEVELS];
  return Array.isArray(s.level) ? s.level : [s.level];
}

export function oracleSelects(e: FieldEntry, s: { level?: Level | Level[]; min_level?: Level; where?: Filter[] }): boolean {
  return levelsOf(s).includes(e.level) && (s.where ?? []).every((f) => oracleFilter(e, f));
}

function groupKeyOf(e: FieldEntry, fields: string[] | undefined): string {
  return JSON.stringify((fields ?? []).map((f) => oracleString(oracleField(e, f)) ?? null));
}

/** Matching entries per group key with from < ts <= to. */
function countByGroup(
  entries: FieldEntry[],
  s: Parameters<typeof oracleSelects>[1],
  groupBy: string[] | undefined,
  from: number,
  to: number,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of entries) {
    if (e.ts > from && e.ts <= to && oracleSelects(e, s)) {
      const k = groupKeyOf(e, groupBy);
      out.set(k, (out.get(k) ?? 0) + 1);
    }
  }
  return out;
}

export interface OracleFire {
  tickMs: number;
  /** JSON of the group values; "[]" ungrouped. */
  key: string;
  match_count: number;
  ratio?: number;
  denominator_count?: number;
}

/**
 * The decisions of one rule at each tick in turn, with the per-instance dedup state carried in and
 * out (`last`: rule-level last fire; `perGroup`: per group key, grouped rules).
 */
export function oracleRuleFires(
  entries: FieldEntry[],
  rule: OracleRule,
  ticks: number[],
  carried: { last: number | null; perGroup: Map<string, number> },
): { fires: OracleFire[]; truncated: number[] } {
  const fires: OracleFire[] = [];
  const truncated: number[] = [];
  if (!rule.enabled) return { fires, truncated: ticks.map(() => 0) };
  const W = rule.window_minutes * 60_000;
  const fewer = rule.comparison === 'fewer_than';
  const grouped = rule.group_by !== undefined;
  for (const t of ticks) {
    const counts = countByGroup(entries, rule, rule.group_by, t - W, t);
    const candidates: { key: string; count: number; den?: number; measure: number; met: boolean }[] = [];
    if (rule.denominator) {
      const dens = countByGroup(entries, rule.denominator, rule.group_by, t - W, t);
      const keys = grouped ? [...dens.keys()] : ['[]'];
      for (const key of keys) {
        const den = dens.get(key) ?? 0;
        const count = counts.get(key) ?? 0;
        const ratio = den === 0 ? null : count / den;
        const met = ratio !== null && den >= (rule.min_denominator ?? 1) && (fewer ? ratio < rule.threshold : ratio >= rule.threshold);
        candidates.push({ key, count, den, measure: ratio ?? 0, met });
      }
    } else {
      let keys: string[];
      if (!grouped) keys = ['[]'];
      else if (fewer) keys = [...countByGroup(entries, rule, rule.group_by, t - (rule.group_lookback_minutes ?? 1440) * 60_000, t).keys()];
      else keys = [...counts.keys()];
      for (const key of keys) {
        const count = counts.get(key) ?? 0;
        candidates.push({ key, count, measure: count, met: fewer ? count < rule.threshold : count >= rule.threshold });
      }
    }
    const due = candidates.filter((c) => {
      if (!c.met) return false;
      const prev = grouped ? carried.perGroup.get(c.key) : (carried.last ?? undefined);
      return prev === undefined || t - prev >= W;
    });
    due.sort((a, b) => (fewer ? a.measure - b.measure : b.measure - a.measure) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const firing = grouped ? due.slice(0, rule.max_groups ?? 100) : due;
    truncated.push(due.length - firing.length);
    for (const c of firing) {
      fires.push({
        tickMs: t,
        key: c.key,
        match_count: c.count,
        ...(c.den !== undefined ? { ratio: c.count / c.den, denominator_count: c.den } : {}),
      });
      if (grouped) carried.perGroup.set(c.key, t);
      carried.last = t;
    }
  }
  return { fires, truncated };
}
