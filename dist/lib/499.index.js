export const id = 499;
export const ids = [499];
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

/***/ 2571:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cg: () => (/* binding */ scalarString),
/* harmony export */   LS: () => (/* binding */ booleansWhere),
/* harmony export */   Lb: () => (/* binding */ byCost),
/* harmony export */   U: () => (/* binding */ keyForm),
/* harmony export */   YK: () => (/* binding */ planQuery),
/* harmony export */   bg: () => (/* binding */ FieldError),
/* harmony export */   fT: () => (/* binding */ assemble),
/* harmony export */   uA: () => (/* binding */ canonicalNumber)
/* harmony export */ });
/* harmony import */ var _model_aggregate_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7450);
/* harmony import */ var _model_window_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5197);
/* harmony import */ var _buckets_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8381);
/* harmony import */ var _sql_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2182);




/** Errors about a source's fields; the caller adds the source's name. */
class FieldError extends Error {
}
function resolveField(source, field) {
    if (field === 'message') {
        if (source.message_column)
            return { field, kind: 'column', column: (0,_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .checkIdent */ .TC)(source.message_column, 'message_column'), path: [] };
        throw new FieldError('field "message": set message_column on the source to the column holding the message');
    }
    if (source.columns?.includes(field))
        return { field, kind: 'column', column: (0,_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .checkIdent */ .TC)(field, 'column'), path: [] };
    if (source.fields_column) {
        if (field.split('.').some((p) => p === ''))
            throw new FieldError(`field "${field}": empty path segment`);
        return { field, kind: 'json', column: (0,_sql_js__WEBPACK_IMPORTED_MODULE_1__/* .checkIdent */ .TC)(source.fields_column, 'fields_column'), path: field.split('.') };
    }
    const cols = source.columns?.length ? `columns (${source.columns.join(', ')})` : 'columns (none listed)';
    throw new FieldError(`field "${field}" is not one of the source's ${cols} and the source has no fields_column; list the column under columns, or set fields_column to a JSON column holding the entry's fields`);
}
const fieldKey = (f) => `${f.kind}:${f.column}:${f.field}`;
function planQuery(source, query) {
    const fields = [];
    const byKey = new Map();
    const fieldIndex = (name) => {
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
    const levels = new Set();
    const series = query.series.map((spec, index) => {
        for (const l of spec.selection.levels)
            levels.add(l);
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
function byCost(where) {
    const cost = (f) => (f.op === 'matches' ? 3 : f.op === 'contains' ? 2 : f.op === 'exists' ? 0 : 1);
    return where
        .map((w, i) => ({ w, i }))
        .sort((a, b) => cost(a.w.filter) - cost(b.w.filter) || a.i - b.i)
        .map((x) => x.w);
}
/** The canonical JavaScript string form of a number-looking string, when it is one (else undefined). */
function canonicalNumber(s) {
    if (s === '' || s.trim() !== s)
        return undefined;
    const x = Number(s);
    return Number.isFinite(x) && JSON.stringify(x) === s ? x : undefined;
}
/** The string form of a filter's value (series.ts). */
const scalarString = (v) => typeof v === 'string' ? v : typeof v === 'number' ? JSON.stringify(v) : v ? 'true' : 'false';
/** For string filters: which boolean string forms satisfy `test`. */
const booleansWhere = (test) => ['true', 'false'].filter(test);
/**
 * Assembles the answer. `cellOf(edge)` is the index of the cell that ends at a window edge, so a
 * window (from, to] is the cells k with cellOf(from) < k <= cellOf(to). `simpleRows` carry per cell
 * the counts of the simple series, in plan order.
 */
function assemble(plan, windows, cellOf, simpleRows, generalRows, groupLimit) {
    const simple = plan.series.filter((s) => s.simple);
    const simplePos = new Map(simple.map((s, i) => [s.index, i]));
    const ranges = windows.map((w) => (w.toMs <= w.fromMs ? undefined : [cellOf(w.fromMs), cellOf(w.toMs)]));
    const perSeries = plan.series.map(() => new Map());
    for (const row of generalRows) {
        const groups = perSeries[row.s];
        const ps = plan.series[row.s];
        if (!groups || !ps)
            continue;
        const gk = JSON.stringify(row.key);
        let g = groups.get(gk);
        if (!g)
            groups.set(gk, (g = { key: row.key, cells: new Map() }));
        let p = g.cells.get(row.cell);
        if (!p)
            g.cells.set(row.cell, (p = { n: 0, nv: 0, min: Infinity, max: -Infinity, lts: -Infinity, lv: -Infinity }));
        p.n += row.n;
        p.nv += row.nv;
        if (row.nv > 0) {
            if (row.vmin !== null && row.vmin < p.min)
                p.min = row.vmin;
            if (row.vmax !== null && row.vmax > p.max)
                p.max = row.vmax;
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
    return plan.series.map((ps) => {
        if (ps.simple) {
            const i = simplePos.get(ps.index);
            const cells = new Map();
            for (const r of simpleRows) {
                const n = r.counts[i] ?? 0;
                if (n > 0)
                    cells.set(r.cell, (cells.get(r.cell) ?? 0) + n);
            }
            const sums = new _buckets_js__WEBPACK_IMPORTED_MODULE_2__/* .SparseCells */ .uB(cells);
            return { groups: [{ key: [], counts: ranges.map((r) => (r ? sums.upTo(r[1]) - sums.upTo(r[0]) : 0)) }], truncatedGroups: 0 };
        }
        const groups = [];
        const found = perSeries[ps.index];
        if (ps.groupBy.length === 0 && found.size === 0)
            found.set('[]', { key: [], cells: new Map() });
        for (const g of found.values()) {
            const out = groupCounts(g, ranges, ps.value?.aggregate);
            if (ps.groupBy.length > 0 && !out.counts.some((n) => n > 0))
                continue;
            groups.push(out);
        }
        if (groups.length <= groupLimit)
            return { groups, truncatedGroups: 0 };
        // Keep the groups with the most entries (ties by key), report the rest as truncated.
        const total = (g) => g.counts.reduce((a, b) => a + b, 0);
        groups.sort((a, b) => total(b) - total(a) || (JSON.stringify(a.key) < JSON.stringify(b.key) ? -1 : 1));
        return { groups: groups.slice(0, groupLimit), truncatedGroups: groups.length - groupLimit };
    });
}
function groupCounts(g, ranges, agg) {
    const cellIds = [...g.cells.keys()].sort((a, b) => a - b);
    const counts = new Map(cellIds.map((c) => [c, g.cells.get(c).n]));
    const sums = new _buckets_js__WEBPACK_IMPORTED_MODULE_2__/* .SparseCells */ .uB(counts);
    const out = { key: g.key, counts: ranges.map((r) => (r ? sums.upTo(r[1]) - sums.upTo(r[0]) : 0)) };
    if (agg === undefined)
        return out;
    let skipped = 0;
    for (const p of g.cells.values())
        skipped += p.n - p.nv;
    out.skippedValues = skipped;
    out.values = ranges.map((r) => {
        if (!r)
            return null;
        const inWindow = [];
        for (let i = (0,_model_window_js__WEBPACK_IMPORTED_MODULE_3__/* .upperBound */ .rn)(cellIds, r[0]); i < cellIds.length && cellIds[i] <= r[1]; i++) {
            const p = g.cells.get(cellIds[i]);
            if (p.nv > 0)
                inWindow.push(p);
        }
        return windowValue(agg, inWindow);
    });
    return out;
}
/** The aggregate over the window's cells (src/model/aggregate.ts defines each one). */
function windowValue(agg, parts) {
    if (parts.length === 0)
        return null;
    switch (agg) {
        case 'max':
            return Math.max(...parts.map((p) => p.max)) + 0;
        case 'min':
            return Math.min(...parts.map((p) => p.min)) + 0;
        case 'last': {
            let best = parts[0];
            for (const p of parts)
                if (p.lts > best.lts || (p.lts === best.lts && p.lv > best.lv))
                    best = p;
            return (0,_model_aggregate_js__WEBPACK_IMPORTED_MODULE_0__/* .aggregate */ .QD)('last', [best.lv], [best.lts]);
        }
        default: {
            const hist = new Map();
            for (const p of parts)
                for (const [v, c] of p.hist ?? [])
                    hist.set(v, (hist.get(v) ?? 0) + c);
            return histogramValue(agg, hist);
        }
    }
}
/** sum / avg / percentiles of a histogram (value → entries), by the definitions of src/model/aggregate.ts. */
function histogramValue(agg, hist) {
    const values = [...hist.keys()].sort((a, b) => a - b);
    let n = 0;
    for (const c of hist.values())
        n += c;
    if (n === 0)
        return null;
    const p = _model_aggregate_js__WEBPACK_IMPORTED_MODULE_0__/* .PERCENTILES */ .fy[agg];
    if (p !== undefined) {
        const rank = (0,_model_aggregate_js__WEBPACK_IMPORTED_MODULE_0__/* .percentileRank */ .Wu)(p, n);
        let seen = 0;
        for (const v of values) {
            seen += hist.get(v);
            if (seen >= rank)
                return v + 0;
        }
        return values[values.length - 1] + 0;
    }
    const expanded = new Float64Array(n);
    let i = 0;
    for (const v of values)
        for (let c = hist.get(v); c > 0; c--)
            expanded[i++] = v;
    if (agg === 'sum')
        return (0,_model_aggregate_js__WEBPACK_IMPORTED_MODULE_0__/* .exactSum */ .dZ)(expanded) + 0;
    if (agg === 'avg')
        return (0,_model_aggregate_js__WEBPACK_IMPORTED_MODULE_0__/* .exactSum */ .dZ)(expanded) / n + 0;
    return (0,_model_aggregate_js__WEBPACK_IMPORTED_MODULE_0__/* .aggregate */ .QD)(agg, expanded);
}
/** A JSON group-key element as its string form (series.ts): strings, numbers as JSON writes them, booleans; else null. */
function keyForm(v) {
    if (typeof v === 'string')
        return v;
    if (typeof v === 'number')
        return Number.isFinite(v) ? JSON.stringify(v) : null;
    if (typeof v === 'boolean')
        return v ? 'true' : 'false';
    return null;
}


/***/ }),

/***/ 1689:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ storeRegex)
/* harmony export */ });
/* unused harmony export translateRegex */
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2571);

/**
 * `matches` patterns for the stores. A rule's pattern is a JavaScript regular expression (no flags)
 * from the portable subset (src/model/filter.ts regexProblem). PostgreSQL's ARE and ClickHouse's re2
 * read most of it the same way, but not all:
 *
 * - `.`: JavaScript excludes the line terminators \n \r U+2028 U+2029; ClickHouse's match() lets it
 *   match anything, PostgreSQL lets it match \n. → written as the class [^\n\r\u2028\u2029].
 * - \d \w \s: ASCII digits and word characters and JavaScript's whitespace list in JavaScript; in
 *   PostgreSQL locale classes (Unicode digits/letters). → written as explicit classes.
 * - \xhh, \uhhhh: PostgreSQL reads \x greedily (\x41B is one character). → written as the character.
 * - \b \B (word boundaries): PostgreSQL's \b is a backspace and its \y uses Unicode letters; there is
 *   no exact translation, so a pattern with a word boundary is refused for store sources (use a class,
 *   e.g. (^|[^A-Za-z0-9_])word([^A-Za-z0-9_]|$)).
 * - \D \W \S inside a bracket class have no exact class form → refused.
 *
 * Known remaining difference, documented in docs/stores.md: without the `u` flag JavaScript counts a
 * character outside the Basic Multilingual Plane (an emoji) as two, the stores as one, so `.` or a
 * negated class matched against such a character can differ.
 */
const JS_SPACE = ' \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
const DIGIT = '0-9';
const WORD = 'A-Za-z0-9_';
const NOT_LINE = '\n\r\u2028\u2029';
/** A filter's pattern for the store; a pattern without an exact form is an error naming the field. */
function storeRegex(filter, dialect) {
    const pattern = String(filter.value);
    try {
        return translateRegex(pattern, dialect);
    }
    catch (err) {
        throw new _plan_js__WEBPACK_IMPORTED_MODULE_0__/* .FieldError */ .bg(`field "${filter.field}": pattern ${JSON.stringify(pattern)}: ${err.message}`);
    }
}
/** A character as it must appear in a pattern: escaped when it is syntax. */
function literal(c, inClass) {
    if (inClass)
        return /[\\\]^-]/.test(c) ? `\\${c}` : c;
    return /[\\^$.|?*+()[\]{}]/.test(c) ? `\\${c}` : c;
}
/** A class body for `\s` (JavaScript's whitespace), with every character written literally. */
function spaceBody() {
    return [...JS_SPACE].map((c) => literal(c, true)).join('');
}
/** The pattern rewritten for the store; throws an Error saying why when it has no exact form. */
function translateRegex(pattern, _dialect) {
    let out = '';
    let inClass = false;
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === '\\') {
            const n = pattern[i + 1];
            if (n === undefined)
                throw new Error('pattern ends with a lone backslash');
            i++;
            switch (n) {
                case 'd':
                    out += inClass ? DIGIT : `[${DIGIT}]`;
                    continue;
                case 'w':
                    out += inClass ? WORD : `[${WORD}]`;
                    continue;
                case 's':
                    out += inClass ? spaceBody() : `[${spaceBody()}]`;
                    continue;
                case 'D':
                case 'W':
                case 'S': {
                    if (inClass)
                        throw new Error(`\\${n} inside a bracket class has no exact form in the store; write the class out`);
                    const body = n === 'D' ? DIGIT : n === 'W' ? WORD : spaceBody();
                    out += `[^${body}]`;
                    continue;
                }
                case 'b':
                case 'B':
                    if (inClass) {
                        // [\b] is a backspace in JavaScript.
                        out += literal('\b', true);
                        continue;
                    }
                    throw new Error(`word boundaries (\\${n}) are not supported by store sources; use e.g. (^|[^A-Za-z0-9_])word([^A-Za-z0-9_]|$)`);
                case 'n':
                    out += literal('\n', inClass);
                    continue;
                case 'r':
                    out += literal('\r', inClass);
                    continue;
                case 't':
                    out += literal('\t', inClass);
                    continue;
                case 'f':
                    out += literal('\f', inClass);
                    continue;
                case 'v':
                    out += literal('\v', inClass);
                    continue;
                case '0':
                    if (/[0-9]/.test(pattern[i + 1] ?? ''))
                        throw new Error('octal escapes are not supported');
                    out += literal('\0', inClass);
                    continue;
                case 'x': {
                    const hex = pattern.slice(i + 1, i + 3);
                    if (!/^[0-9A-Fa-f]{2}$/.test(hex)) {
                        out += literal('x', inClass);
                        continue;
                    }
                    out += literal(String.fromCharCode(parseInt(hex, 16)), inClass);
                    i += 2;
                    continue;
                }
                case 'u': {
                    const hex = pattern.slice(i + 1, i + 5);
                    if (!/^[0-9A-Fa-f]{4}$/.test(hex)) {
                        out += literal('u', inClass);
                        continue;
                    }
                    const code = parseInt(hex, 16);
                    if (code >= 0xd800 && code <= 0xdfff)
                        throw new Error('surrogate escapes (\\uD800–\\uDFFF) are not supported by store sources');
                    out += literal(String.fromCharCode(code), inClass);
                    i += 4;
                    continue;
                }
                case 'c':
                    throw new Error('control escapes (\\cX) are not supported by store sources');
                default:
                    // Any other escaped character stands for itself.
                    if (/[A-Za-z0-9]/.test(n))
                        throw new Error(`the escape \\${n} is not supported by store sources`);
                    out += literal(n, inClass);
                    continue;
            }
        }
        if (inClass) {
            if (c === ']') {
                inClass = false;
                out += c;
            }
            else if (c === '[')
                out += '\\[';
            else
                out += c;
            continue;
        }
        if (c === '[') {
            inClass = true;
            out += c;
            if (pattern[i + 1] === '^') {
                out += '^';
                i++;
            }
            // JavaScript: [] matches nothing and [^] anything; a ] right after [ or [^ closes the class.
            if (pattern[i + 1] === ']') {
                throw new Error('empty bracket classes ([] or [^]) are not supported by store sources');
            }
            continue;
        }
        if (c === '.') {
            out += `[^${NOT_LINE}]`;
            continue;
        }
        out += c;
    }
    return out;
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
