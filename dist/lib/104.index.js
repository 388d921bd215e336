export const id = 104;
export const ids = [104];
export const modules = {

/***/ 8381:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $h: () => (/* binding */ windowEdges),
/* harmony export */   Hb: () => (/* binding */ windowCounts),
/* harmony export */   uB: () => (/* binding */ SparseCells),
/* harmony export */   yA: () => (/* binding */ edgeGrid)
/* harmony export */ });
/**
 * Counting many windows from one grouped query: the store returns counts per
 * (level, cell) where cell k holds entries with ts in (edge(k-1), edge(k)], and
 * every window boundary is an edge. A window (from, to] is then the sum of the
 * cells between its two edges, i.e. a difference of prefix sums — so thousands of
 * windows cost one scan of the time range plus a little arithmetic here.
 */
/** Sorted distinct window boundaries. */
function windowEdges(windows) {
    return [...new Set(windows.flatMap((w) => [w.fromMs, w.toMs]))].sort((a, b) => a - b);
}
/** A regular grid through all edges: origin = smallest edge, step = gcd of offsets (integers only). */
function edgeGrid(edges) {
    const origin = edges[0] ?? 0;
    let step = 0;
    for (const e of edges)
        step = gcd(step, e - origin);
    return { origin, step: step === 0 ? 1 : step };
}
function gcd(a, b) {
    while (b !== 0)
        [a, b] = [b, a % b];
    return Math.abs(a);
}
/** Prefix sums over sparse cells: `upTo(k)` = total of cells with index <= k. */
class SparseCells {
    cells = [];
    prefix = [];
    constructor(counts) {
        const sorted = [...counts.entries()].sort((a, b) => a[0] - b[0]);
        let total = 0;
        for (const [cell, n] of sorted) {
            total += n;
            this.cells.push(cell);
            this.prefix.push(total);
        }
    }
    upTo(k) {
        // Last cell index <= k, by binary search.
        let lo = 0;
        let hi = this.cells.length - 1;
        let found = -1;
        while (lo <= hi) {
            const mid = (lo + hi) >> 1;
            if ((this.cells[mid] ?? Infinity) <= k) {
                found = mid;
                lo = mid + 1;
            }
            else
                hi = mid - 1;
        }
        return found < 0 ? 0 : (this.prefix[found] ?? 0);
    }
}
/**
 * result[i][j] for levels × windows, given per-level cell counts and a function
 * from a window edge to its cell index (cells (edge(k-1), edge(k)] ⇒ window = upTo(idx(to)) - upTo(idx(from))).
 */
function windowCounts(levelCells, windows, edgeIndex) {
    return levelCells.map((cells) => {
        const sums = new SparseCells(cells);
        return windows.map((w) => (w.toMs <= w.fromMs ? 0 : sums.upTo(edgeIndex(w.toMs)) - sums.upTo(edgeIndex(w.fromMs))));
    });
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


/***/ }),

/***/ 79:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ levelLookup)
/* harmony export */ });
/* harmony import */ var _model_levels_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6934);

function levelLookup(levels, levelMap) {
    const wanted = (level) => (level === undefined ? [] : levels.flatMap((l, i) => (l === level ? [i] : [])));
    if (levelMap) {
        const values = Object.keys(levelMap).filter((k) => levels.includes(levelMap[k]));
        return { storeValues: values, indexesOf: (v) => wanted(levelMap[v]) };
    }
    return {
        storeValues: undefined,
        indexesOf: (v) => {
            const lower = v.toLowerCase();
            return wanted(_model_levels_js__WEBPACK_IMPORTED_MODULE_0__/* .LEVELS */ .A_.includes(lower) ? lower : undefined);
        },
    };
}


/***/ }),

/***/ 2182:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EW: () => (/* binding */ pgIdent),
/* harmony export */   HQ: () => (/* binding */ chString),
/* harmony export */   Ke: () => (/* binding */ chFloat),
/* harmony export */   TC: () => (/* binding */ checkIdent),
/* harmony export */   Vq: () => (/* binding */ splitTable),
/* harmony export */   nB: () => (/* binding */ intLiteral),
/* harmony export */   wV: () => (/* binding */ chIdent)
/* harmony export */ });
/**
 * SQL safety for the store adapters. Identifiers come from the rule file and are
 * validated again here (defence in depth: the schema already checks them) before
 * being quoted; nothing else user-supplied is ever put into SQL text.
 */
const IDENT = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
/** Throws when `name` is not a plain identifier; returns it unchanged otherwise. */
function checkIdent(name, what) {
    if (!IDENT.test(name))
        throw new Error(`${what} ${JSON.stringify(name)} is not a plain SQL identifier ([A-Za-z_][A-Za-z0-9_]*)`);
    return name;
}
/** Splits `schema.table` / `table` and validates each part. */
function splitTable(table) {
    const parts = table.split('.');
    if (parts.length === 1)
        return { name: checkIdent(parts[0] ?? '', 'table') };
    if (parts.length === 2)
        return { schema: checkIdent(parts[0] ?? '', 'schema'), name: checkIdent(parts[1] ?? '', 'table') };
    throw new Error(`table ${JSON.stringify(table)} must be table or schema.table`);
}
/** PostgreSQL: double quotes (a validated identifier has none to escape). */
function pgIdent(name, what = 'identifier') {
    return `"${checkIdent(name, what)}"`;
}
/** ClickHouse: back quotes (a validated identifier has none to escape). */
function chIdent(name, what = 'identifier') {
    return `\`${checkIdent(name, what)}\``;
}
/** An integer that is safe to write into SQL text as a literal. */
function intLiteral(n, what) {
    if (!Number.isSafeInteger(n))
        throw new Error(`${what} must be an integer, got ${String(n)}`);
    return String(n);
}
/**
 * ClickHouse has no query parameters on 18.16 (Debian's; `{name:Type}` arrived in 19.x), so a value
 * from a rule file (a filter's string, a pattern, a JSON key) is written as a string literal: every
 * backslash and quote escaped, every control character and DEL as \xHH, everything else (UTF-8)
 * as is. The result cannot end the literal early: test/stores/literals.test.ts round-trips hostile
 * strings through the server.
 */
function chString(value) {
    let out = "'";
    for (const ch of value) {
        const code = ch.codePointAt(0);
        if (ch === '\\')
            out += '\\\\';
        else if (ch === "'")
            out += "\\'";
        else if (code < 0x20 || code === 0x7f)
            out += `\\x${code.toString(16).padStart(2, '0')}`;
        else if (code >= 0xd800 && code <= 0xdfff)
            throw new Error('a lone surrogate cannot be written as UTF-8');
        else
            out += ch;
    }
    return `${out}'`;
}
/**
 * A finite number as a ClickHouse Float64 that is exactly the same double: its IEEE-754 bits as an
 * integer, reinterpreted (18.16's float parser is not correctly rounded — toFloat64('2.897') is
 * 2.8970000000000002 — so a decimal literal would not do).
 */
function chFloat(n, what) {
    if (!Number.isFinite(n))
        throw new Error(`${what} must be a finite number, got ${String(n)}`);
    const bits = Buffer.alloc(8);
    bits.writeDoubleLE(n);
    return `reinterpretAsFloat64(reinterpretAsString(toUInt64(${bits.readBigUInt64LE(0).toString()})))`;
}


/***/ })

};
