import { ClickHouseLogLevel, createClient } from '@clickhouse/client';
import type { Level } from '../../model/levels.js';
import type { Filter, Scalar, SeriesCounts, SeriesQuery } from '../../model/series.js';
import type { ClickHouseSource } from '../../rules/schema.js';
import { edgeGrid, windowEdges } from './buckets.js';
import { tableColumns, timeExpressions } from './clickhouse.js';
import { levelLookup } from './level-map.js';
import {
  assemble,
  booleansWhere,
  byCost,
  canonicalNumber,
  FieldError,
  keyForm,
  planQuery,
  scalarString,
  type FieldRef,
  type GeneralRow,
  type Plan,
  type PlannedSeries,
} from './plan.js';
import { storeRegex } from './regex.js';
import { chFloat, chIdent, chString, intLiteral, splitTable } from './sql.js';

/**
 * The series pushdown for ClickHouse 18.16 (Debian's): ONE statement for every series × window.
 * 18.16 has no query parameters, so rule values are written as escaped string literals (chString) and
 * finite numbers (chFloat); identifiers are validated and back-quoted.
 *
 * Fields: a plain column (String/FixedString/Enum or a number type), `message_column`, or a top-level
 * key of a JSON document in the String `fields_column`. 18.16 has no JSONExtract; its visitParam*
 * functions find a key at ANY depth. So the document is first compacted (whitespace outside strings
 * removed, by one regex that skips string literals), the first `{"key":` / `,"key":` is located, and the
 * braces before it (string literals blanked) tell whether it is at the top level. A key found only
 * nested is missing, as in a file; a row where a nested occurrence comes BEFORE another occurrence
 * stops the query with a clear error (it cannot be read exactly here). Dotted paths are refused.
 */

/** aggregate.ts numericValue's decimal strings (the one numeric reading, for value rules and gt/gte/lt/lte alike). */
const DECIMAL = '^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?$';
const STRING_LITERAL = '"(?:[^"\\\\]|\\\\.)*"';

/**
 * A decimal text (DECIMAL, or a JSON number) as the double JavaScript's Number() reads. 18.16's own
 * float parser is not correctly rounded (it reads "2.897" as 2.8970000000000002), so a text with at
 * most 15 significant digits and a decimal exponent within ±19 is computed exactly instead: its
 * digits as an integer M (exact in a double) times or divided by 10^k (exact) — one correctly rounded
 * operation, the same double as JavaScript's. Longer texts fall back to the server's parser
 * (docs/stores.md, "ClickHouse 18.16 limits").
 */
function chDecimal(text: string): string {
  const body = `replaceRegexpOne(${text}, '^[+-]', '')`;
  const mantissa = `replaceRegexpOne(${body}, '[eE].*$', '')`;
  const digits = `replaceRegexpOne(replaceAll(${mantissa}, '.', ''), '^0+', '')`;
  const expText = `replaceRegexpOne(extract(${body}, '[eE][+-]?([0-9]+)$'), '^0+', '')`;
  const exp = `(if(match(${body}, '[eE]-'), -1, 1) * toInt64OrZero(${expText}))`;
  const k = `(${exp} - toInt64(length(extract(${mantissa}, ${chString('\\.([0-9]*)')}))))`;
  const m = `toFloat64(toUInt64OrZero(${digits}))`;
  const p = `toFloat64(intExp10(toUInt8(least(abs(${k}), 19))))`;
  const exact = `if(${k} >= 0, ${m} * ${p}, ${m} / ${p})`;
  const fast = `length(${digits}) <= 15 AND length(${expText}) <= 4 AND abs(${k}) <= 19`;
  const value = `if(${digits} = '', toFloat64(0), if(${fast}, ${exact}, toFloat64OrZero(${body})))`;
  return `if(substring(${text}, 1, 1) = '-', -${value}, ${value})`;
}

const reEscape = (s: string) => s.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');

/** JavaScript's String(x) for a finite Float64 x: ClickHouse prints the same shortest digits, without the + of e+21 and with -0. */
const jsNumber = (x: string) => `if(${x} = 0, '0', replaceRegexpOne(toString(${x}), 'e([0-9])', 'e+\\\\1'))`;

interface FieldCols {
  /** 0 missing, 1 null, 2 string, 3 number, 4 boolean, 5 object/array/non-finite (present, no string form). */
  t: string;
  s: string;
  x: string;
  /** A group-key element: '' none, 's…' a string form, 'r…' a JSON number's text. */
  key: string;
  /** Fields read as numbers (numeric filters, values): the decimal reading of the text, and whether it is one. */
  d?: string;
  dok?: string;
  /** The values `t` can take (a typed column's are known when the statement is written). */
  types: readonly number[];
  /** Set when `t` is the same on every row (a non-nullable column): its guards are dropped. */
  always?: number;
}

const ALL_TYPES = [0, 1, 2, 3, 4, 5];

function fieldColumns(
  f: FieldRef,
  i: number,
  columns: Map<string, string>,
  doc: string | undefined,
): { select: string[]; guard?: string; cols: FieldCols } {
  const p = `__f${i}`;
  const cols: FieldCols = { t: `${p}_t`, s: `${p}_s`, x: `${p}_x`, key: `${p}_k`, types: ALL_TYPES };
  if (f.kind === 'column') {
    const raw = columns.get(f.column);
    if (raw === undefined) throw new FieldError(`field "${f.field}": the table has no column ${f.column}`);
    const nullable = /^Nullable\(/.test(raw);
    const type = raw.replace(/^Nullable\((.*)\)$/, '$1').replace(/^LowCardinality\((.*)\)$/, '$1');
    const c = chIdent(f.column, 'column');
    const v = nullable ? `assumeNotNull(${c})` : c;
    if (/^(String|FixedString\(\d+\)|Enum(8|16)\(.*\))$/.test(type)) {
      cols.types = nullable ? [0, 2] : [2];
      if (!nullable) cols.always = 2;
      return {
        select: [
          `toUInt8(${nullable ? `if(isNull(${c}), 0, 2)` : '2'}) AS ${cols.t}`,
          `toString(${v}) AS ${cols.s}`,
          `toFloat64(0) AS ${cols.x}`,
          `if(${cols.t} = 2, concat('s', ${cols.s}), '') AS ${cols.key}`,
        ],
        cols,
      };
    }
    if (/^(U?Int(8|16|32|64)|Float(32|64)|Decimal.*)$/.test(type)) {
      cols.types = nullable ? [0, 3, 5] : [3, 5];
      return {
        select: [
          `toFloat64(${v}) AS ${cols.x}`,
          `toUInt8(${nullable ? `isNull(${c})` : '0'} = 1 ? 0 : (isFinite(${cols.x}) ? 3 : 5)) AS ${cols.t}`,
          `'' AS ${cols.s}`,
          `if(${cols.t} = 3, concat('r', toString(${cols.x})), '') AS ${cols.key}`,
        ],
        cols,
      };
    }
    throw new FieldError(
      `field "${f.field}": column ${f.column} has type ${raw}; ClickHouse sources read String, FixedString, Enum and number columns as fields`,
    );
  }
  if (doc === undefined) throw new Error('internal: fields_column document missing');
  if (f.path.length > 1)
    throw new FieldError(
      `field "${f.field}": ClickHouse 18.16 cannot read a dotted path from fields_column exactly (no JSONExtract); add the field as a column (columns:) or flatten the key`,
    );
  const key = reEscape(JSON.stringify(f.field));
  const pre = `${p}_pre`;
  const depth = `${p}_depth`;
  const raw = `${p}_raw`;
  const blank = `replaceRegexpAll(${pre}, ${chString(STRING_LITERAL)}, '')`;
  return {
    select: [
      `extract(${doc}, ${chString(`^(.*?[{,])${key}:`)}) AS ${pre}`,
      `(length(replaceRegexpAll(${blank}, '[^{\\\\[]', '')) - length(replaceRegexpAll(${blank}, '[^}\\\\]]', ''))) AS ${depth}`,
      `if(${pre} != '' AND ${depth} = 1, extract(${doc}, ${chString(`[{,]${key}:(${STRING_LITERAL}|[^,}\\]]*)`)}), '') AS ${raw}`,
      `toUInt8(multiIf(${pre} = '' OR ${depth} != 1, 0, ${raw} = 'null', 1, substring(${raw}, 1, 1) = '"', 2, ${raw} = 'true' OR ${raw} = 'false', 4, ` +
        `substring(${raw}, 1, 1) = '{' OR substring(${raw}, 1, 1) = '[', 5, isFinite(toFloat64OrZero(${raw})), 3, 5)) AS ${cols.t}`,
      `multiIf(${cols.t} = 2, visitParamExtractString(concat('{"v":', ${raw}, '}'), 'v'), ${cols.t} = 4, ${raw}, '') AS ${cols.s}`,
      `if(${cols.t} = 3, toFloat64OrZero(${raw}), toFloat64(0)) AS ${cols.x}`,
      `multiIf(${cols.t} = 2 OR ${cols.t} = 4, concat('s', ${cols.s}), ${cols.t} = 3, concat('r', ${raw}), '') AS ${cols.key}`,
    ],
    guard: `(${pre} != '' AND ${depth} != 1 AND length(extractAll(${doc}, ${chString(`[{,]${key}:`)})) > 1)`,
    cols,
  };
}

function condition(f: Filter, c: FieldCols): string {
  /** `expr` where t = type, written only when the field can have that type (thunks: nothing is built for impossible parts). */
  const when = (type: number, expr: () => string): string | undefined => {
    if (!c.types.includes(type)) return undefined;
    return c.always === type ? `(${expr()})` : `(${c.t} = ${type} AND ${expr()})`;
  };
  const or = (...parts: (string | undefined)[]): string => {
    const live = parts.filter((x): x is string => x !== undefined);
    return live.length ? `(${live.join(' OR ')})` : '0';
  };
  const anyOf = (vals: Scalar[], negate: boolean): string => {
    const forms = [...new Set(vals.map(scalarString))];
    const bools = forms.filter((s) => s === 'true' || s === 'false');
    const nums = forms.map(canonicalNumber).filter((x): x is number => x !== undefined);
    const eq = or(
      when(2, () => (forms.length === 1 ? `${c.s} = ${chString(forms[0] as string)}` : `${c.s} IN (${forms.map(chString).join(', ')})`)),
      bools.length ? when(4, () => `${c.s} IN (${bools.map(chString).join(', ')})`) : undefined,
      nums.length ? when(3, () => `${c.x} IN (${nums.map((n) => chFloat(n, 'value')).join(', ')})`) : undefined,
    );
    return negate ? `NOT ${eq}` : eq;
  };
  switch (f.op) {
    case 'exists':
      return c.always !== undefined ? '1' : `${c.t} >= 2`;
    case 'equals':
      return anyOf([f.value as Scalar], false);
    case 'not_equals':
      return anyOf([f.value as Scalar], true);
    case 'one_of':
      return anyOf(f.value as Scalar[], false);
    case 'contains': {
      const s = scalarString(f.value as Scalar);
      const bools = booleansWhere((b) => b.includes(s));
      return or(
        when(2, () => `position(${c.s}, ${chString(s)}) > 0`),
        bools.length ? when(4, () => `${c.s} IN (${bools.map(chString).join(', ')})`) : undefined,
        /^[0-9.e+-]*$/.test(s) ? when(3, () => `position(${jsNumber(c.x)}, ${chString(s)}) > 0`) : undefined,
      );
    }
    case 'matches': {
      const re = new RegExp(String(f.value));
      const translated = chString(storeRegex(f, 'clickhouse'));
      const bools = booleansWhere((b) => re.test(b));
      return or(
        when(2, () => `match(${c.s}, ${translated})`),
        when(3, () => `match(${jsNumber(c.x)}, ${translated})`),
        bools.length ? when(4, () => `${c.s} IN (${bools.map(chString).join(', ')})`) : undefined,
      );
    }
    default: {
      // The one numeric reading (aggregate.ts numericValue), as for value rules.
      const op = { gt: '>', gte: '>=', lt: '<', lte: '<=' }[f.op];
      const x = chFloat(f.value as number, `value of ${f.field}`);
      const [isnum, v] = numericValue(c);
      return `(${isnum} AND ${v} ${op} ${x})`;
    }
  }
}

/** aggregate.ts numericValue: [isnum, value]. */
function numericValue(c: FieldCols): [string, string] {
  if (!c.types.includes(2)) return [`(${c.t} = 3)`, c.x];
  if (c.d === undefined || c.dok === undefined) throw new Error('internal: the numeric reading of a text field was not planned');
  if (!c.types.includes(3)) return [`(${c.t} = 2 AND ${c.dok} = 1)`, c.d];
  return [`((${c.t} = 3) OR (${c.t} = 2 AND ${c.dok} = 1))`, `if(${c.t} = 3, ${c.x}, ${c.d})`];
}

export async function seriesClickHouse(
  source: ClickHouseSource,
  url: string,
  query: SeriesQuery,
  groupLimit: number,
): Promise<SeriesCounts[]> {
  const plan = planQuery(source, query);
  if (plan.series.length === 0) return [];
  for (const w of query.windows) {
    intLiteral(w.fromMs, 'window start');
    intLiteral(w.toMs, 'window end');
  }
  const edges = windowEdges(query.windows);
  const first = edges[0];
  const last = edges[edges.length - 1];
  const { origin, step } = edgeGrid(edges);
  const cellOf = (e: number) => (e - origin) / step;
  if (first === undefined || last === undefined || plan.levels.length === 0)
    return assemble(plan, query.windows, cellOf, [], [], groupLimit);

  const timeoutMs = Math.round(source.timeout_seconds * 1000);
  const client = createClient({
    url,
    request_timeout: timeoutMs + 2000,
    application: 'apialerts-evaluate',
    log: { level: ClickHouseLogLevel.OFF },
    // Hundreds of rules make a long statement: raise the parser's 256 KiB default.
    clickhouse_settings: {
      max_execution_time: Math.max(1, Math.ceil(source.timeout_seconds)),
      max_query_size: '67108864',
      max_ast_elements: '10000000',
      max_expanded_ast_elements: '10000000',
    },
  });
  try {
    const { schema, name } = splitTable(source.table);
    const columns = await tableColumns(client, schema, name);
    const tsType = columns.get(source.timestamp_column);
    if (tsType === undefined) throw new Error(`table ${name} has no column ${source.timestamp_column} (timestamp_column)`);
    if (source.fields_column !== undefined && plan.fields.some((f) => f.kind === 'json')) {
      const t = columns.get(source.fields_column);
      if (t === undefined) throw new FieldError(`fields_column: the table has no column ${source.fields_column}`);
      if (!/^(Nullable\()?String\)?$/.test(t))
        throw new FieldError(`fields_column ${source.fields_column} has type ${t}; on ClickHouse it must be a String holding JSON`);
    }
    const sql = buildSql(source, plan, columns, tsType.replace(/^Nullable\((.*)\)$/, '$1'), first, last, origin, step);
    let rows: Record<string, unknown>[];
    try {
      const result = await client.query({ query: sql, format: 'JSONEachRow' });
      rows = await result.json<Record<string, unknown>>();
    } catch (err) {
      if (/throwIf/.test(String((err as Error).message))) {
        const fields = plan.fields.filter((f) => f.kind === 'json').map((f) => f.field);
        throw new FieldError(
          `field ${fields.map((f) => `"${f}"`).join(' or ')}: a row's fields_column holds the key inside a nested object before another occurrence; ClickHouse 18.16 cannot tell which one is the top-level key exactly — store the field in its own column (columns:)`,
        );
      }
      throw err;
    }
    const sets = countPasses(plan, (levels) => levelLookup(levels, source.level_map).storeValues ?? levels);
    const simpleCount = plan.series.filter((x) => x.simple).length;
    const simpleRows: { cell: number; counts: number[] }[] = [];
    const generalRows: GeneralRow[] = [];
    for (const r of rows) {
      const cell = Number(r.cell);
      if (Number(r.s) < 0) {
        // Counts of level set -1 - s, spread back into the plan's order of simple series.
        const set = sets[-1 - Number(r.s)];
        const counts = new Array<number>(simpleCount).fill(0);
        (r.ns as unknown[]).forEach((n, j) => (counts[set?.positions[j] ?? 0] = Number(n)));
        simpleRows.push({ cell, counts });
        continue;
      }
      const nv = Number(r.nv);
      generalRows.push({
        s: Number(r.s),
        key: (r.k as string[]).map((k) => (k === '' ? null : k[0] === 's' ? k.slice(1) : keyForm(Number(k.slice(1))))),
        cell,
        hv: Number(r.hvf) === 1 ? Number(r.hv) : null,
        n: Number(r.n),
        nv,
        vmin: nv > 0 ? Number(r.vmin) : null,
        vmax: nv > 0 ? Number(r.vmax) : null,
        lts: Number(r.lf) === 1 ? Number(r.lts) : null,
        lv: Number(r.lf) === 1 ? Number(r.lv) : null,
      });
    }
    return assemble(plan, query.windows, cellOf, simpleRows, generalRows, groupLimit);
  } finally {
    await client.close().catch(() => {});
  }
}

/**
 * The count series' sub-selects: one per distinct level set, each reading only the rows at its levels
 * (a MergeTree range read of the window is cheap next to evaluating hundreds of conditions on rows a
 * rule's levels exclude — measured in docs/stores.md; a single sub-select for all rules cost more).
 */
function countPasses(
  plan: Plan,
  storeValues: (levels: Level[]) => string[],
): { values: string[]; series: PlannedSeries[]; positions: number[] }[] {
  const simple = plan.series.filter((x) => x.simple);
  const sets = new Map<string, { values: string[]; series: PlannedSeries[]; positions: number[] }>();
  simple.forEach((ps, pos) => {
    const values = [...storeValues(ps.levels)].sort();
    const key = JSON.stringify(values);
    let set = sets.get(key);
    if (!set) sets.set(key, (set = { values, series: [], positions: [] }));
    set.series.push(ps);
    set.positions.push(pos);
  });
  return [...sets.values()];
}

function buildSql(
  source: ClickHouseSource,
  plan: Plan,
  columns: Map<string, string>,
  tsType: string,
  first: number,
  last: number,
  origin: number,
  step: number,
): string {
  const { schema, name } = splitTable(source.table);
  const table = schema ? `${chIdent(schema, 'schema')}.${chIdent(name, 'table')}` : chIdent(name, 'table');
  const ts = chIdent(source.timestamp_column, 'timestamp_column');
  const lv = chIdent(source.level_column, 'level_column');
  const time = timeExpressions(tsType, ts, first, last, source.timestamp_column);
  const cell = `intDiv(${time.ms} - ${intLiteral(origin, 'origin')} + ${intLiteral(step - 1, 'step')}, ${intLiteral(step, 'step')})`;
  const levelText = source.level_map ? `toString(${lv})` : `lower(toString(${lv}))`;
  const storeValues = (levels: typeof plan.levels) => levelLookup(levels, source.level_map).storeValues ?? levels;
  const allLevels = storeValues(plan.levels);
  const inList = (xs: string[]) => (xs.length ? xs.map(chString).join(', ') : "''");

  const doc = plan.fields.some((f) => f.kind === 'json') ? '__doc' : undefined;
  // Two layers, so that conditions name plain columns of a subquery: 18.16 expands an alias into every
  // place it is used, and hundreds of rules over aliases of aliases make an AST too big to analyse.
  const rowCols = [`toInt64(${cell}) AS __cell`, `toInt64(${time.ms}) AS __ms`, `${levelText} AS __lv`];
  const passCols = ['__cell', '__ms', '__lv'];
  if (doc) {
    const fc = chIdent(source.fields_column as string, 'fields_column');
    rowCols.push(`replaceRegexpAll(ifNull(${fc}, ''), ${chString(`(${STRING_LITERAL})|[ \\t\\n\\r]+`)}, '\\\\1') AS ${doc}`);
  }
  const selects: string[] = [...passCols];
  const guards: string[] = [];
  const numericFields = new Set(
    plan.series.flatMap((ps) => [
      ...ps.where.filter((w) => ['gt', 'gte', 'lt', 'lte'].includes(w.filter.op)).map((w) => w.field),
      ...(ps.value ? [ps.value.field] : []),
    ]),
  );
  // Exact decimal readings, in a layer of their own over plain columns (inside the field layer the
  // aliases they read would be expanded into every use, and 18.16's analysis would balloon).
  const decimals: string[] = [];
  const fieldCols = plan.fields.map((f, i) => {
    const got = fieldColumns(f, i, columns, doc);
    if (f.kind === 'json') {
      // A JSON number's double, exact (the field layer's x only decides the type: finite or not).
      decimals.push(`if(${got.cols.t} = 3, ${chDecimal(`__f${i}_raw`)}, toFloat64(0)) AS __f${i}_xe`);
      got.cols.x = `__f${i}_xe`;
    }
    if (numericFields.has(i) && got.cols.types.includes(2)) {
      // The decimal reading of the text once per row, however many rules compare the field.
      got.cols.d = `__f${i}_d`;
      got.cols.dok = `__f${i}_dok`;
      const d = chDecimal(got.cols.s);
      decimals.push(
        `${d} AS ${got.cols.d}`,
        `toUInt8(${got.cols.t} = 2 AND match(${got.cols.s}, ${chString(DECIMAL)}) AND isFinite(${d})) AS ${got.cols.dok}`,
      );
    }
    selects.push(...got.select);
    if (got.guard) guards.push(got.guard);
    return got.cols;
  });
  const where = [
    time.range,
    `${time.ms} > ${intLiteral(first, 'start')}`,
    `${time.ms} <= ${intLiteral(last, 'end')}`,
    `${levelText} IN (${inList(allLevels)})`,
  ];
  // throwIf stops the query on a row whose JSON cannot be read exactly (see the module comment).
  if (guards.length) selects.push(`throwIf(${guards.join(' OR ')}) AS __guard`);
  const fieldCols0 = plan.fields.flatMap((f) => (f.kind === 'column' ? [chIdent(f.column, 'column')] : []));
  const rows = `SELECT ${[...rowCols, ...new Set(fieldCols0)].join(', ')} FROM ${table} WHERE ${where.join(' AND ')}`;
  const fieldLayer = `SELECT ${selects.join(', ')} FROM (${rows})`;
  const inner = decimals.length ? `SELECT *, ${decimals.join(', ')} FROM (${fieldLayer})` : fieldLayer;

  /**
   * A series' conditions. 18.16 evaluates every operand of AND over the whole block (no short-circuit
   * before 21.x), so the costly filters (contains, matches) are evaluated only on the rows the cheap
   * ones (levels, equality, numeric comparisons, exists) let through: the field goes into a one-element
   * array that arraySlice empties where the cheap conditions fail, and arrayExists applies the costly
   * condition to what is left — a regex then runs on a handful of rows instead of the whole block.
   */
  const selectionSql = (s: (typeof plan.series)[number], withLevels = true): string => {
    const cheap: string[] = [];
    const costly: string[] = [];
    const mine = storeValues(s.levels);
    if (withLevels && mine.length < allLevels.length)
      cheap.push(mine.length === 1 ? `__lv = ${chString(mine[0] as string)}` : `__lv IN (${inList(mine)})`);
    if (guards.length) cheap.push('__guard = 0');
    for (const w of byCost(s.where)) {
      const c = fieldCols[w.field] as FieldCols;
      if (w.filter.op !== 'matches' && w.filter.op !== 'contains') cheap.push(condition(w.filter, c));
      else costly.push(condition(w.filter, c));
    }
    if (cheap.length === 0) return costly.length ? costly.map((x) => `(${x})`).join(' AND ') : '1';
    const g = cheap.map((x) => `(${x})`).join(' AND ');
    if (costly.length === 0) return g;
    const guarded = byCost(s.where)
      .filter((w) => w.filter.op === 'matches' || w.filter.op === 'contains')
      .map((w) => {
        const c = fieldCols[w.field] as FieldCols;
        // A String column (always a string) needs only its text; other fields carry type, text and number.
        if (c.always === 2) return `arrayExists(__q -> ${condition(w.filter, { ...c, s: '__q' })}, arraySlice([${c.s}], 1, ${g}))`;
        const q: FieldCols = { ...c, t: 'tupleElement(__q, 1)', s: 'tupleElement(__q, 2)', x: 'tupleElement(__q, 3)' };
        return `arrayExists(__q -> ${condition(w.filter, q)}, arraySlice([tuple(${c.t}, ${c.s}, ${c.x})], 1, ${g}))`;
      });
    return `${g} AND ${guarded.join(' AND ')}`;
  };

  const simple = plan.series.filter((s) => s.simple);
  const general = plan.series.filter((s) => !s.simple);
  const parts: string[] = [];
  if (simple.length > 0) {
    countPasses(plan, storeValues).forEach((set, gi) => {
      const split = set.values.length < allLevels.length;
      const counts = set.series.map((ps) => {
        const cond = selectionSql(ps, !split);
        return cond === '1' ? 'count()' : `countIf(${cond})`;
      });
      const where = split ? ` WHERE __lv IN (${inList(set.values)})` : '';
      parts.push(
        `SELECT toInt32(${-1 - gi}) AS s, emptyArrayString() AS k, __cell AS cell, toFloat64(0) AS hv, toUInt8(0) AS hvf, toUInt64(0) AS n, toUInt64(0) AS nv, ` +
          `toFloat64(0) AS vmin, toFloat64(0) AS vmax, toInt64(0) AS lts, toFloat64(0) AS lv, toUInt8(0) AS lf, [${counts.join(', ')}] AS ns ` +
          `FROM (${inner})${where} GROUP BY __cell`,
      );
    });
  }
  if (general.length > 0) {
    const tuples = general.map((s) => {
      const key = s.groupBy.length ? `[${s.groupBy.map((i) => (fieldCols[i] as FieldCols).key).join(', ')}]` : 'emptyArrayString()';
      const [isnum, v] = s.value ? numericValue(fieldCols[s.value.field] as FieldCols) : ['0', '0'];
      const hist = s.value?.histogram ? 1 : 0;
      const isLast = s.value?.aggregate === 'last' ? 1 : 0;
      return `tuple(toInt32(${s.index}), toUInt8(${selectionSql(s)}), ${key}, toFloat64(${v}), toUInt8(${isnum}), toUInt8(${hist}), toUInt8(${isLast}))`;
    });
    // One layer per step, so that no alias stands for the big array expression (18.16 would copy it into every use).
    const arr = `SELECT __cell, __ms, arrayFilter(q -> q.2 = 1, [${tuples.join(', ')}]) AS __arr FROM (${inner})`;
    const joined = `SELECT __cell, __ms, arrayJoin(__arr) AS z FROM (${arr})`;
    const fan =
      `SELECT __cell, __ms, z.1 AS zs, z.3 AS zk, z.4 AS zv, z.5 AS zn, ` +
      `if(z.6 = 1 AND z.5 = 1, z.4, toFloat64(0)) AS zh, toUInt8(z.6 = 1 AND z.5 = 1) AS zhf, toUInt8(z.7 = 1 AND z.5 = 1) AS zl FROM (${joined})`;
    parts.push(
      `SELECT zs AS s, zk AS k, __cell AS cell, zh AS hv, zhf AS hvf, count() AS n, toUInt64(sum(zn)) AS nv, minIf(zv, zn = 1) AS vmin, maxIf(zv, zn = 1) AS vmax, ` +
        `maxIf(__ms, zl = 1) AS lts, argMaxIf(zv, tuple(__ms, zv), zl = 1) AS lv, toUInt8(max(zl)) AS lf, emptyArrayUInt64() AS ns ` +
        `FROM (${fan}) GROUP BY s, k, cell, hv, hvf`,
    );
  }
  return parts.join(' UNION ALL ');
}
