import { aggregate, numericValue } from '../../src/model/aggregate.js';
import type { Filter, GroupCounts, Scalar, SeriesCounts, SeriesSpec } from '../../src/model/series.js';
import type { Window } from '../../src/model/window.js';
import type { Level } from '../../src/model/levels.js';

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

function oracleNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && /^-?[0-9]+(\.[0-9]+)?$/.test(v)) return Number(v);
  return undefined;
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
          return aggregate(agg, inW.map((e) => numericValue(oracleField(e, field)) as number), inW.map((e) => e.ts));
        });
        out.skippedValues = g.entries.filter((e) => e.ts > spanFrom && e.ts <= spanTo && numericValue(oracleField(e, field)) === null).length;
      }
      groups.push(out);
    }
    return { groups, truncatedGroups: 0 };
  });
}
