export const id = 565;
export const ids = [565];
export const modules = {

/***/ 8565:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   seriesPostgres: () => (/* binding */ seriesPostgres)
/* harmony export */ });
/* harmony import */ var pg__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3849);
/* harmony import */ var _model_levels_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6934);
/* harmony import */ var _buckets_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8381);
/* harmony import */ var _level_map_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(79);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2571);
/* harmony import */ var _regex_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1689);
/* harmony import */ var _sql_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2182);







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
/** aggregate.ts numericValue's decimal strings (the one numeric reading, for value rules and gt/gte/lt/lte alike). */
const DECIMAL = '^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?$';
/** Decimals at or above this (2^1024 - 2^970, half-way between the largest double and 2^1024) read as ±Infinity in JavaScript. */
const OVERFLOW = (2n ** 1024n - 2n ** 970n).toString();
/** Decimals at or below this (2^-1075, half the smallest subnormal) read as 0 in JavaScript (ties to even). */
const UNDERFLOW = `0.${(5n ** 1075n).toString().padStart(1075, '0')}`;
/** Significant digits kept before a sticky digit: enough to decide every rounding and both thresholds exactly. */
const KEEP_DIGITS = 800;
class Params {
    values = [];
    shared = new Map();
    add(v, type) {
        this.values.push(v);
        return `$${this.values.length}::${type}`;
    }
    /** One parameter for a constant the statement uses in many places. */
    once(v, type) {
        let ref = this.shared.get(`${type}:${v}`);
        if (ref === undefined)
            this.shared.set(`${type}:${v}`, (ref = this.add(v, type)));
        return ref;
    }
}
/**
 * A decimal text (DECIMAL, or a JSON number's text) as float8 the way JavaScript's Number() reads it,
 * NULL when that is not finite; never an error, whatever the row holds. Short texts without an
 * exponent cast directly; the rest are normalised first (sign, at most KEEP_DIGITS significant digits
 * plus a sticky 1 when more were dropped, a small decimal exponent — so numeric and float8in can read
 * them), then compared with the exact overflow and underflow thresholds: float8in raises an error
 * where JavaScript gives Infinity or 0.
 */
function f8(text, p) {
    // m: sign, integer digits, fraction digits, exponent.
    const m = `regexp_match(${text}, '^([+-]?)([0-9]*)(?:\\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$')`;
    const digits = `(q0.m[2] || coalesce(q0.m[3], ''))`;
    // d: significant digits (no leading/trailing zeros); e: the exponent's text; n: value = 0.d × 10^n.
    const inner = `SELECT q0.m[1] AS s, rtrim(ltrim(${digits}, '0'), '0') AS d, coalesce(q0.m[4], '0') AS e, ` +
        `length(q0.m[2]) - (length(${digits}) - length(ltrim(${digits}, '0'))) AS z FROM (SELECT ${m} AS m) q0`;
    const bigExp = `length(ltrim(ltrim(ltrim(q1.e, '+'), '-'), '0')) > 6`;
    const n = `(q1.z + q1.e::int)`;
    const norm = `(q1.s || '0.' || CASE WHEN length(q1.d) > ${KEEP_DIGITS} THEN left(q1.d, ${KEEP_DIGITS}) || '1' ELSE q1.d END || 'e' || ${n})`;
    const slow = `(SELECT CASE WHEN q1.d = '' THEN (q1.s || '0')::float8 ` +
        `WHEN ${bigExp} THEN CASE WHEN left(q1.e, 1) = '-' THEN (q1.s || '0')::float8 END ` +
        `WHEN ${n} > 310 THEN NULL WHEN ${n} < -324 THEN (q1.s || '0')::float8 ` +
        `WHEN abs(${norm}::numeric) >= ${p.once(OVERFLOW, 'numeric')} THEN NULL ` +
        `WHEN abs(${norm}::numeric) <= ${p.once(UNDERFLOW, 'numeric')} THEN (q1.s || '0')::float8 ` +
        `ELSE ${norm}::float8 END FROM (${inner}) q1)`;
    return `(CASE WHEN length(${text}) < 16 AND strpos(lower(${text}), 'e') = 0 THEN (${text})::float8 ELSE ${slow} END)`;
}
/**
 * JavaScript's String(x) for a float8 x, from PostgreSQL's shortest round-trip output (extra_float_digits
 * ≥ 1): the same digits, laid out as JavaScript does (plain for exponents -7 < e < 21, else d.ddde±n).
 */
function jsNumber(x) {
    const m = `regexp_match((${x})::text, '^(-?)([0-9]+)(?:\\.([0-9]+))?(?:e([+-][0-9]+))?$')`;
    const all = `(q0.m[2] || coalesce(q0.m[3], ''))`;
    // d: significant digits; n: decimal exponent with value = 0.d × 10^n.
    const inner = `SELECT q0.m[1] AS s, rtrim(ltrim(${all}, '0'), '0') AS d, ` +
        `length(q0.m[2]) + coalesce(q0.m[4], '0')::int - (length(${all}) - length(ltrim(${all}, '0'))) AS n FROM (SELECT ${m} AS m) q0`;
    const body = `CASE WHEN q1.d = '' THEN '0' ELSE q1.s || CASE ` +
        `WHEN length(q1.d) <= q1.n AND q1.n <= 21 THEN q1.d || repeat('0', q1.n - length(q1.d)) ` +
        `WHEN 0 < q1.n AND q1.n <= 21 THEN left(q1.d, q1.n) || '.' || substr(q1.d, q1.n + 1) ` +
        `WHEN -6 < q1.n AND q1.n <= 0 THEN '0.' || repeat('0', -q1.n) || q1.d ` +
        `ELSE left(q1.d, 1) || CASE WHEN length(q1.d) > 1 THEN '.' || substr(q1.d, 2) ELSE '' END || 'e' || ` +
        `CASE WHEN q1.n - 1 >= 0 THEN '+' ELSE '-' END || abs(q1.n - 1)::text END END`;
    return `(SELECT ${body} FROM (${inner}) q1)`;
}
/** A column type (format_type) → how its values read: text types as strings, number types as numbers, boolean; else through jsonb. */
function pgColumnKind(type) {
    if (/^(text|character varying(\(\d+\))?|citext|name)$/.test(type))
        return 'string';
    if (/^(smallint|integer|bigint|real|double precision|numeric(\(.*\))?)$/.test(type))
        return 'number';
    if (type === 'boolean')
        return 'boolean';
    return 'jsonb';
}
/**
 * The expressions of series.ts over field i of the CTE (`b.f<i>`): jsonb (type read per row with
 * jsonb_typeof), or a typed column (type known when the statement is written, so the conditions are
 * plain comparisons on the column — the fast path for the recommended table layout). Readings that
 * take more than a comparison (a number's double, the numeric reading, a number's JavaScript text)
 * are DERIVED columns: computed once per row inside the CTE, from the raw field (`r.f<i>`), however
 * many rules use them.
 */
class FieldSql {
    i;
    kind;
    p;
    derived;
    j;
    raw;
    constructor(i, kind, p, derived) {
        this.i = i;
        this.kind = kind;
        this.p = p;
        this.derived = derived;
        this.j = `b.f${i}`;
        this.raw = `r.f${i}`;
    }
    is(type, j = this.j) {
        if (this.kind === 'jsonb')
            return `jsonb_typeof(${j}) = '${type}'`;
        return this.kind === type ? `${j} IS NOT NULL` : 'false';
    }
    text(j = this.j) {
        return this.kind === 'jsonb' ? `(${j} #>> '{}')` : `(${j})::text`;
    }
    derive(name, expr) {
        const col = `${name}${this.i}`;
        if (!this.derived.has(col))
            this.derived.set(col, expr());
        return `b.${col}`;
    }
    /** Over the raw field: a JSON number / number column as float8; NULL when not finite as a double. */
    numberOf(j) {
        if (this.kind === 'number')
            return `(${j})::float8`;
        return `CASE WHEN ${this.is('number', j)} THEN ${f8(this.text(j), this.p)} END`;
    }
    /** The field as a number when it is a number (JSON number or number column). */
    get number() {
        if (this.kind === 'number')
            return `(${this.j})::float8`;
        return this.derive('x', () => this.numberOf(this.raw));
    }
    /** JavaScript's String() of the field when it is a number. */
    get jsText() {
        return this.derive('js', () => jsNumber(this.numberOf(this.raw)));
    }
    /** jsonb for group keys. */
    get json() {
        return this.kind === 'jsonb' ? this.j : `to_jsonb(${this.j})`;
    }
    /** aggregate.ts numericValue, the one numeric reading: a finite number, or a decimal string. */
    get value() {
        if (this.kind === 'number')
            return this.number;
        if (this.kind === 'boolean')
            return 'NULL::float8';
        return this.derive('n', () => {
            const r = this.raw;
            const parts = [];
            if (this.kind === 'jsonb')
                parts.push(`WHEN ${this.is('number', r)} THEN ${f8(this.text(r), this.p)}`);
            parts.push(`WHEN ${this.is('string', r)} AND ${this.text(r)} ~ '${DECIMAL}' THEN ${f8(this.text(r), this.p)}`);
            return `CASE ${parts.join(' ')} END`;
        });
    }
    condition(f) {
        const S = this.text();
        const p = this.p;
        // Expressions are thunks: a bind parameter is added only when its part is written.
        const or = (parts) => {
            const live = parts.filter(([g]) => g !== 'false').map(([g, e]) => `(${g} AND ${e()})`);
            return live.length ? `COALESCE((${live.join(' OR ')}), false)` : 'false';
        };
        const anyOf = (vals, negate) => {
            const forms = [...new Set(vals.map(_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .scalarString */ .Cg))];
            const parts = [
                [this.is('string'), () => (forms.length === 1 ? `${S} = ${p.add(forms[0], 'text')}` : `${S} = ANY(${p.add(forms, 'text[]')})`)],
            ];
            const bools = forms.filter((s) => s === 'true' || s === 'false');
            if (bools.length)
                parts.push([this.is('boolean'), () => `${S} = ANY(${p.add(bools, 'text[]')})`]);
            const nums = forms.map(_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .canonicalNumber */ .uA).filter((x) => x !== undefined);
            if (nums.length)
                parts.push([this.is('number'), () => `${this.number} = ANY(${p.add(nums, 'float8[]')})`]);
            const eq = or(parts);
            return negate ? `NOT ${eq}` : eq;
        };
        switch (f.op) {
            case 'exists':
                return this.kind === 'jsonb' ? `(${this.j} IS NOT NULL AND jsonb_typeof(${this.j}) <> 'null')` : `${this.j} IS NOT NULL`;
            case 'equals':
                return anyOf([f.value], false);
            case 'not_equals':
                return anyOf([f.value], true);
            case 'one_of':
                return anyOf(f.value, false);
            case 'contains': {
                const s = (0,_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .scalarString */ .Cg)(f.value);
                const parts = [[this.is('string'), () => `strpos(${S}, ${p.add(s, 'text')}) > 0`]];
                const bools = (0,_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .booleansWhere */ .LS)((b) => b.includes(s));
                if (bools.length)
                    parts.push([this.is('boolean'), () => `${S} = ANY(${p.add(bools, 'text[]')})`]);
                if (/^[0-9.e+-]*$/.test(s))
                    parts.push([this.is('number'), () => `strpos(${this.jsText}, ${p.add(s, 'text')}) > 0`]);
                return or(parts);
            }
            case 'matches': {
                const re = new RegExp(String(f.value));
                const pattern = (0,_regex_js__WEBPACK_IMPORTED_MODULE_4__/* .storeRegex */ .x)(f, 'postgres');
                let param;
                const translated = () => (param ??= p.add(pattern, 'text'));
                const parts = [
                    [this.is('string'), () => `${S} ~ ${translated()}`],
                    [this.is('number'), () => `${this.jsText} ~ ${translated()}`],
                ];
                const bools = (0,_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .booleansWhere */ .LS)((b) => re.test(b));
                if (bools.length)
                    parts.push([this.is('boolean'), () => `${S} = ANY(${p.add(bools, 'text[]')})`]);
                return or(parts);
            }
            default: {
                // The one numeric reading (aggregate.ts numericValue), as for value rules.
                const op = { gt: '>', gte: '>=', lt: '<', lte: '<=' }[f.op];
                if (this.kind === 'boolean')
                    return 'false';
                return `COALESCE(${this.value} ${op} ${p.add(f.value, 'float8')}, false)`;
            }
        }
    }
}
/** The bits of a level set (LEVELS order). */
function levelMask(levels) {
    return levels.reduce((m, l) => m | (1 << _model_levels_js__WEBPACK_IMPORTED_MODULE_1__/* .LEVELS */ .A_.indexOf(l)), 0);
}
async function seriesPostgres(source, url, query, groupLimit) {
    const plan = (0,_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .planQuery */ .YK)(source, query);
    const edges = (0,_buckets_js__WEBPACK_IMPORTED_MODULE_5__/* .windowEdges */ .$h)(query.windows);
    const first = edges[0];
    const last = edges[edges.length - 1];
    if (plan.series.length === 0)
        return [];
    const edgeIndex = new Map(edges.map((e, k) => [e, k]));
    const cellOf = (e) => edgeIndex.get(e) ?? 0;
    if (first === undefined || last === undefined || plan.levels.length === 0)
        return (0,_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .assemble */ .fT)(plan, query.windows, cellOf, [], [], groupLimit);
    const timeoutMs = Math.round(source.timeout_seconds * 1000);
    const client = new pg__WEBPACK_IMPORTED_MODULE_0__/* ["default"].Client */ .Ay.Client({
        connectionString: url,
        connectionTimeoutMillis: timeoutMs,
        statement_timeout: timeoutMs,
        query_timeout: timeoutMs + 2000,
        application_name: 'apialerts-evaluate',
        // Shortest round-trip float output (the default since PostgreSQL 12), which jsNumber relies on.
        options: '-c extra_float_digits=1',
    });
    client.on('error', () => { });
    await client.connect();
    let rows;
    let passes;
    try {
        // Plain columns: their types decide the expressions (a catalogue lookup; the counts are still one statement).
        const kinds = new Map();
        if (plan.fields.some((f) => f.kind === 'column')) {
            const { schema, name } = (0,_sql_js__WEBPACK_IMPORTED_MODULE_6__/* .splitTable */ .Vq)(source.table);
            const rel = schema ? `${(0,_sql_js__WEBPACK_IMPORTED_MODULE_6__/* .pgIdent */ .EW)(schema, 'schema')}.${(0,_sql_js__WEBPACK_IMPORTED_MODULE_6__/* .pgIdent */ .EW)(name, 'table')}` : (0,_sql_js__WEBPACK_IMPORTED_MODULE_6__/* .pgIdent */ .EW)(name, 'table');
            const meta = await client.query('SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped', [rel]);
            for (const r of meta.rows)
                kinds.set(r.name, pgColumnKind(r.type));
        }
        const built = buildSql(source, plan, edges, kinds);
        passes = built.passes;
        rows = (await client.query(built.sql, built.params)).rows;
    }
    finally {
        await client.end().catch(() => { });
    }
    const n = edges.length - 1;
    const simpleCount = plan.series.filter((x) => x.simple).length;
    const simpleRows = [];
    const generalRows = [];
    const num = (v) => (v === null || v === undefined ? null : Number(v));
    for (const r of rows) {
        const cell = n + 1 - Number(r.bucket);
        if (Number(r.s) < 0) {
            // Counts of pass -1 - s, spread back into the plan's order of count series.
            const members = passes[-1 - Number(r.s)] ?? [];
            const counts = new Array(simpleCount).fill(0);
            r.ns.forEach((x, j) => (counts[members[j] ?? 0] = Number(x)));
            simpleRows.push({ cell, counts });
            continue;
        }
        generalRows.push({
            s: Number(r.s),
            key: JSON.parse(r.k).map(_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .keyForm */ .U),
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
    return (0,_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .assemble */ .fT)(plan, query.windows, cellOf, simpleRows, generalRows, groupLimit);
}
/**
 * PostgreSQL looks a pattern up in its per-session cache of compiled regular expressions by a linear
 * search with move-to-front (RE_CACHE_SIZE 32), so `text ~ pattern` costs in proportion to the number
 * of distinct patterns a row cycles through (measured: 48 regex filters over 20,931 rows, 1 distinct
 * pattern 20 ms CPU, 16 patterns 180 ms, 40 patterns — past the cache — 4 s). Count series are
 * therefore evaluated in passes over the CTE, rules sorted by pattern, each pass with at most this
 * many distinct patterns; a pass re-reads the materialized rows (about 1 ms per 20,000 rows).
 */
const REGEX_BUDGET = 4;
/**
 * The statement: the rows of (first edge, last edge] at any wanted level are read ONCE (one index
 * range scan of the timestamp column) into a materialized CTE, with each field and its derived
 * readings computed once per row. Count series (no group, no value) are `count(*) FILTER (WHERE …)`
 * per window-edge cell, in passes over the CTE: one per level set (a pass only sees the rows at its
 * levels, so a rule's conditions are never evaluated on rows its levels exclude), split further to
 * keep each pass within REGEX_BUDGET patterns. `passes[k]` lists the positions (among the count
 * series) of pass k, whose rows come back with s = -1 - k. The other series fan out through a
 * LATERAL VALUES list into (series, group, cell[, value]) groups.
 */
function buildSql(source, plan, edges, kinds) {
    const p = new Params();
    const { schema, name } = (0,_sql_js__WEBPACK_IMPORTED_MODULE_6__/* .splitTable */ .Vq)(source.table);
    const table = schema ? `${(0,_sql_js__WEBPACK_IMPORTED_MODULE_6__/* .pgIdent */ .EW)(schema, 'schema')}.${(0,_sql_js__WEBPACK_IMPORTED_MODULE_6__/* .pgIdent */ .EW)(name, 'table')}` : (0,_sql_js__WEBPACK_IMPORTED_MODULE_6__/* .pgIdent */ .EW)(name, 'table');
    const ts = `t.${(0,_sql_js__WEBPACK_IMPORTED_MODULE_6__/* .pgIdent */ .EW)(source.timestamp_column, 'timestamp_column')}`;
    const lv = `t.${(0,_sql_js__WEBPACK_IMPORTED_MODULE_6__/* .pgIdent */ .EW)(source.level_column, 'level_column')}`;
    const levelText = source.level_map ? `${lv}::text` : `lower(${lv}::text)`;
    const storeValues = (levels) => (0,_level_map_js__WEBPACK_IMPORTED_MODULE_2__/* .levelLookup */ .J)(levels, source.level_map).storeValues ?? levels;
    const allLevels = storeValues(plan.levels);
    const allMask = levelMask(plan.levels);
    const kindOf = (i) => {
        const f = plan.fields[i];
        return f?.kind === 'column' ? (kinds.get(f.column) ?? 'jsonb') : 'jsonb';
    };
    const derived = new Map();
    const field = (i) => new FieldSql(i, kindOf(i), p, derived);
    /** A series' conditions, level test first (unless its pass already restricts the levels), then its filters cheapest first. */
    const selectionSql = (s, passMask) => {
        const parts = [];
        const mask = levelMask(s.levels);
        if ((passMask & ~mask) !== 0)
            parts.push(`(b.lvbit & ${mask}) <> 0`);
        for (const w of (0,_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .byCost */ .Lb)(s.where))
            parts.push(field(w.field).condition(w.filter));
        return parts.length ? parts.map((c) => `(${c})`).join(' AND ') : 'true';
    };
    // width_bucket(-x, [-e_n … -e_0]) = number of edges >= x = n + 1 - k for x in (e_{k-1}, e_k].
    const negEdges = p.add(edges.map((e) => String(-e)).reverse(), 'numeric[]');
    const needMs = plan.series.some((s) => s.value?.aggregate === 'last');
    const simple = plan.series.filter((s) => s.simple);
    const general = plan.series.filter((s) => !s.simple);
    const selects = [];
    const passes = [];
    if (simple.length > 0) {
        // Passes: by level set, then by regex budget.
        const byMask = new Map();
        simple.forEach((s, pos) => {
            const m = levelMask(s.levels) & allMask;
            byMask.set(m, [...(byMask.get(m) ?? []), pos]);
        });
        const patternsOf = (s) => [...new Set(s.where.filter((w) => w.filter.op === 'matches').map((w) => String(w.filter.value)))].sort();
        const patternKey = (pos) => JSON.stringify(patternsOf(simple[pos]));
        for (const unsorted of byMask.values()) {
            // Rules with the same patterns side by side, so a pass holds few distinct ones.
            const keys = new Map(unsorted.map((pos) => [pos, patternKey(pos)]));
            const members = [...unsorted].sort((a, b) => keys.get(a) < keys.get(b) ? -1 : keys.get(a) > keys.get(b) ? 1 : a - b);
            let current = [];
            let patterns = new Set();
            for (const pos of members) {
                const mine = patternsOf(simple[pos]);
                const grown = new Set([...patterns, ...mine]);
                if (current.length > 0 && grown.size > REGEX_BUDGET) {
                    passes.push(current);
                    current = [];
                    patterns = new Set(mine);
                }
                else
                    patterns = grown;
                current.push(pos);
            }
            if (current.length > 0)
                passes.push(current);
        }
        passes.forEach((members, k) => {
            const mask = members.reduce((m, pos) => m | (levelMask(simple[pos].levels) & allMask), 0);
            const counts = members.map((pos) => {
                const cond = selectionSql(simple[pos], mask);
                return cond === 'true' ? 'count(*)' : `count(*) FILTER (WHERE ${cond})`;
            });
            const where = mask === allMask ? '' : ` WHERE (b.lvbit & ${mask}) <> 0`;
            selects.push(`SELECT ${-1 - k} AS s, NULL::text AS k, b.bucket, NULL::float8 AS hv, 0::bigint AS n, 0::bigint AS nv, NULL::float8 AS vmin, NULL::float8 AS vmax, ` +
                `NULL::numeric AS lts, NULL::float8 AS lv, ARRAY[${counts.join(', ')}]::bigint[] AS ns FROM b${where} GROUP BY b.bucket`);
        });
    }
    if (general.length > 0) {
        const values = general.map((s) => {
            const key = s.groupBy.length ? `jsonb_build_array(${s.groupBy.map((i) => field(i).json).join(', ')})::text` : `'[]'`;
            const v = s.value ? field(s.value.field).value : 'NULL::float8';
            const hv = s.value?.histogram ? 'v' : null;
            const isLast = s.value?.aggregate === 'last';
            return { s: s.index, cond: selectionSql(s, allMask), key, v, hv, isLast };
        });
        const rows = values.map((x) => `(${x.s}, ${x.cond}, ${x.key}, (${x.v})::float8, ${x.hv ? 'true' : 'false'}, ${x.isLast ? 'true' : 'false'})`);
        const lastCols = needMs
            ? `max(b.ms) FILTER (WHERE x.l AND x.v IS NOT NULL) AS lts, (array_agg(x.v ORDER BY b.ms DESC, x.v DESC) FILTER (WHERE x.l AND x.v IS NOT NULL))[1] AS lv`
            : `NULL::numeric AS lts, NULL::float8 AS lv`;
        selects.push(`SELECT x.s, x.k, b.bucket, CASE WHEN x.h THEN x.v END AS hv, count(*) AS n, count(x.v) AS nv, min(x.v) AS vmin, max(x.v) AS vmax, ` +
            `${lastCols}, NULL::bigint[] AS ns ` +
            `FROM b CROSS JOIN LATERAL (VALUES ${rows.join(', ')}) AS x(s, ok, k, v, h, l) WHERE x.ok GROUP BY 1, 2, 3, 4`);
    }
    // The one scan: written last, once the conditions above have asked for their derived columns.
    const cols = [
        `width_bucket(-(extract(epoch FROM ${ts}) * 1000), ${negEdges}) AS bucket`,
        // The level as one bit (debug 1, info 2, warn 4, error 8, fatal 16): each rule's level set is then a mask test.
        `CASE ${_model_levels_js__WEBPACK_IMPORTED_MODULE_1__/* .LEVELS */ .A_.map((l, i) => `WHEN ${levelText} = ANY(${p.add(storeValues([l]), 'text[]')}) THEN ${1 << i}`).join(' ')} ELSE 0 END AS lvbit`,
        ...(needMs ? [`extract(epoch FROM ${ts}) * 1000 AS ms`] : []),
        ...plan.fields.map((f, i) => {
            const col = `t.${(0,_sql_js__WEBPACK_IMPORTED_MODULE_6__/* .pgIdent */ .EW)(f.column, f.kind === 'json' ? 'fields_column' : 'column')}`;
            if (f.kind === 'column')
                return kindOf(i) === 'jsonb' ? `to_jsonb(${col}) AS f${i}` : `${col} AS f${i}`;
            const doc = `(${col})::jsonb`;
            const top = `${doc} -> ${p.add(f.field, 'text')}`;
            if (f.path.length === 1)
                return `${top} AS f${i}`;
            const nested = f.path.reduce((acc, part) => `${acc} -> ${p.add(part, 'text')}`, doc);
            return `CASE WHEN ${doc} ? ${p.add(f.field, 'text')} THEN ${top} ELSE ${nested} END AS f${i}`;
        }),
    ];
    const base = `SELECT ${cols.join(', ')} FROM ${table} t ` +
        `WHERE ${ts} > timestamptz 'epoch' + ${p.add(Math.floor(edges[0]), 'bigint')} * interval '1 millisecond' ` +
        `AND ${ts} <= timestamptz 'epoch' + ${p.add(Math.ceil(edges[edges.length - 1]), 'bigint')} * interval '1 millisecond' ` +
        `AND ${levelText} = ANY(${p.add(allLevels, 'text[]')})`;
    // OFFSET 0 keeps the raw fields a subquery, so each derived column reads them without re-extracting.
    const scan = derived.size
        ? `SELECT r.*, ${[...derived].map(([col, expr]) => `${expr} AS ${col}`).join(', ')} FROM (${base} OFFSET 0) r`
        : base;
    // MATERIALIZED: each row's level bit, fields and derived readings are computed once, not once per rule or pass.
    return { sql: `WITH b AS MATERIALIZED (${scan}) ${selects.join(' UNION ALL ')}`, params: p.values, passes };
}


/***/ })

};
