export const id = 183;
export const ids = [183];
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

/***/ 2460:
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

/***/ 8183:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   countPostgres: () => (/* binding */ countPostgres)
/* harmony export */ });
/* harmony import */ var pg__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3849);
/* harmony import */ var _sql_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2182);
/* harmony import */ var _buckets_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8381);
/* harmony import */ var _level_map_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2460);




/**
 * One query for all levels × windows: rows in (first edge, last edge] are grouped
 * by level and by the edge cell they fall in (width_bucket over the negated edges
 * gives the exclusive-start / inclusive-end cells exactly, even for microsecond
 * timestamps); the time range predicate uses the index on the timestamp column.
 */
async function countPostgres(source, url, query) {
    const { levels, windows } = query;
    const edges = (0,_buckets_js__WEBPACK_IMPORTED_MODULE_2__/* .windowEdges */ .$h)(windows);
    const first = edges[0];
    const last = edges[edges.length - 1];
    if (levels.length === 0 || first === undefined || last === undefined)
        return levels.map(() => windows.map(() => 0));
    const { schema, name } = (0,_sql_js__WEBPACK_IMPORTED_MODULE_3__/* .splitTable */ .Vq)(source.table);
    const table = schema ? `${(0,_sql_js__WEBPACK_IMPORTED_MODULE_3__/* .pgIdent */ .EW)(schema, 'schema')}.${(0,_sql_js__WEBPACK_IMPORTED_MODULE_3__/* .pgIdent */ .EW)(name, 'table')}` : (0,_sql_js__WEBPACK_IMPORTED_MODULE_3__/* .pgIdent */ .EW)(name, 'table');
    const ts = (0,_sql_js__WEBPACK_IMPORTED_MODULE_3__/* .pgIdent */ .EW)(source.timestamp_column, 'timestamp_column');
    const lv = (0,_sql_js__WEBPACK_IMPORTED_MODULE_3__/* .pgIdent */ .EW)(source.level_column, 'level_column');
    const lookup = (0,_level_map_js__WEBPACK_IMPORTED_MODULE_1__/* .levelLookup */ .J)(levels, source.level_map);
    const levelText = lookup.storeValues ? `${lv}::text` : `lower(${lv}::text)`;
    const wantedValues = lookup.storeValues ?? levels;
    // width_bucket(-x, [-e_n … -e_0]) = number of edges >= x = n + 1 - k for x in (e_{k-1}, e_k].
    const negEdges = edges.map((e) => String(-e)).reverse();
    const sql = `SELECT ${levelText} AS level, width_bucket(-(extract(epoch FROM ${ts}) * 1000), $1::numeric[]) AS bucket, count(*) AS n ` +
        `FROM ${table} ` +
        `WHERE ${ts} > timestamptz 'epoch' + $2::bigint * interval '1 millisecond' ` +
        `AND ${ts} <= timestamptz 'epoch' + $3::bigint * interval '1 millisecond' ` +
        `AND ${levelText} = ANY($4::text[]) GROUP BY 1, 2`;
    const timeoutMs = Math.round(source.timeout_seconds * 1000);
    const client = new pg__WEBPACK_IMPORTED_MODULE_0__/* ["default"].Client */ .Ay.Client({
        connectionString: url,
        connectionTimeoutMillis: timeoutMs,
        statement_timeout: timeoutMs,
        query_timeout: timeoutMs + 2000,
        application_name: 'apialerts-evaluate',
    });
    // A dropped connection emits 'error' on the client; the failed query reports it.
    client.on('error', () => { });
    await client.connect();
    try {
        const result = await client.query(sql, [
            negEdges,
            Math.floor(first),
            Math.ceil(last),
            wantedValues,
        ]);
        const n = edges.length - 1;
        const cells = levels.map(() => new Map());
        for (const row of result.rows) {
            const k = n + 1 - Number(row.bucket);
            for (const i of lookup.indexesOf(row.level)) {
                const m = cells[i];
                if (m)
                    m.set(k, (m.get(k) ?? 0) + Number(row.n));
            }
        }
        const edgeIndex = new Map(edges.map((e, k) => [e, k]));
        return (0,_buckets_js__WEBPACK_IMPORTED_MODULE_2__/* .windowCounts */ .Hb)(cells, windows, (e) => edgeIndex.get(e) ?? 0);
    }
    finally {
        await client.end().catch(() => { });
    }
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
