import pg from 'pg';
import { LEVELS, type Level } from '../../model/levels.js';
import type { Filter, Scalar, SeriesCounts, SeriesQuery } from '../../model/series.js';
import type { PostgresSource } from '../../rules/schema.js';
import { windowEdges } from './buckets.js';
import { levelLookup } from './level-map.js';
import { assemble, booleansWhere, canonicalNumber, keyForm, planQuery, scalarString, type GeneralRow, type Plan } from './plan.js';
import { storeRegex } from './regex.js';
import { pgIdent, splitTable } from './sql.js';

/**
 * The series pushdown for PostgreSQL: ONE statement for every series × window. Every value from the
 * rule file travels as a bind parameter ($n); identifiers are validated and quoted.
 *
 * Each field is read as jsonb (a plain column through to_jsonb, a fields_column key through -> with
 * the top-level-key-wins rule), so one set of expressions gives the string forms and numeric readings
 * of series.ts for text, numeric, boolean and JSON values alike. Rows in (first edge, last edge] are
 * read once (a CTE); ungrouped count series are conditional counts per cell (FILTER), the rest fan out
 * through a LATERAL VALUES list into (series, group, cell[, value]) groups.
 */

/** PostgreSQL's numeric reading of series.ts's numeric strings (rules helper: NUMERIC_STRING) and values (aggregate.ts numericValue). */
const NUMERIC_STRING = '^-?[0-9]+(\\.[0-9]+)?$';
const DECIMAL = '^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?$';
const MAX_DOUBLE = '1.7976931348623157e308';
/** Below half the smallest subnormal a decimal reads as 0 in JavaScript (PostgreSQL's float8in refuses it). */
const HALF_MIN = '2.4703282292062328e-324';

class Params {
  readonly values: unknown[] = [];
  add(v: unknown, type: string): string {
    this.values.push(v);
    return `$${this.values.length}::${type}`;
  }
}

/**
 * A decimal text as float8 the way JavaScript's Number() reads it: out-of-range magnitudes are ±Infinity
 * (`overflow: 'inf'`) or NULL (`'null'`: not a finite number), tiny ones 0, instead of float8in's error.
 */
function f8(text: string, overflow: 'inf' | 'null'): string {
  const big = overflow === 'inf' ? `CASE WHEN left(${text}, 1) = '-' THEN '-Infinity'::float8 ELSE 'Infinity'::float8 END` : 'NULL::float8';
  return (
    `(CASE WHEN length(${text}) < 16 AND strpos(lower(${text}), 'e') = 0 THEN (${text})::float8 ` +
    `WHEN abs((${text})::numeric) > ${MAX_DOUBLE} THEN ${big} ` +
    `WHEN abs((${text})::numeric) < ${HALF_MIN} THEN 0::float8 ELSE (${text})::float8 END)`
  );
}

/**
 * JavaScript's String(x) for a float8 x, from PostgreSQL's shortest round-trip output (extra_float_digits
 * ≥ 1): the same digits, laid out as JavaScript does (plain for exponents -7 < e < 21, else d.ddde±n).
 */
function jsNumber(x: string): string {
  const m = `regexp_match((${x})::text, '^(-?)([0-9]+)(?:\\.([0-9]+))?(?:e([+-][0-9]+))?$')`;
  const all = `(q0.m[2] || coalesce(q0.m[3], ''))`;
  // d: significant digits; n: decimal exponent with value = 0.d × 10^n.
  const inner =
    `SELECT q0.m[1] AS s, rtrim(ltrim(${all}, '0'), '0') AS d, ` +
    `length(q0.m[2]) + coalesce(q0.m[4], '0')::int - (length(${all}) - length(ltrim(${all}, '0'))) AS n FROM (SELECT ${m} AS m) q0`;
  const body =
    `CASE WHEN q1.d = '' THEN '0' ELSE q1.s || CASE ` +
    `WHEN length(q1.d) <= q1.n AND q1.n <= 21 THEN q1.d || repeat('0', q1.n - length(q1.d)) ` +
    `WHEN 0 < q1.n AND q1.n <= 21 THEN left(q1.d, q1.n) || '.' || substr(q1.d, q1.n + 1) ` +
    `WHEN -6 < q1.n AND q1.n <= 0 THEN '0.' || repeat('0', -q1.n) || q1.d ` +
    `ELSE left(q1.d, 1) || CASE WHEN length(q1.d) > 1 THEN '.' || substr(q1.d, 2) ELSE '' END || 'e' || ` +
    `CASE WHEN q1.n - 1 >= 0 THEN '+' ELSE '-' END || abs(q1.n - 1)::text END END`;
  return `(SELECT ${body} FROM (${inner}) q1)`;
}

/** How a field is stored: jsonb (a fields_column path, or a column of another type through to_jsonb), or a plain typed column. */
type PgFieldKind = 'jsonb' | 'string' | 'number' | 'boolean';

/** A column type (format_type) → how its values read: text types as strings, number types as numbers, boolean; else through jsonb. */
function pgColumnKind(type: string): PgFieldKind {
  if (/^(text|character varying(\(\d+\))?|citext|name)$/.test(type)) return 'string';
  if (/^(smallint|integer|bigint|real|double precision|numeric(\(.*\))?)$/.test(type)) return 'number';
  if (type === 'boolean') return 'boolean';
  return 'jsonb';
}

/**
 * The expressions of series.ts over one field `j` of the CTE: jsonb (type read per row with
 * jsonb_typeof), or a typed column (type known when the statement is written, so the conditions are
 * plain comparisons on the column — the fast path for the recommended table layout).
 */
class FieldSql {
  constructor(
    private readonly j: string,
    private readonly kind: PgFieldKind,
    private readonly p: Params,
  ) {}
  private is(type: 'string' | 'number' | 'boolean'): string {
    if (this.kind === 'jsonb') return `jsonb_typeof(${this.j}) = '${type}'`;
    return this.kind === type ? `${this.j} IS NOT NULL` : 'false';
  }
  private get text(): string {
    return this.kind === 'jsonb' ? `(${this.j} #>> '{}')` : `(${this.j})::text`;
  }
  /** The field as a number when it is a number (JSON number or number column); NULL when not finite as a double. */
  private get number(): string {
    if (this.kind === 'number') return `(${this.j})::float8`;
    return `CASE WHEN ${this.is('number')} THEN ${f8(this.text, 'null')} END`;
  }
  /** jsonb for group keys. */
  get json(): string {
    return this.kind === 'jsonb' ? this.j : `to_jsonb(${this.j})`;
  }
  /** aggregate.ts numericValue: a finite number, or a decimal string. */
  get value(): string {
    const parts: string[] = [];
    if (this.kind === 'number') return this.number;
    if (this.kind === 'jsonb') parts.push(`WHEN ${this.is('number')} THEN ${f8(this.text, 'null')}`);
    if (this.kind === 'jsonb' || this.kind === 'string')
      parts.push(`WHEN ${this.is('string')} AND ${this.text} ~ '${DECIMAL}' THEN ${f8(this.text, 'null')}`);
    return parts.length ? `CASE ${parts.join(' ')} END` : 'NULL::float8';
  }

  condition(f: Filter): string {
    const S = this.text;
    const p = this.p;
    // Expressions are thunks: a bind parameter is added only when its part is written.
    const or = (parts: [guard: string, expr: () => string][]): string => {
      const live = parts.filter(([g]) => g !== 'false').map(([g, e]) => `(${g} AND ${e()})`);
      return live.length ? `COALESCE((${live.join(' OR ')}), false)` : 'false';
    };
    const anyOf = (vals: Scalar[], negate: boolean): string => {
      const forms = [...new Set(vals.map(scalarString))];
      const parts: [string, () => string][] = [[this.is('string'), () => `${S} = ANY(${p.add(forms, 'text[]')})`]];
      const bools = forms.filter((s) => s === 'true' || s === 'false');
      if (bools.length) parts.push([this.is('boolean'), () => `${S} = ANY(${p.add(bools, 'text[]')})`]);
      const nums = forms.map(canonicalNumber).filter((x): x is number => x !== undefined);
      if (nums.length) parts.push([this.is('number'), () => `${this.number} = ANY(${p.add(nums, 'float8[]')})`]);
      const eq = or(parts);
      return negate ? `NOT ${eq}` : eq;
    };
    switch (f.op) {
      case 'exists':
        return this.kind === 'jsonb' ? `(${this.j} IS NOT NULL AND jsonb_typeof(${this.j}) <> 'null')` : `${this.j} IS NOT NULL`;
      case 'equals':
        return anyOf([f.value as Scalar], false);
      case 'not_equals':
        return anyOf([f.value as Scalar], true);
      case 'one_of':
        return anyOf(f.value as Scalar[], false);
      case 'contains': {
        const s = scalarString(f.value as Scalar);
        const parts: [string, () => string][] = [[this.is('string'), () => `strpos(${S}, ${p.add(s, 'text')}) > 0`]];
        const bools = booleansWhere((b) => b.includes(s));
        if (bools.length) parts.push([this.is('boolean'), () => `${S} = ANY(${p.add(bools, 'text[]')})`]);
        if (/^[0-9.e+-]*$/.test(s)) parts.push([this.is('number'), () => `strpos(${jsNumber(this.number)}, ${p.add(s, 'text')}) > 0`]);
        return or(parts);
      }
      case 'matches': {
        const re = new RegExp(String(f.value));
        const pattern = storeRegex(f, 'postgres');
        let param: string | undefined;
        const translated = () => (param ??= p.add(pattern, 'text'));
        const parts: [string, () => string][] = [
          [this.is('string'), () => `${S} ~ ${translated()}`],
          [this.is('number'), () => `${jsNumber(this.number)} ~ ${translated()}`],
        ];
        const bools = booleansWhere((b) => re.test(b));
        if (bools.length) parts.push([this.is('boolean'), () => `${S} = ANY(${p.add(bools, 'text[]')})`]);
        return or(parts);
      }
      default: {
        const op = { gt: '>', gte: '>=', lt: '<', lte: '<=' }[f.op];
        if (this.kind === 'boolean') return 'false';
        const x = p.add(f.value, 'float8');
        if (this.kind === 'number') return `COALESCE(${this.number} ${op} ${x}, false)`;
        const whens: string[] = [];
        if (this.kind === 'jsonb') whens.push(`WHEN ${this.is('number')} THEN ${this.number} ${op} ${x}`);
        if (this.kind === 'jsonb' || this.kind === 'string')
          whens.push(`WHEN ${this.is('string')} AND ${S} ~ '${NUMERIC_STRING}' THEN ${f8(S, 'inf')} ${op} ${x}`);
        return whens.length ? `COALESCE(CASE ${whens.join(' ')} END, false)` : 'false';
      }
    }
  }
}

/** The bits of a level set (LEVELS order). */
function levelMask(levels: readonly Level[]): number {
  return levels.reduce((m, l) => m | (1 << LEVELS.indexOf(l)), 0);
}

export async function seriesPostgres(source: PostgresSource, url: string, query: SeriesQuery, groupLimit: number): Promise<SeriesCounts[]> {
  const plan = planQuery(source, query);
  const edges = windowEdges(query.windows);
  const first = edges[0];
  const last = edges[edges.length - 1];
  if (plan.series.length === 0) return [];
  const edgeIndex = new Map(edges.map((e, k) => [e, k]));
  const cellOf = (e: number) => edgeIndex.get(e) ?? 0;
  if (first === undefined || last === undefined || plan.levels.length === 0)
    return assemble(plan, query.windows, cellOf, [], [], groupLimit);

  const timeoutMs = Math.round(source.timeout_seconds * 1000);
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: timeoutMs,
    statement_timeout: timeoutMs,
    query_timeout: timeoutMs + 2000,
    application_name: 'apialerts-evaluate',
    // Shortest round-trip float output (the default since PostgreSQL 12), which jsNumber relies on.
    options: '-c extra_float_digits=1',
  });
  client.on('error', () => {});
  await client.connect();
  let rows: Record<string, unknown>[];
  try {
    // Plain columns: their types decide the expressions (a catalogue lookup; the counts are still one statement).
    const kinds = new Map<string, PgFieldKind>();
    if (plan.fields.some((f) => f.kind === 'column')) {
      const { schema, name } = splitTable(source.table);
      const rel = schema ? `${pgIdent(schema, 'schema')}.${pgIdent(name, 'table')}` : pgIdent(name, 'table');
      const meta = await client.query<{ name: string; type: string }>(
        'SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped',
        [rel],
      );
      for (const r of meta.rows) kinds.set(r.name, pgColumnKind(r.type));
    }
    const { sql, params } = buildSql(source, plan, edges, kinds);
    rows = (await client.query(sql, params)).rows as Record<string, unknown>[];
  } finally {
    await client.end().catch(() => {});
  }
  const n = edges.length - 1;
  const simpleRows: { cell: number; counts: number[] }[] = [];
  const generalRows: GeneralRow[] = [];
  const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
  for (const r of rows) {
    const cell = n + 1 - Number(r.bucket);
    if (Number(r.s) < 0) {
      simpleRows.push({ cell, counts: (r.ns as unknown[]).map(Number) });
      continue;
    }
    generalRows.push({
      s: Number(r.s),
      key: (JSON.parse(r.k as string) as unknown[]).map(keyForm),
      cell,
      hv: num(r.hv),
      n: Number(r.n),
      nv: Number(r.nv),
      vmin: num(r.vmin),
      vmax: num(r.vmax),
      lts: num(r.lts),
      lv: num(r.lv),
    });
  }
  return assemble(plan, query.windows, cellOf, simpleRows, generalRows, groupLimit);
}

function buildSql(
  source: PostgresSource,
  plan: Plan,
  edges: number[],
  kinds: Map<string, PgFieldKind>,
): { sql: string; params: unknown[] } {
  const p = new Params();
  const { schema, name } = splitTable(source.table);
  const table = schema ? `${pgIdent(schema, 'schema')}.${pgIdent(name, 'table')}` : pgIdent(name, 'table');
  const ts = `t.${pgIdent(source.timestamp_column, 'timestamp_column')}`;
  const lv = `t.${pgIdent(source.level_column, 'level_column')}`;
  const levelText = source.level_map ? `${lv}::text` : `lower(${lv}::text)`;
  const storeValues = (levels: typeof plan.levels) => levelLookup(levels, source.level_map).storeValues ?? levels;
  const allLevels = storeValues(plan.levels);

  const kindOf = (i: number): PgFieldKind => {
    const f = plan.fields[i];
    return f?.kind === 'column' ? (kinds.get(f.column) ?? 'jsonb') : 'jsonb';
  };
  // width_bucket(-x, [-e_n … -e_0]) = number of edges >= x = n + 1 - k for x in (e_{k-1}, e_k].
  const negEdges = edges.map((e) => String(-e)).reverse();
  const needMs = plan.series.some((s) => s.value?.aggregate === 'last');
  const cols = [
    `width_bucket(-(extract(epoch FROM ${ts}) * 1000), ${p.add(negEdges, 'numeric[]')}) AS bucket`,
    `${levelText} AS lvt`,
    // The level as one bit (debug 1, info 2, warn 4, error 8, fatal 16): each rule's level set is then a mask test.
    `CASE ${LEVELS.map((l, i) => `WHEN ${levelText} = ANY(${p.add(storeValues([l]), 'text[]')}) THEN ${1 << i}`).join(' ')} ELSE 0 END AS lvbit`,
    ...(needMs ? [`extract(epoch FROM ${ts}) * 1000 AS ms`] : []),
    ...plan.fields.map((f, i) => {
      const col = `t.${pgIdent(f.column, f.kind === 'json' ? 'fields_column' : 'column')}`;
      if (f.kind === 'column') return kindOf(i) === 'jsonb' ? `to_jsonb(${col}) AS f${i}` : `${col} AS f${i}`;
      const doc = `(${col})::jsonb`;
      const top = `${doc} -> ${p.add(f.field, 'text')}`;
      if (f.path.length === 1) return `${top} AS f${i}`;
      const nested = f.path.reduce((acc, part) => `${acc} -> ${p.add(part, 'text')}`, doc);
      return `CASE WHEN ${doc} ? ${p.add(f.field, 'text')} THEN ${top} ELSE ${nested} END AS f${i}`;
    }),
  ];
  const base =
    `SELECT ${cols.join(', ')} FROM ${table} t ` +
    `WHERE ${ts} > timestamptz 'epoch' + ${p.add(Math.floor(edges[0] as number), 'bigint')} * interval '1 millisecond' ` +
    `AND ${ts} <= timestamptz 'epoch' + ${p.add(Math.ceil(edges[edges.length - 1] as number), 'bigint')} * interval '1 millisecond' ` +
    `AND ${levelText} = ANY(${p.add(allLevels, 'text[]')})`;

  const field = (i: number) => new FieldSql(`b.f${i}`, kindOf(i), p);
  const selectionSql = (s: (typeof plan.series)[number]): string => {
    const parts: string[] = [];
    const mine = storeValues(s.levels);
    if (mine.length < allLevels.length) parts.push(`(b.lvbit & ${levelMask(s.levels)}) <> 0`);
    for (const w of s.where) parts.push(field(w.field).condition(w.filter));
    return parts.length ? parts.map((c) => `(${c})`).join(' AND ') : 'true';
  };

  const simple = plan.series.filter((s) => s.simple);
  const general = plan.series.filter((s) => !s.simple);
  const selects: string[] = [];
  if (simple.length > 0) {
    const counts = simple.map((s) => {
      const cond = selectionSql(s);
      return cond === 'true' ? 'count(*)' : `count(*) FILTER (WHERE ${cond})`;
    });
    selects.push(
      `SELECT -1 AS s, NULL::text AS k, b.bucket, NULL::float8 AS hv, 0::bigint AS n, 0::bigint AS nv, NULL::float8 AS vmin, NULL::float8 AS vmax, ` +
        `NULL::numeric AS lts, NULL::float8 AS lv, ARRAY[${counts.join(', ')}]::bigint[] AS ns FROM b GROUP BY b.bucket`,
    );
  }
  if (general.length > 0) {
    const values = general.map((s) => {
      const key = s.groupBy.length ? `jsonb_build_array(${s.groupBy.map((i) => field(i).json).join(', ')})::text` : `'[]'`;
      const v = s.value ? field(s.value.field).value : 'NULL::float8';
      const hv = s.value?.histogram ? 'v' : null;
      const isLast = s.value?.aggregate === 'last';
      return { s: s.index, cond: selectionSql(s), key, v, hv, isLast };
    });
    const rows = values.map(
      (x) => `(${x.s}, ${x.cond}, ${x.key}, (${x.v})::float8, ${x.hv ? 'true' : 'false'}, ${x.isLast ? 'true' : 'false'})`,
    );
    const lastCols = needMs
      ? `max(b.ms) FILTER (WHERE x.l AND x.v IS NOT NULL) AS lts, (array_agg(x.v ORDER BY b.ms DESC, x.v DESC) FILTER (WHERE x.l AND x.v IS NOT NULL))[1] AS lv`
      : `NULL::numeric AS lts, NULL::float8 AS lv`;
    selects.push(
      `SELECT x.s, x.k, b.bucket, CASE WHEN x.h THEN x.v END AS hv, count(*) AS n, count(x.v) AS nv, min(x.v) AS vmin, max(x.v) AS vmax, ` +
        `${lastCols}, NULL::bigint[] AS ns ` +
        `FROM b CROSS JOIN LATERAL (VALUES ${rows.join(', ')}) AS x(s, ok, k, v, h, l) WHERE x.ok GROUP BY 1, 2, 3, 4`,
    );
  }
  // MATERIALIZED: each row's level bit and fields are computed once, not once per rule that reads them.
  return { sql: `WITH b AS MATERIALIZED (${base}) ${selects.join(' UNION ALL ')}`, params: p.values };
}
