export const id = 416;
export const ids = [416];
export const modules = {

/***/ 4416:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   seriesClickHouse: () => (/* binding */ seriesClickHouse)
/* harmony export */ });
/* harmony import */ var _clickhouse_client__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5671);
/* harmony import */ var _buckets_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8381);
/* harmony import */ var _clickhouse_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5104);
/* harmony import */ var _level_map_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(79);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2571);
/* harmony import */ var _regex_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1689);
/* harmony import */ var _sql_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2182);







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
function chDecimal(text) {
    const body = `replaceRegexpOne(${text}, '^[+-]', '')`;
    const mantissa = `replaceRegexpOne(${body}, '[eE].*$', '')`;
    const digits = `replaceRegexpOne(replaceAll(${mantissa}, '.', ''), '^0+', '')`;
    const expText = `replaceRegexpOne(extract(${body}, '[eE][+-]?([0-9]+)$'), '^0+', '')`;
    const exp = `(if(match(${body}, '[eE]-'), -1, 1) * toInt64OrZero(${expText}))`;
    const k = `(${exp} - toInt64(length(extract(${mantissa}, ${(0,_sql_js__WEBPACK_IMPORTED_MODULE_5__/* .chString */ .HQ)('\\.([0-9]*)')}))))`;
    const m = `toFloat64(toUInt64OrZero(${digits}))`;
    const p = `toFloat64(intExp10(toUInt8(least(abs(${k}), 19))))`;
    const exact = `if(${k} >= 0, ${m} * ${p}, ${m} / ${p})`;
    const fast = `length(${digits}) <= 15 AND length(${expText}) <= 4 AND abs(${k}) <= 19`;
    const value = `if(${digits} = '', toFloat64(0), if(${fast}, ${exact}, toFloat64OrZero(${body})))`;
    return `if(substring(${text}, 1, 1) = '-', -${value}, ${value})`;
}
const reEscape = (s) => s.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
/** JavaScript's String(x) for a finite Float64 x: ClickHouse prints the same shortest digits, without the + of e+21 and with -0. */
const jsNumber = (x) => `if(${x} = 0, '0', replaceRegexpOne(toString(${x}), 'e([0-9])', 'e+\\\\1'))`;
const ALL_TYPES = [0, 1, 2, 3, 4, 5];
function fieldColumns(f, i, columns, doc) {
    const p = `__f${i}`;
    const cols = { t: `${p}_t`, s: `${p}_s`, x: `${p}_x`, key: `${p}_k`, types: ALL_TYPES };
    if (f.kind === 'column') {
        const raw = columns.get(f.column);
        if (raw === undefined)
            throw new _plan_js__WEBPACK_IMPORTED_MODULE_3__/* .FieldError */ .bg(`field "${f.field}": the table has no column ${f.column}`);
        const nullable = /^Nullable\(/.test(raw);
        const type = raw.replace(/^Nullable\((.*)\)$/, '$1').replace(/^LowCardinality\((.*)\)$/, '$1');
        const c = (0,_sql_js__WEBPACK_IMPORTED_MODULE_5__/* .chIdent */ .wV)(f.column, 'column');
        const v = nullable ? `assumeNotNull(${c})` : c;
        if (/^(String|FixedString\(\d+\)|Enum(8|16)\(.*\))$/.test(type)) {
            cols.types = nullable ? [0, 2] : [2];
            if (!nullable)
                cols.always = 2;
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
        throw new _plan_js__WEBPACK_IMPORTED_MODULE_3__/* .FieldError */ .bg(`field "${f.field}": column ${f.column} has type ${raw}; ClickHouse sources read String, FixedString, Enum and number columns as fields`);
    }
    if (doc === undefined)
        throw new Error('internal: fields_column document missing');
    if (f.path.length > 1)
        throw new _plan_js__WEBPACK_IMPORTED_MODULE_3__/* .FieldError */ .bg(`field "${f.field}": ClickHouse 18.16 cannot read a dotted path from fields_column exactly (no JSONExtract); add the field as a column (columns:) or flatten the key`);
    const key = reEscape(JSON.stringify(f.field));
    const pre = `${p}_pre`;
    const depth = `${p}_depth`;
    const raw = `${p}_raw`;
    const blank = `replaceRegexpAll(${pre}, ${(0,_sql_js__WEBPACK_IMPORTED_MODULE_5__/* .chString */ .HQ)(STRING_LITERAL)}, '')`;
    return {
        select: [
            `extract(${doc}, ${(0,_sql_js__WEBPACK_IMPORTED_MODULE_5__/* .chString */ .HQ)(`^(.*?[{,])${key}:`)}) AS ${pre}`,
            `(length(replaceRegexpAll(${blank}, '[^{\\\\[]', '')) - length(replaceRegexpAll(${blank}, '[^}\\\\]]', ''))) AS ${depth}`,
            `if(${pre} != '' AND ${depth} = 1, extract(${doc}, ${(0,_sql_js__WEBPACK_IMPORTED_MODULE_5__/* .chString */ .HQ)(`[{,]${key}:(${STRING_LITERAL}|[^,}\\]]*)`)}), '') AS ${raw}`,
            `toUInt8(multiIf(${pre} = '' OR ${depth} != 1, 0, ${raw} = 'null', 1, substring(${raw}, 1, 1) = '"', 2, ${raw} = 'true' OR ${raw} = 'false', 4, ` +
                `substring(${raw}, 1, 1) = '{' OR substring(${raw}, 1, 1) = '[', 5, isFinite(toFloat64OrZero(${raw})), 3, 5)) AS ${cols.t}`,
            `multiIf(${cols.t} = 2, visitParamExtractString(concat('{"v":', ${raw}, '}'), 'v'), ${cols.t} = 4, ${raw}, '') AS ${cols.s}`,
            `if(${cols.t} = 3, toFloat64OrZero(${raw}), toFloat64(0)) AS ${cols.x}`,
            `multiIf(${cols.t} = 2 OR ${cols.t} = 4, concat('s', ${cols.s}), ${cols.t} = 3, concat('r', ${raw}), '') AS ${cols.key}`,
        ],
        guard: `(${pre} != '' AND ${depth} != 1 AND length(extractAll(${doc}, ${(0,_sql_js__WEBPACK_IMPORTED_MODULE_5__/* .chString */ .HQ)(`[{,]${key}:`)})) > 1)`,
        cols,
    };
}
function condition(f, c) {
    /** `expr` where t = type, written only when the field can have that type (thunks: nothing is built for impossible parts). */
    const when = (type, expr) => {
        if (!c.types.includes(type))
            return undefined;
        return c.always === type ? `(${expr()})` : `(${c.t} = ${type} AND ${expr()})`;
    };
    const or = (...parts) => {
        const live = parts.filter((x) => x !== undefined);
        return live.length ? `(${live.join(' OR ')})` : '0';
    };
    const anyOf = (vals, negate) => {
        const forms = [...new Set(vals.map(_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .scalarString */ .Cg))];
        const bools = forms.filter((s) => s === 'true' || s === 'false');
        const nums = forms.map(_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .canonicalNumber */ .uA).filter((x) => x !== undefined);
        const eq = or(when(2, () => (forms.length === 1 ? `${c.s} = ${(0,_sql_js__WEBPACK_IMPORTED_MODULE_5__/* .chString */ .HQ)(forms[0])}` : `${c.s} IN (${forms.map(_sql_js__WEBPACK_IMPORTED_MODULE_5__/* .chString */ .HQ).join(', ')})`)), bools.length ? when(4, () => `${c.s} IN (${bools.map(_sql_js__WEBPACK_IMPORTED_MODULE_5__/* .chString */ .HQ).join(', ')})`) : undefined, nums.length ? when(3, () => `${c.x} IN (${nums.map((n) => (0,_sql_js__WEBPACK_IMPORTED_MODULE_5__/* .chFloat */ .Ke)(n, 'value')).join(', ')})`) : undefined);
        return negate ? `NOT ${eq}` : eq;
    };
    switch (f.op) {
        case 'exists':
            return c.always !== undefined ? '1' : `${c.t} >= 2`;
        case 'equals':
            return anyOf([f.value], false);
        case 'not_equals':
            return anyOf([f.value], true);
        case 'one_of':
            return anyOf(f.value, false);
        case 'contains': {
            const s = (0,_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .scalarString */ .Cg)(f.value);
            const bools = (0,_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .booleansWhere */ .LS)((b) => b.includes(s));
            return or(when(2, () => `position(${c.s}, ${(0,_sql_js__WEBPACK_IMPORTED_MODULE_5__/* .chString */ .HQ)(s)}) > 0`), bools.length ? when(4, () => `${c.s} IN (${bools.map(_sql_js__WEBPACK_IMPORTED_MODULE_5__/* .chString */ .HQ).join(', ')})`) : undefined, /^[0-9.e+-]*$/.test(s) ? when(3, () => `position(${jsNumber(c.x)}, ${(0,_sql_js__WEBPACK_IMPORTED_MODULE_5__/* .chString */ .HQ)(s)}) > 0`) : undefined);
        }
        case 'matches': {
            const re = new RegExp(String(f.value));
            const translated = (0,_sql_js__WEBPACK_IMPORTED_MODULE_5__/* .chString */ .HQ)((0,_regex_js__WEBPACK_IMPORTED_MODULE_4__/* .storeRegex */ .x)(f, 'clickhouse'));
            const bools = (0,_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .booleansWhere */ .LS)((b) => re.test(b));
            return or(when(2, () => `match(${c.s}, ${translated})`), when(3, () => `match(${jsNumber(c.x)}, ${translated})`), bools.length ? when(4, () => `${c.s} IN (${bools.map(_sql_js__WEBPACK_IMPORTED_MODULE_5__/* .chString */ .HQ).join(', ')})`) : undefined);
        }
        default: {
            // The one numeric reading (aggregate.ts numericValue), as for value rules.
            const op = { gt: '>', gte: '>=', lt: '<', lte: '<=' }[f.op];
            const x = (0,_sql_js__WEBPACK_IMPORTED_MODULE_5__/* .chFloat */ .Ke)(f.value, `value of ${f.field}`);
            const [isnum, v] = numericValue(c);
            return `(${isnum} AND ${v} ${op} ${x})`;
        }
    }
}
/** aggregate.ts numericValue: [isnum, value]. */
function numericValue(c) {
    if (!c.types.includes(2))
        return [`(${c.t} = 3)`, c.x];
    if (c.d === undefined || c.dok === undefined)
        throw new Error('internal: the numeric reading of a text field was not planned');
    if (!c.types.includes(3))
        return [`(${c.t} = 2 AND ${c.dok} = 1)`, c.d];
    return [`((${c.t} = 3) OR (${c.t} = 2 AND ${c.dok} = 1))`, `if(${c.t} = 3, ${c.x}, ${c.d})`];
}
async function seriesClickHouse(source, url, query, groupLimit) {
    const plan = (0,_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .planQuery */ .YK)(source, query);
    if (plan.series.length === 0)
        return [];
    for (const w of query.windows) {
        (0,_sql_js__WEBPACK_IMPORTED_MODULE_5__/* .intLiteral */ .nB)(w.fromMs, 'window start');
        (0,_sql_js__WEBPACK_IMPORTED_MODULE_5__/* .intLiteral */ .nB)(w.toMs, 'window end');
    }
    const edges = (0,_buckets_js__WEBPACK_IMPORTED_MODULE_6__/* .windowEdges */ .$h)(query.windows);
    const first = edges[0];
    const last = edges[edges.length - 1];
    const { origin, step } = (0,_buckets_js__WEBPACK_IMPORTED_MODULE_6__/* .edgeGrid */ .yA)(edges);
    const cellOf = (e) => (e - origin) / step;
    if (first === undefined || last === undefined || plan.levels.length === 0)
        return (0,_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .assemble */ .fT)(plan, query.windows, cellOf, [], [], groupLimit);
    const timeoutMs = Math.round(source.timeout_seconds * 1000);
    const client = (0,_clickhouse_client__WEBPACK_IMPORTED_MODULE_0__/* .createClient */ .UU)({
        url,
        request_timeout: timeoutMs + 2000,
        application: 'apialerts-evaluate',
        log: { level: _clickhouse_client__WEBPACK_IMPORTED_MODULE_0__/* .ClickHouseLogLevel */ .P1.OFF },
        // Hundreds of rules make a long statement: raise the parser's 256 KiB default.
        clickhouse_settings: {
            max_execution_time: Math.max(1, Math.ceil(source.timeout_seconds)),
            max_query_size: '67108864',
            max_ast_elements: '10000000',
            max_expanded_ast_elements: '10000000',
        },
    });
    try {
        const { schema, name } = (0,_sql_js__WEBPACK_IMPORTED_MODULE_5__/* .splitTable */ .Vq)(source.table);
        const columns = await (0,_clickhouse_js__WEBPACK_IMPORTED_MODULE_1__/* .tableColumns */ .q)(client, schema, name);
        const tsType = columns.get(source.timestamp_column);
        if (tsType === undefined)
            throw new Error(`table ${name} has no column ${source.timestamp_column} (timestamp_column)`);
        if (source.fields_column !== undefined && plan.fields.some((f) => f.kind === 'json')) {
            const t = columns.get(source.fields_column);
            if (t === undefined)
                throw new _plan_js__WEBPACK_IMPORTED_MODULE_3__/* .FieldError */ .bg(`fields_column: the table has no column ${source.fields_column}`);
            if (!/^(Nullable\()?String\)?$/.test(t))
                throw new _plan_js__WEBPACK_IMPORTED_MODULE_3__/* .FieldError */ .bg(`fields_column ${source.fields_column} has type ${t}; on ClickHouse it must be a String holding JSON`);
        }
        const sql = buildSql(source, plan, columns, tsType.replace(/^Nullable\((.*)\)$/, '$1'), first, last, origin, step);
        let rows;
        try {
            const result = await client.query({ query: sql, format: 'JSONEachRow' });
            rows = await result.json();
        }
        catch (err) {
            if (/throwIf/.test(String(err.message))) {
                const fields = plan.fields.filter((f) => f.kind === 'json').map((f) => f.field);
                throw new _plan_js__WEBPACK_IMPORTED_MODULE_3__/* .FieldError */ .bg(`field ${fields.map((f) => `"${f}"`).join(' or ')}: a row's fields_column holds the key inside a nested object before another occurrence; ClickHouse 18.16 cannot tell which one is the top-level key exactly — store the field in its own column (columns:)`);
            }
            throw err;
        }
        const sets = countPasses(plan, (levels) => (0,_level_map_js__WEBPACK_IMPORTED_MODULE_2__/* .levelLookup */ .J)(levels, source.level_map).storeValues ?? levels);
        const simpleCount = plan.series.filter((x) => x.simple).length;
        const simpleRows = [];
        const generalRows = [];
        for (const r of rows) {
            const cell = Number(r.cell);
            if (Number(r.s) < 0) {
                // Counts of level set -1 - s, spread back into the plan's order of simple series.
                const set = sets[-1 - Number(r.s)];
                const counts = new Array(simpleCount).fill(0);
                r.ns.forEach((n, j) => (counts[set?.positions[j] ?? 0] = Number(n)));
                simpleRows.push({ cell, counts });
                continue;
            }
            const nv = Number(r.nv);
            generalRows.push({
                s: Number(r.s),
                key: r.k.map((k) => (k === '' ? null : k[0] === 's' ? k.slice(1) : (0,_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .keyForm */ .U)(Number(k.slice(1))))),
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
        return (0,_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .assemble */ .fT)(plan, query.windows, cellOf, simpleRows, generalRows, groupLimit);
    }
    finally {
        await client.close().catch(() => { });
    }
}
/**
 * The count series' sub-selects: one per distinct level set, each reading only the rows at its levels
 * (a MergeTree range read of the window is cheap next to evaluating hundreds of conditions on rows a
 * rule's levels exclude — measured in docs/stores.md; a single sub-select for all rules cost more).
 */
function countPasses(plan, storeValues) {
    const simple = plan.series.filter((x) => x.simple);
    const sets = new Map();
    simple.forEach((ps, pos) => {
        const values = [...storeValues(ps.levels)].sort();
        const key = JSON.stringify(values);
        let set = sets.get(key);
        if (!set)
            sets.set(key, (set = { values, series: [], positions: [] }));
        set.series.push(ps);
        set.positions.push(pos);
    });
    return [...sets.values()];
}
function buildSql(source, plan, columns, tsType, first, last, origin, step) {
    const { schema, name } = (0,_sql_js__WEBPACK_IMPORTED_MODULE_5__/* .splitTable */ .Vq)(source.table);
    const table = schema ? `${(0,_sql_js__WEBPACK_IMPORTED_MODULE_5__/* .chIdent */ .wV)(schema, 'schema')}.${(0,_sql_js__WEBPACK_IMPORTED_MODULE_5__/* .chIdent */ .wV)(name, 'table')}` : (0,_sql_js__WEBPACK_IMPORTED_MODULE_5__/* .chIdent */ .wV)(name, 'table');
    const ts = (0,_sql_js__WEBPACK_IMPORTED_MODULE_5__/* .chIdent */ .wV)(source.timestamp_column, 'timestamp_column');
    const lv = (0,_sql_js__WEBPACK_IMPORTED_MODULE_5__/* .chIdent */ .wV)(source.level_column, 'level_column');
    const time = (0,_clickhouse_js__WEBPACK_IMPORTED_MODULE_1__/* .timeExpressions */ .b)(tsType, ts, first, last, source.timestamp_column);
    const cell = `intDiv(${time.ms} - ${(0,_sql_js__WEBPACK_IMPORTED_MODULE_5__/* .intLiteral */ .nB)(origin, 'origin')} + ${(0,_sql_js__WEBPACK_IMPORTED_MODULE_5__/* .intLiteral */ .nB)(step - 1, 'step')}, ${(0,_sql_js__WEBPACK_IMPORTED_MODULE_5__/* .intLiteral */ .nB)(step, 'step')})`;
    const levelText = source.level_map ? `toString(${lv})` : `lower(toString(${lv}))`;
    const storeValues = (levels) => (0,_level_map_js__WEBPACK_IMPORTED_MODULE_2__/* .levelLookup */ .J)(levels, source.level_map).storeValues ?? levels;
    const allLevels = storeValues(plan.levels);
    const inList = (xs) => (xs.length ? xs.map(_sql_js__WEBPACK_IMPORTED_MODULE_5__/* .chString */ .HQ).join(', ') : "''");
    const doc = plan.fields.some((f) => f.kind === 'json') ? '__doc' : undefined;
    // Two layers, so that conditions name plain columns of a subquery: 18.16 expands an alias into every
    // place it is used, and hundreds of rules over aliases of aliases make an AST too big to analyse.
    const rowCols = [`toInt64(${cell}) AS __cell`, `toInt64(${time.ms}) AS __ms`, `${levelText} AS __lv`];
    const passCols = ['__cell', '__ms', '__lv'];
    if (doc) {
        const fc = (0,_sql_js__WEBPACK_IMPORTED_MODULE_5__/* .chIdent */ .wV)(source.fields_column, 'fields_column');
        rowCols.push(`replaceRegexpAll(ifNull(${fc}, ''), ${(0,_sql_js__WEBPACK_IMPORTED_MODULE_5__/* .chString */ .HQ)(`(${STRING_LITERAL})|[ \\t\\n\\r]+`)}, '\\\\1') AS ${doc}`);
    }
    const selects = [...passCols];
    const guards = [];
    const numericFields = new Set(plan.series.flatMap((ps) => [
        ...ps.where.filter((w) => ['gt', 'gte', 'lt', 'lte'].includes(w.filter.op)).map((w) => w.field),
        ...(ps.value ? [ps.value.field] : []),
    ]));
    // Exact decimal readings, in a layer of their own over plain columns (inside the field layer the
    // aliases they read would be expanded into every use, and 18.16's analysis would balloon).
    const decimals = [];
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
            decimals.push(`${d} AS ${got.cols.d}`, `toUInt8(${got.cols.t} = 2 AND match(${got.cols.s}, ${(0,_sql_js__WEBPACK_IMPORTED_MODULE_5__/* .chString */ .HQ)(DECIMAL)}) AND isFinite(${d})) AS ${got.cols.dok}`);
        }
        selects.push(...got.select);
        if (got.guard)
            guards.push(got.guard);
        return got.cols;
    });
    const where = [
        time.range,
        `${time.ms} > ${(0,_sql_js__WEBPACK_IMPORTED_MODULE_5__/* .intLiteral */ .nB)(first, 'start')}`,
        `${time.ms} <= ${(0,_sql_js__WEBPACK_IMPORTED_MODULE_5__/* .intLiteral */ .nB)(last, 'end')}`,
        `${levelText} IN (${inList(allLevels)})`,
    ];
    // throwIf stops the query on a row whose JSON cannot be read exactly (see the module comment).
    if (guards.length)
        selects.push(`throwIf(${guards.join(' OR ')}) AS __guard`);
    const fieldCols0 = plan.fields.flatMap((f) => (f.kind === 'column' ? [(0,_sql_js__WEBPACK_IMPORTED_MODULE_5__/* .chIdent */ .wV)(f.column, 'column')] : []));
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
    const selectionSql = (s, withLevels = true) => {
        const cheap = [];
        const costly = [];
        const mine = storeValues(s.levels);
        if (withLevels && mine.length < allLevels.length)
            cheap.push(mine.length === 1 ? `__lv = ${(0,_sql_js__WEBPACK_IMPORTED_MODULE_5__/* .chString */ .HQ)(mine[0])}` : `__lv IN (${inList(mine)})`);
        if (guards.length)
            cheap.push('__guard = 0');
        for (const w of (0,_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .byCost */ .Lb)(s.where)) {
            const c = fieldCols[w.field];
            if (w.filter.op !== 'matches' && w.filter.op !== 'contains')
                cheap.push(condition(w.filter, c));
            else
                costly.push(condition(w.filter, c));
        }
        if (cheap.length === 0)
            return costly.length ? costly.map((x) => `(${x})`).join(' AND ') : '1';
        const g = cheap.map((x) => `(${x})`).join(' AND ');
        if (costly.length === 0)
            return g;
        const guarded = (0,_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .byCost */ .Lb)(s.where)
            .filter((w) => w.filter.op === 'matches' || w.filter.op === 'contains')
            .map((w) => {
            const c = fieldCols[w.field];
            // A String column (always a string) needs only its text; other fields carry type, text and number.
            if (c.always === 2)
                return `arrayExists(__q -> ${condition(w.filter, { ...c, s: '__q' })}, arraySlice([${c.s}], 1, ${g}))`;
            const q = { ...c, t: 'tupleElement(__q, 1)', s: 'tupleElement(__q, 2)', x: 'tupleElement(__q, 3)' };
            return `arrayExists(__q -> ${condition(w.filter, q)}, arraySlice([tuple(${c.t}, ${c.s}, ${c.x})], 1, ${g}))`;
        });
        return `${g} AND ${guarded.join(' AND ')}`;
    };
    const simple = plan.series.filter((s) => s.simple);
    const general = plan.series.filter((s) => !s.simple);
    const parts = [];
    if (simple.length > 0) {
        countPasses(plan, storeValues).forEach((set, gi) => {
            const split = set.values.length < allLevels.length;
            const counts = set.series.map((ps) => {
                const cond = selectionSql(ps, !split);
                return cond === '1' ? 'count()' : `countIf(${cond})`;
            });
            const where = split ? ` WHERE __lv IN (${inList(set.values)})` : '';
            parts.push(`SELECT toInt32(${-1 - gi}) AS s, emptyArrayString() AS k, __cell AS cell, toFloat64(0) AS hv, toUInt8(0) AS hvf, toUInt64(0) AS n, toUInt64(0) AS nv, ` +
                `toFloat64(0) AS vmin, toFloat64(0) AS vmax, toInt64(0) AS lts, toFloat64(0) AS lv, toUInt8(0) AS lf, [${counts.join(', ')}] AS ns ` +
                `FROM (${inner})${where} GROUP BY __cell`);
        });
    }
    if (general.length > 0) {
        const tuples = general.map((s) => {
            const key = s.groupBy.length ? `[${s.groupBy.map((i) => fieldCols[i].key).join(', ')}]` : 'emptyArrayString()';
            const [isnum, v] = s.value ? numericValue(fieldCols[s.value.field]) : ['0', '0'];
            const hist = s.value?.histogram ? 1 : 0;
            const isLast = s.value?.aggregate === 'last' ? 1 : 0;
            return `tuple(toInt32(${s.index}), toUInt8(${selectionSql(s)}), ${key}, toFloat64(${v}), toUInt8(${isnum}), toUInt8(${hist}), toUInt8(${isLast}))`;
        });
        // One layer per step, so that no alias stands for the big array expression (18.16 would copy it into every use).
        const arr = `SELECT __cell, __ms, arrayFilter(q -> q.2 = 1, [${tuples.join(', ')}]) AS __arr FROM (${inner})`;
        const joined = `SELECT __cell, __ms, arrayJoin(__arr) AS z FROM (${arr})`;
        const fan = `SELECT __cell, __ms, z.1 AS zs, z.3 AS zk, z.4 AS zv, z.5 AS zn, ` +
            `if(z.6 = 1 AND z.5 = 1, z.4, toFloat64(0)) AS zh, toUInt8(z.6 = 1 AND z.5 = 1) AS zhf, toUInt8(z.7 = 1 AND z.5 = 1) AS zl FROM (${joined})`;
        parts.push(`SELECT zs AS s, zk AS k, __cell AS cell, zh AS hv, zhf AS hvf, count() AS n, toUInt64(sum(zn)) AS nv, minIf(zv, zn = 1) AS vmin, maxIf(zv, zn = 1) AS vmax, ` +
            `maxIf(__ms, zl = 1) AS lts, argMaxIf(zv, tuple(__ms, zv), zl = 1) AS lv, toUInt8(max(zl)) AS lf, emptyArrayUInt64() AS ns ` +
            `FROM (${fan}) GROUP BY s, k, cell, hv, hvf`);
    }
    return parts.join(' UNION ALL ');
}


/***/ }),

/***/ 5104:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ timeExpressions),
/* harmony export */   countClickHouse: () => (/* binding */ countClickHouse),
/* harmony export */   q: () => (/* binding */ tableColumns)
/* harmony export */ });
/* harmony import */ var _clickhouse_client__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5671);
/* harmony import */ var _sql_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2182);
/* harmony import */ var _buckets_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8381);
/* harmony import */ var _level_map_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(79);




/**
 * ClickHouse 18.16 (Debian's) has no `{name:Type}` query parameters and no
 * DateTime64, so the count query carries only validated, quoted identifiers and
 * integer literals. All window edges lie on a grid (origin, step = gcd of their
 * offsets; minute-aligned ticks give a one-minute step), so a row's cell is plain
 * integer arithmetic and one GROUP BY (level, cell) answers every window.
 */
async function countClickHouse(source, url, query) {
    const { levels, windows } = query;
    for (const w of windows) {
        (0,_sql_js__WEBPACK_IMPORTED_MODULE_2__/* .intLiteral */ .nB)(w.fromMs, 'window start');
        (0,_sql_js__WEBPACK_IMPORTED_MODULE_2__/* .intLiteral */ .nB)(w.toMs, 'window end');
    }
    const edges = (0,_buckets_js__WEBPACK_IMPORTED_MODULE_3__/* .windowEdges */ .$h)(windows);
    const first = edges[0];
    const last = edges[edges.length - 1];
    if (levels.length === 0 || first === undefined || last === undefined)
        return levels.map(() => windows.map(() => 0));
    const { schema, name } = (0,_sql_js__WEBPACK_IMPORTED_MODULE_2__/* .splitTable */ .Vq)(source.table);
    const table = schema ? `${(0,_sql_js__WEBPACK_IMPORTED_MODULE_2__/* .chIdent */ .wV)(schema, 'schema')}.${(0,_sql_js__WEBPACK_IMPORTED_MODULE_2__/* .chIdent */ .wV)(name, 'table')}` : (0,_sql_js__WEBPACK_IMPORTED_MODULE_2__/* .chIdent */ .wV)(name, 'table');
    const ts = (0,_sql_js__WEBPACK_IMPORTED_MODULE_2__/* .chIdent */ .wV)(source.timestamp_column, 'timestamp_column');
    const lv = (0,_sql_js__WEBPACK_IMPORTED_MODULE_2__/* .chIdent */ .wV)(source.level_column, 'level_column');
    const timeoutMs = Math.round(source.timeout_seconds * 1000);
    const client = (0,_clickhouse_client__WEBPACK_IMPORTED_MODULE_0__/* .createClient */ .UU)({
        url,
        request_timeout: timeoutMs + 2000,
        application: 'apialerts-evaluate',
        // Failures surface as our own UserError; the client's console advice would only add noise to action logs.
        log: { level: _clickhouse_client__WEBPACK_IMPORTED_MODULE_0__/* .ClickHouseLogLevel */ .P1.OFF },
        clickhouse_settings: { max_execution_time: Math.max(1, Math.ceil(source.timeout_seconds)) },
    });
    try {
        const type = await columnType(client, schema, name, source.timestamp_column);
        const time = timeExpressions(type, ts, first, last, source.timestamp_column);
        const { origin, step } = (0,_buckets_js__WEBPACK_IMPORTED_MODULE_3__/* .edgeGrid */ .yA)(edges);
        // ceil((ms - origin) / step): cell k holds (origin + (k-1)·step, origin + k·step].
        const cell = `intDiv(${time.ms} - ${(0,_sql_js__WEBPACK_IMPORTED_MODULE_2__/* .intLiteral */ .nB)(origin, 'origin')} + ${(0,_sql_js__WEBPACK_IMPORTED_MODULE_2__/* .intLiteral */ .nB)(step - 1, 'step')}, ${(0,_sql_js__WEBPACK_IMPORTED_MODULE_2__/* .intLiteral */ .nB)(step, 'step')})`;
        const sql = `SELECT toString(${lv}) AS level, ${cell} AS cell, count() AS n FROM ${table} ` +
            `WHERE ${time.range} AND ${time.ms} > ${(0,_sql_js__WEBPACK_IMPORTED_MODULE_2__/* .intLiteral */ .nB)(first, 'start')} AND ${time.ms} <= ${(0,_sql_js__WEBPACK_IMPORTED_MODULE_2__/* .intLiteral */ .nB)(last, 'end')} ` +
            `GROUP BY level, cell`;
        const result = await client.query({ query: sql, format: 'JSONEachRow' });
        const rows = await result.json();
        const lookup = (0,_level_map_js__WEBPACK_IMPORTED_MODULE_1__/* .levelLookup */ .J)(levels, source.level_map);
        const cells = levels.map(() => new Map());
        for (const row of rows) {
            const k = Number(row.cell);
            for (const i of lookup.indexesOf(row.level)) {
                const m = cells[i];
                if (m)
                    m.set(k, (m.get(k) ?? 0) + Number(row.n));
            }
        }
        return (0,_buckets_js__WEBPACK_IMPORTED_MODULE_3__/* .windowCounts */ .Hb)(cells, windows, (e) => (e - origin) / step);
    }
    finally {
        await client.close().catch(() => { });
    }
}
/** The timestamp column's type decides how to read it as epoch milliseconds. */
async function columnType(client, schema, table, column) {
    const cols = await tableColumns(client, schema, table);
    const type = cols.get(column);
    if (type === undefined)
        throw new Error(`table ${table} has no column ${column} (timestamp_column)`);
    return type.replace(/^Nullable\((.*)\)$/, '$1');
}
/** Column name → type of the table (throws when the table does not exist). */
async function tableColumns(client, schema, table) {
    // Identifiers were validated by splitTable/chIdent: safe inside string literals (no quotes or backslashes).
    const db = schema === undefined ? 'currentDatabase()' : `'${schema}'`;
    const result = await client.query({
        query: `SELECT name, type FROM system.columns WHERE database = ${db} AND table = '${table}'`,
        format: 'JSONEachRow',
    });
    const cols = await result.json();
    if (cols.length === 0)
        throw new Error(`table ${schema ? `${schema}.` : ''}${table} does not exist`);
    return new Map(cols.map((c) => [c.name, c.type]));
}
function timeExpressions(type, ts, first, last, column) {
    if (/^DateTime(\(|$)/.test(type)) {
        // Seconds: s·1000 > first ⇔ s > floor(first/1000); s·1000 <= last ⇔ s <= floor(last/1000). Uses the ORDER BY key.
        return {
            ms: `(toInt64(toUInt32(${ts})) * 1000)`,
            range: `${ts} > toDateTime(${(0,_sql_js__WEBPACK_IMPORTED_MODULE_2__/* .intLiteral */ .nB)(Math.floor(first / 1000), 'start')}) AND ${ts} <= toDateTime(${(0,_sql_js__WEBPACK_IMPORTED_MODULE_2__/* .intLiteral */ .nB)(Math.floor(last / 1000), 'end')})`,
        };
    }
    if (/^DateTime64\(/.test(type)) {
        return {
            ms: `toUnixTimestamp64Milli(${ts})`,
            range: `${ts} > fromUnixTimestamp64Milli(toInt64(${(0,_sql_js__WEBPACK_IMPORTED_MODULE_2__/* .intLiteral */ .nB)(first, 'start')})) AND ${ts} <= fromUnixTimestamp64Milli(toInt64(${(0,_sql_js__WEBPACK_IMPORTED_MODULE_2__/* .intLiteral */ .nB)(last, 'end')}))`,
        };
    }
    if (/^U?Int(32|64)$/.test(type)) {
        return { ms: `toInt64(${ts})`, range: '1' };
    }
    throw new Error(`timestamp_column ${column} has type ${type}; expected DateTime, DateTime64 or an integer of epoch milliseconds`);
}


/***/ })

};
