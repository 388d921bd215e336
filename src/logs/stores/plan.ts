import { aggregate, exactSum, percentileRank, PERCENTILES } from '../../model/aggregate.js';
import type { Level } from '../../model/levels.js';
import type { Aggregate, Filter, GroupCounts, Scalar, SeriesCounts, SeriesQuery, SeriesSpec } from '../../model/series.js';
import { upperBound, type Window } from '../../model/window.js';
import type { ClickHouseSource, PostgresSource } from '../../rules/schema.js';
import { SparseCells } from './buckets.js';
import { checkIdent } from './sql.js';

/**
 * The dialect-free half of the series pushdown (src/model/series.ts): where each field lives in the
 * table, which series take the cheap path, and how the rows the store returns per (series, group,
 * cell) become counts and exact aggregates per window. The SQL is written by postgres-series.ts and
 * clickhouse-series.ts. docs/stores.md describes the table layouts.
 */

type StoreSource = PostgresSource | ClickHouseSource;

/** Where a rule's field is read from. */
export interface FieldRef {
  /** The name the rule uses. */
  field: string;
  kind: 'column' | 'json';
  /** The (validated) column: the field's own column, or the fields_column holding JSON. */
  column: string;
  /** json: the path (a top-level key equal to `field` wins over the nested path, as in files). */
  path: string[];
}

/** Errors about a source's fields; the caller adds the source's name. */
export class FieldError extends Error {}

function resolveField(source: StoreSource, field: string): FieldRef {
  if (field === 'message') {
    if (source.message_column) return { field, kind: 'column', column: checkIdent(source.message_column, 'message_column'), path: [] };
    throw new FieldError('field "message": set message_column on the source to the column holding the message');
  }
  if (source.columns?.includes(field)) return { field, kind: 'column', column: checkIdent(field, 'column'), path: [] };
  if (source.fields_column) {
    if (field.split('.').some((p) => p === '')) throw new FieldError(`field "${field}": empty path segment`);
    return { field, kind: 'json', column: checkIdent(source.fields_column, 'fields_column'), path: field.split('.') };
  }
  const cols = source.columns?.length ? `columns (${source.columns.join(', ')})` : 'columns (none listed)';
  throw new FieldError(
    `field "${field}" is not one of the source's ${cols} and the source has no fields_column; list the column under columns, or set fields_column to a JSON column holding the entry's fields`,
  );
}

const fieldKey = (f: FieldRef): string => `${f.kind}:${f.column}:${f.field}`;

export interface PlannedSeries {
  index: number;
  spec: SeriesSpec;
  levels: Level[];
  where: { filter: Filter; field: number }[];
  groupBy: number[];
  value?: { field: number; aggregate: Aggregate; histogram: boolean };
  /** Ungrouped and no value: one count per cell is all it needs (conditional aggregation). */
  simple: boolean;
}

export interface Plan {
  series: PlannedSeries[];
  /** Distinct fields, referenced by index from the series. */
  fields: FieldRef[];
  /** Every level any series asks for (the row prefilter). */
  levels: Level[];
}

export function planQuery(source: StoreSource, query: SeriesQuery): Plan {
  const fields: FieldRef[] = [];
  const byKey = new Map<string, number>();
  const fieldIndex = (name: string): number => {
    const ref = resolveField(source, name);
    const key = fieldKey(ref);
    let i = byKey.get(key);
    if (i === undefined) {
      i = fields.length;
      fields.push(ref);
      byKey.set(key, i);
    }
    return i;
  };
  const levels = new Set<Level>();
  const series = query.series.map((spec, index): PlannedSeries => {
    for (const l of spec.selection.levels) levels.add(l);
    const where = spec.selection.where.map((filter) => ({ filter, field: fieldIndex(filter.field) }));
    const groupBy = (spec.groupBy ?? []).map(fieldIndex);
    const value = spec.value
      ? {
          field: fieldIndex(spec.value.field),
          aggregate: spec.value.aggregate,
          histogram: !['max', 'min', 'last'].includes(spec.value.aggregate),
        }
      : undefined;
    return { index, spec, levels: [...new Set(spec.selection.levels)], where, groupBy, value, simple: groupBy.length === 0 && !value };
  });
  return { series, fields, levels: [...levels] };
}

/**
 * A series' filters, cheapest first (exists; equality and numeric comparisons; contains; matches).
 * AND is commutative, so the order never changes a count; PostgreSQL stops at the first false
 * operand, and on ClickHouse the costly ones run only over the rows the cheap ones let through
 * (clickhouse-series.ts), so a rule's regex is evaluated on as few rows as its other filters allow.
 */
export function byCost<T extends { filter: Filter }>(where: readonly T[]): T[] {
  const cost = (f: Filter): number => (f.op === 'matches' ? 3 : f.op === 'contains' ? 2 : f.op === 'exists' ? 0 : 1);
  return where
    .map((w, i) => ({ w, i }))
    .sort((a, b) => cost(a.w.filter) - cost(b.w.filter) || a.i - b.i)
    .map((x) => x.w);
}

/** The canonical JavaScript string form of a number-looking string, when it is one (else undefined). */
export function canonicalNumber(s: string): number | undefined {
  if (s === '' || s.trim() !== s) return undefined;
  const x = Number(s);
  return Number.isFinite(x) && JSON.stringify(x) === s ? x : undefined;
}

/** The string form of a filter's value (series.ts). */
export const scalarString = (v: Scalar): string =>
  typeof v === 'string' ? v : typeof v === 'number' ? JSON.stringify(v) : v ? 'true' : 'false';

/** For string filters: which boolean string forms satisfy `test`. */
export const booleansWhere = (test: (s: string) => boolean): string[] => ['true', 'false'].filter(test);

// ---------------------------------------------------------------------------------------------
// Rows → SeriesCounts

/** A row of the general path: one (series, group, cell[, histogram value]). */
export interface GeneralRow {
  s: number;
  /** The group key, decoded to string forms (null: no string form). */
  key: (string | null)[];
  cell: number;
  /** Histogram series: the value this row counts (null: the row's entries had no numeric value). */
  hv: number | null;
  n: number;
  nv: number;
  vmin: number | null;
  vmax: number | null;
  lts: number | null;
  lv: number | null;
}

interface Partial {
  n: number;
  nv: number;
  min: number;
  max: number;
  lts: number;
  lv: number;
  hist?: Map<number, number>;
}

interface GroupCells {
  key: (string | null)[];
  cells: Map<number, Partial>;
}

/**
 * Assembles the answer. `cellOf(edge)` is the index of the cell that ends at a window edge, so a
 * window (from, to] is the cells k with cellOf(from) < k <= cellOf(to). `simpleRows` carry per cell
 * the counts of the simple series, in plan order.
 */
export function assemble(
  plan: Plan,
  windows: Window[],
  cellOf: (edgeMs: number) => number,
  simpleRows: { cell: number; counts: number[] }[],
  generalRows: GeneralRow[],
  groupLimit: number,
): SeriesCounts[] {
  const simple = plan.series.filter((s) => s.simple);
  const simplePos = new Map(simple.map((s, i) => [s.index, i]));
  const ranges = windows.map((w) => (w.toMs <= w.fromMs ? undefined : ([cellOf(w.fromMs), cellOf(w.toMs)] as const)));

  const perSeries = plan.series.map(() => new Map<string, GroupCells>());
  for (const row of generalRows) {
    const groups = perSeries[row.s];
    const ps = plan.series[row.s];
    if (!groups || !ps) continue;
    const gk = JSON.stringify(row.key);
    let g = groups.get(gk);
    if (!g) groups.set(gk, (g = { key: row.key, cells: new Map() }));
    let p = g.cells.get(row.cell);
    if (!p) g.cells.set(row.cell, (p = { n: 0, nv: 0, min: Infinity, max: -Infinity, lts: -Infinity, lv: -Infinity }));
    p.n += row.n;
    p.nv += row.nv;
    if (row.nv > 0) {
      if (row.vmin !== null && row.vmin < p.min) p.min = row.vmin;
      if (row.vmax !== null && row.vmax > p.max) p.max = row.vmax;
      if (row.lts !== null && row.lv !== null && (row.lts > p.lts || (row.lts === p.lts && row.lv > p.lv))) {
        p.lts = row.lts;
        p.lv = row.lv;
      }
      if (ps.value?.histogram && row.hv !== null) {
        p.hist ??= new Map();
        p.hist.set(row.hv, (p.hist.get(row.hv) ?? 0) + row.nv);
      }
    }
  }

  return plan.series.map((ps): SeriesCounts => {
    if (ps.simple) {
      const i = simplePos.get(ps.index) as number;
      const cells = new Map<number, number>();
      for (const r of simpleRows) {
        const n = r.counts[i] ?? 0;
        if (n > 0) cells.set(r.cell, (cells.get(r.cell) ?? 0) + n);
      }
      const sums = new SparseCells(cells);
      return { groups: [{ key: [], counts: ranges.map((r) => (r ? sums.upTo(r[1]) - sums.upTo(r[0]) : 0)) }], truncatedGroups: 0 };
    }
    const groups: GroupCounts[] = [];
    const found = perSeries[ps.index] as Map<string, GroupCells>;
    if (ps.groupBy.length === 0 && found.size === 0) found.set('[]', { key: [], cells: new Map() });
    for (const g of found.values()) {
      const out = groupCounts(g, ranges, ps.value?.aggregate);
      if (ps.groupBy.length > 0 && !out.counts.some((n) => n > 0)) continue;
      groups.push(out);
    }
    if (groups.length <= groupLimit) return { groups, truncatedGroups: 0 };
    // Keep the groups with the most entries (ties by key), report the rest as truncated.
    const total = (g: GroupCounts) => g.counts.reduce((a, b) => a + b, 0);
    groups.sort((a, b) => total(b) - total(a) || (JSON.stringify(a.key) < JSON.stringify(b.key) ? -1 : 1));
    return { groups: groups.slice(0, groupLimit), truncatedGroups: groups.length - groupLimit };
  });
}

function groupCounts(g: GroupCells, ranges: (readonly [number, number] | undefined)[], agg: Aggregate | undefined): GroupCounts {
  const cellIds = [...g.cells.keys()].sort((a, b) => a - b);
  const counts = new Map(cellIds.map((c) => [c, (g.cells.get(c) as Partial).n]));
  const sums = new SparseCells(counts);
  const out: GroupCounts = { key: g.key, counts: ranges.map((r) => (r ? sums.upTo(r[1]) - sums.upTo(r[0]) : 0)) };
  if (agg === undefined) return out;
  let skipped = 0;
  for (const p of g.cells.values()) skipped += p.n - p.nv;
  out.skippedValues = skipped;
  out.values = ranges.map((r) => {
    if (!r) return null;
    const inWindow: Partial[] = [];
    for (let i = upperBound(cellIds, r[0]); i < cellIds.length && (cellIds[i] as number) <= r[1]; i++) {
      const p = g.cells.get(cellIds[i] as number) as Partial;
      if (p.nv > 0) inWindow.push(p);
    }
    return windowValue(agg, inWindow);
  });
  return out;
}

/** The aggregate over the window's cells (src/model/aggregate.ts defines each one). */
function windowValue(agg: Aggregate, parts: Partial[]): number | null {
  if (parts.length === 0) return null;
  switch (agg) {
    case 'max':
      return Math.max(...parts.map((p) => p.max)) + 0;
    case 'min':
      return Math.min(...parts.map((p) => p.min)) + 0;
    case 'last': {
      let best = parts[0] as Partial;
      for (const p of parts) if (p.lts > best.lts || (p.lts === best.lts && p.lv > best.lv)) best = p;
      return aggregate('last', [best.lv], [best.lts]);
    }
    default: {
      const hist = new Map<number, number>();
      for (const p of parts) for (const [v, c] of p.hist ?? []) hist.set(v, (hist.get(v) ?? 0) + c);
      return histogramValue(agg, hist);
    }
  }
}

/** sum / avg / percentiles of a histogram (value → entries), by the definitions of src/model/aggregate.ts. */
function histogramValue(agg: Aggregate, hist: Map<number, number>): number | null {
  const values = [...hist.keys()].sort((a, b) => a - b);
  let n = 0;
  for (const c of hist.values()) n += c;
  if (n === 0) return null;
  const p = PERCENTILES[agg];
  if (p !== undefined) {
    const rank = percentileRank(p, n);
    let seen = 0;
    for (const v of values) {
      seen += hist.get(v) as number;
      if (seen >= rank) return v + 0;
    }
    return (values[values.length - 1] as number) + 0;
  }
  const expanded = new Float64Array(n);
  let i = 0;
  for (const v of values) for (let c = hist.get(v) as number; c > 0; c--) expanded[i++] = v;
  if (agg === 'sum') return exactSum(expanded) + 0;
  if (agg === 'avg') return exactSum(expanded) / n + 0;
  return aggregate(agg, expanded);
}

/** A JSON group-key element as its string form (series.ts): strings, numbers as JSON writes them, booleans; else null. */
export function keyForm(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? JSON.stringify(v) : null;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return null;
}
