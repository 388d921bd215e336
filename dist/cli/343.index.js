export const id = 343;
export const ids = [343];
export const modules = {

/***/ 5118:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _: () => (/* binding */ evaluateTicks)
});

;// CONCATENATED MODULE: ./src/evaluate/decide.ts
/**
 * The seed's rule, applied tick by tick so catch-up never double-fires: at tick t the rule fires when
 * count >= threshold, unless it fired less than window_minutes before t. Disabled rules never fire.
 * `counts[i]` is the count in (ticks[i] − window, ticks[i]].
 */
function decideRule(rule, ticks, counts, lastTriggeredMs) {
    const fires = [];
    let last = lastTriggeredMs;
    if (!rule.enabled)
        return { fires, lastTriggeredMs: last };
    const windowMs = rule.window_minutes * 60_000;
    ticks.forEach((t, i) => {
        const count = counts[i] ?? 0;
        if (count < rule.threshold)
            return;
        if (last !== null && t - last < windowMs)
            return;
        fires.push({ tickMs: t, match_count: count });
        last = t;
    });
    return { fires, lastTriggeredMs: last };
}

// EXTERNAL MODULE: ./src/model/time.ts
var time = __webpack_require__(816);
// EXTERNAL MODULE: ./src/model/window.ts
var model_window = __webpack_require__(5197);
;// CONCATENATED MODULE: ./src/evaluate/count-and-decide.ts



/**
 * Counts every enabled rule's window at every tick and applies the seed's decision rule, tick by tick.
 * One count call per distinct set of sources the rules name (usually one), asking for all
 * (level, window) pairs at once so each source is read a single time. Shared by evaluate and backtest.
 */
async function evaluateTicks(rules, ticks, provider, lastTriggered, opts = {}) {
    const enabled = rules.filter((r) => r.enabled);
    const groups = new Map();
    for (const rule of enabled) {
        const key = opts.ignoreRuleSources || !rule.sources ? '' : [...new Set(rule.sources)].sort().join('\n');
        groups.set(key, [...(groups.get(key) ?? []), rule]);
    }
    const countsByRule = new Map();
    const stats = new Map();
    for (const [key, group] of groups) {
        const levels = [...new Set(group.map((r) => r.level))];
        const windows = [];
        const windowIndex = new Map();
        const indexOf = (w) => {
            const k = `${w.fromMs}:${w.toMs}`;
            let i = windowIndex.get(k);
            if (i === undefined) {
                i = windows.push(w) - 1;
                windowIndex.set(k, i);
            }
            return i;
        };
        const plan = group.map((r) => ticks.map((t) => indexOf((0,model_window/* windowAt */.M)(t, r.window_minutes))));
        if (ticks.length === 0) {
            group.forEach((r) => countsByRule.set(r.id, []));
            continue;
        }
        const result = await provider.count({ levels, windows, sources: key === '' ? undefined : key.split('\n') });
        for (const s of result.stats)
            if (!stats.has(s.source))
                stats.set(s.source, s);
        group.forEach((r, g) => {
            const row = result.counts[levels.indexOf(r.level)];
            countsByRule.set(r.id, plan[g].map((j) => row[j]));
        });
    }
    const decisions = [];
    const last = new Map();
    const reports = rules.map((rule) => {
        const counts = countsByRule.get(rule.id) ?? [];
        const decided = decideRule(rule, ticks, counts, lastTriggered(rule.id));
        last.set(rule.id, decided.lastTriggeredMs);
        const fired = decided.fires.map((f) => {
            const triggered_at = (0,time/* isoSeconds */.n)(f.tickMs);
            decisions.push({ rule, triggered_at, match_count: f.match_count });
            return triggered_at;
        });
        return {
            id: rule.id,
            name: rule.name,
            level: rule.level,
            threshold: rule.threshold,
            window_minutes: rule.window_minutes,
            enabled: rule.enabled,
            counts,
            fired,
        };
    });
    // Oldest tick first, then in rule-file order: the order receivers hear about them.
    decisions.sort((a, b) => a.triggered_at.localeCompare(b.triggered_at));
    return { rules: reports, decisions, lastTriggered: last, stats: [...stats.values()] };
}


/***/ }),

/***/ 8061:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ sourcesFromArgs)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17);


/**
 * Sources given on the command line (`--logs`) or as an action input: `-` is stdin, http(s) URLs are
 * streamed, anything else is a path or glob relative to the working directory. They replace the
 * file's sources, so rules' `sources:` restrictions do not apply to them.
 */
function sourcesFromArgs(logs, cwd = process.cwd()) {
    const items = logs.flatMap((l) => l.split(/[\n,]/)).map((l) => l.trim()).filter(Boolean);
    if (items.length === 0)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y('--logs was given but names no source', { exitCode: 2 });
    if (items.filter((l) => l === '-').length > 1)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y('stdin (-) can be given only once in --logs', { exitCode: 2 });
    return items.map((item, i) => {
        const name = `logs-${i + 1}`;
        if (item === '-')
            return { name, kind: 'stdin' };
        if (/^https?:\/\//i.test(item)) {
            try {
                new URL(item);
            }
            catch {
                throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`--logs: not a valid URL: ${item}`, { exitCode: 2 });
            }
            return { name, kind: 'url', url: item };
        }
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(item))
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .y(`--logs: unsupported scheme in ${item} (use a path, - or an http(s) URL)`, { exitCode: 2 });
        return { name, kind: 'file', path: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(cwd, item) };
    });
}


/***/ }),

/***/ 1622:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  P: () => (/* binding */ createCountProvider)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/model/window.ts
var model_window = __webpack_require__(5197);
;// CONCATENATED MODULE: ./src/logs/file-counts.ts

/** counts[i][j]: entries at levels[i] in windows[j], summed over every source's timestamps. */
function countWindows(perSource, levels, windows) {
    return levels.map((level) => {
        const sorted = Float64Array.from(perSource.flatMap((m) => m.get(level) ?? [])).sort();
        return windows.map((w) => (0,model_window/* countInWindow */.x)(sorted, w));
    });
}

// EXTERNAL MODULE: ./src/logs/log-file.ts
var log_file = __webpack_require__(8960);
// EXTERNAL MODULE: ./src/logs/scan/block-scanner.ts + 1 modules
var block_scanner = __webpack_require__(7684);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/logs/formats.ts
var formats = __webpack_require__(5591);
;// CONCATENATED MODULE: ./src/logs/scan/order.ts


const PROBE_BYTES = 64 * 1024;
const PROBE_BUDGET = log_file/* MAX_LINE_BYTES */.O * 2 + PROBE_BYTES;
const SPREAD_PROBES = 32;
/** The binary search stops when the start point is known to within this many bytes. */
const CLOSE_ENOUGH = 256 * 1024;
/** The first readable line starting after `offset` (at it, when offset is 0), or null within the budget. */
async function probeAt(fh, size, offset) {
    let pos = offset;
    let lineStart = offset === 0 ? 0 : -1; // -1: still looking for the first line start
    let carry = Buffer.alloc(0);
    const buf = Buffer.allocUnsafe(PROBE_BYTES);
    while (pos < size && pos - offset < PROBE_BUDGET) {
        const { bytesRead } = await fh.read(buf, 0, Math.min(PROBE_BYTES, size - pos), pos);
        if (bytesRead === 0)
            break;
        const data = carry.length > 0 ? Buffer.concat([carry, buf.subarray(0, bytesRead)]) : buf.subarray(0, bytesRead);
        const dataStart = pos - carry.length;
        pos += bytesRead;
        let i = 0;
        if (lineStart === -1) {
            const nl = data.indexOf(10);
            if (nl === -1) {
                carry = Buffer.alloc(0);
                continue;
            }
            i = nl + 1;
            lineStart = dataStart + i;
        }
        else
            i = lineStart - dataStart;
        for (let nl = data.indexOf(10, i); nl !== -1; nl = data.indexOf(10, i)) {
            if (nl - i <= log_file/* MAX_LINE_BYTES */.O) {
                const rec = (0,formats/* parseLine */.A)(data.toString('utf8', i, nl));
                if (rec)
                    return { start: dataStart + i, ts: rec.ts };
            }
            i = nl + 1;
            lineStart = dataStart + i;
        }
        carry = Buffer.from(data.subarray(i));
        if (pos >= size && carry.length > 0 && carry.length <= log_file/* MAX_LINE_BYTES */.O) {
            const rec = (0,formats/* parseLine */.A)(carry.toString('utf8'));
            if (rec)
                return { start: lineStart, ts: rec.ts };
        }
    }
    return null;
}
/**
 * Where a read for entries after `fromMs` can start, or null when the probes show the file is not
 * ordered within `slackMs` (or cannot tell), in which case the caller scans it whole.
 */
async function findStart(fh, size, fromMs, slackMs, closeEnough = CLOSE_ENOUGH) {
    const target = fromMs - slackMs;
    const probes = new Map();
    const probe = async (offset) => {
        const p = await probeAt(fh, size, offset);
        if (p)
            probes.set(p.start, p);
        return p;
    };
    for (let k = 0; k < SPREAD_PROBES; k++)
        await probe(Math.floor((size * k) / SPREAD_PROBES));
    if (probes.size === 0 || !isOrdered([...probes.values()], slackMs))
        return null;
    let lo = 0;
    let hi = size;
    for (const p of probes.values())
        if (p.ts <= target && p.start > lo)
            lo = p.start;
    for (let k = 0; k < SPREAD_PROBES; k++) {
        const off = Math.floor((size * k) / SPREAD_PROBES);
        const p = [...probes.values()].find((q) => q.start >= off);
        if (off > lo && p && p.ts > target)
            hi = Math.min(hi, off);
    }
    for (let steps = 0; hi - lo > closeEnough && steps < 64; steps++) {
        const mid = lo + Math.floor((hi - lo) / 2);
        const p = await probe(mid);
        if (p && p.start < hi && p.ts <= target)
            lo = p.start;
        else
            hi = mid;
    }
    const all = [...probes.values()];
    if (!isOrdered(all, slackMs))
        return null;
    let maxTsBefore = -Infinity;
    for (const p of all)
        if (p.start <= lo)
            maxTsBefore = Math.max(maxTsBefore, p.ts);
    return { offset: lo, maxTsBefore };
}
/** The probes, in file order, obey the rule above. */
function isOrdered(probes, slackMs) {
    let max = -Infinity;
    for (const p of [...probes].sort((a, b) => a.start - b.start)) {
        if (p.ts < max - slackMs)
            return false;
        max = Math.max(max, p.ts);
    }
    return true;
}

// EXTERNAL MODULE: ./src/logs/scan/parallel.ts + 1 modules
var parallel = __webpack_require__(505);
// EXTERNAL MODULE: ./src/logs/scan/range.ts
var range = __webpack_require__(5580);
;// CONCATENATED MODULE: ./src/logs/scan/scan-source.ts







const DEFAULT_SEEK_MIN_BYTES = 8 << 20;
const DEFAULT_CHECK_EVERY_LINE_BELOW_BYTES = 16 << 20;
const DEFAULT_SLACK_MS = 60_000;
const DEFAULT_PARALLEL_MIN_BYTES = 64 << 20;
/** Any stream (stdin, a URL, a .gz file): every line passes through the prefilter. */
async function scanStream(input, spec, onBytes, scanner = new block_scanner/* BlockScanner */.MZ(spec)) {
    for await (const raw of input) {
        const chunk = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
        onBytes?.(chunk.length);
        scanner.feed(chunk);
    }
    return scanner.end();
}
/**
 * A file. Small files (below checkEveryLineBelowBytes) have every line parsed, so their stats are
 * exact; .gz files are streamed. A plain file of at least seekMinBytes is probed for time order
 * (order.ts); when ordered, only the part from the first possible window entry is read, checking on
 * the way that the parsed lines keep the order — if they do not, the skipped head is read too, so
 * the result is then exactly a full scan's. Full scans of large files run on worker threads.
 */
async function scanFile(path, wanted, opts = {}) {
    const seekMin = opts.seekMinBytes ?? DEFAULT_SEEK_MIN_BYTES;
    const slackMs = opts.slackMs ?? DEFAULT_SLACK_MS;
    const gz = path.endsWith('.gz');
    const size = (await (0,promises_.stat)(path)).size;
    const small = (gz ? size * 8 : size) < (opts.checkEveryLineBelowBytes ?? DEFAULT_CHECK_EVERY_LINE_BELOW_BYTES);
    const spec = small ? { ...wanted, checkEveryLine: true } : wanted;
    if (gz)
        return { result: await scanStream((0,log_file/* openFile */.T)(path), spec, opts.onBytes), skippedBytes: 0 };
    let start = null;
    if (size >= seekMin && Number.isFinite(spec.fromMs)) {
        const fh = await (0,promises_.open)(path, 'r');
        try {
            start = await findStart(fh, size, spec.fromMs, slackMs, opts.seekPrecisionBytes);
        }
        finally {
            await fh.close();
        }
    }
    if (!start || start.offset === 0)
        return { result: await scanWhole(path, 0, size, spec, opts), skippedBytes: 0 };
    const tail = await (0,range/* scanRange */.x)(path, start.offset, size, spec, opts.onBytes, new block_scanner/* BlockScanner */.MZ(spec, slackMs, start.maxTsBefore));
    if (!tail.disordered)
        return { result: tail, skippedBytes: start.offset };
    // The order broke after the start point, so the head cannot be trusted either: read it too.
    const head = await scanWhole(path, 0, start.offset, spec, opts);
    return { result: (0,block_scanner/* mergeResults */.n0)(head, tail), skippedBytes: 0 };
}
/** [start, end) in full, on worker threads when it is large enough to pay for them. */
async function scanWhole(path, start, end, spec, opts) {
    const threads = opts.threads ?? Math.min(2, (0,external_node_os_.availableParallelism)());
    if (threads > 1 && end - start >= (opts.parallelMinBytes ?? DEFAULT_PARALLEL_MIN_BYTES) && (0,parallel/* canUseWorkers */.FZ)(opts.threads !== undefined)) {
        return (0,parallel/* scanParallel */.fG)(path, start, end, spec, threads, opts.onBytes);
    }
    return (0,range/* scanRange */.x)(path, start, end, spec, opts.onBytes);
}

;// CONCATENATED MODULE: ./src/logs/provider.ts










/**
 * Counts over every source of a rule file. Files, stdin and URLs are streamed and counted here;
 * PostgreSQL and ClickHouse push the count down (src/logs/stores). Any source that cannot be read
 * is an error naming it (exit 2), so a run never decides on partial data.
 */
function createCountProvider(sources, opts) {
    return {
        async count(query) {
            const chosen = sources.filter((s) => !query.sources || query.sources.includes(s.name));
            const counts = query.levels.map(() => query.windows.map(() => 0));
            const stats = [];
            const streamed = [];
            if (query.windows.length === 0 || query.levels.length === 0)
                return { counts, stats };
            for (const source of chosen) {
                if (source.kind === 'postgres' || source.kind === 'clickhouse') {
                    const { countInStore } = await __webpack_require__.e(/* import() */ 330).then(__webpack_require__.bind(__webpack_require__, 1330));
                    const part = await countInStore(source, { levels: query.levels, windows: query.windows }, opts.env);
                    part.forEach((row, i) => row.forEach((n, j) => (counts[i][j] += n)));
                    stats.push({ source: source.name, linesRead: 0, unreadable: 0 });
                    continue;
                }
                const spec = {
                    levels: query.levels,
                    fromMs: Math.min(...query.windows.map((w) => w.fromMs)),
                    toMs: Math.max(...query.windows.map((w) => w.toMs)),
                    checkEveryLine: opts.scan?.checkEveryLine,
                };
                for (const { label, open, path } of await streamsOf(source, opts)) {
                    try {
                        // The total is known for plain files (a .gz's size is not its decompressed size).
                        const bytesTotal = path && !path.endsWith('.gz') && opts.onProgress ? (await (0,promises_.stat)(path)).size : undefined;
                        const onBytes = (n) => opts.onProgress?.({ source: label, bytesRead: n, ...(bytesTotal !== undefined ? { bytesTotal } : {}) });
                        // Files may be sought in (ordered) and are read by byte ranges; other streams pass through the prefilter.
                        const got = path
                            ? await scanFile(path, spec, { ...opts.scan, onBytes })
                            : { result: await scanStream(await open(), spec, onBytes), skippedBytes: 0 };
                        streamed.push(got.result.times);
                        stats.push((0,block_scanner/* toStats */.jg)(label, got.result, got.skippedBytes));
                    }
                    catch (err) {
                        if (err instanceof errors/* UserError */.y)
                            throw err;
                        throw new errors/* UserError */.y(`log source "${source.name}" (${label}) could not be read: ${(0,errors/* errorMessage */.g)(err)}`, { exitCode: 2, cause: err });
                    }
                }
            }
            countWindows(streamed, query.levels, query.windows).forEach((row, i) => row.forEach((n, j) => (counts[i][j] += n)));
            return { counts, stats };
        },
    };
}
async function streamsOf(source, opts) {
    if (source.kind === 'stdin')
        return [{ label: 'stdin', open: async () => process.stdin }];
    if ('url' in source) {
        const token = source.token_env ? opts.env[source.token_env] : undefined;
        if (source.token_env && !token)
            throw new errors/* UserError */.y(`log source "${source.name}": env ${source.token_env} is not set`, { exitCode: 2 });
        return [{ label: source.url, open: () => openUrl(source.url, token) }];
    }
    if ('path' in source) {
        const paths = await expandPath((0,external_node_path_.isAbsolute)(source.path) ? source.path : (0,external_node_path_.join)(opts.baseDir, source.path));
        if (paths.length === 0)
            throw new errors/* UserError */.y(`log source "${source.name}": no file matches ${source.path}`, { exitCode: 2 });
        return paths.map((p) => ({ label: p, path: p, open: async () => (0,log_file/* openFile */.T)(p) }));
    }
    throw new errors/* UserError */.y(`log source "${source.name}" has an unsupported kind`, { exitCode: 2 });
}
/** A path, or a pattern with * and ? in its last segment (logs/*.log, logs/app-*.log.gz). */
async function expandPath(path) {
    const name = (0,external_node_path_.basename)(path);
    if (!/[*?]/.test(name))
        return [path];
    if (/[*?]/.test((0,external_node_path_.dirname)(path)))
        throw new errors/* UserError */.y(`wildcards are supported in the file name only: ${path}`, { exitCode: 2 });
    const re = new RegExp(`^${name.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);
    let names;
    try {
        names = await (0,promises_.readdir)((0,external_node_path_.dirname)(path));
    }
    catch (err) {
        throw new errors/* UserError */.y(`cannot list ${(0,external_node_path_.dirname)(path)}: ${(0,errors/* errorMessage */.g)(err)}`, { exitCode: 2, cause: err });
    }
    return names.filter((n) => re.test(n)).sort().map((n) => (0,external_node_path_.join)((0,external_node_path_.dirname)(path), n));
}
/** Streams a URL (never downloaded whole); a body cut short surfaces as an error, not as fewer lines. */
function openUrl(url, token) {
    return new Promise((resolve, reject) => {
        const get = url.startsWith('https:') ? external_node_https_.get : external_node_http_.get;
        const req = get(url, { headers: token ? { authorization: `Bearer ${token}` } : {}, timeout: 30_000 }, (res) => {
            if ((res.statusCode ?? 0) < 200 || (res.statusCode ?? 0) >= 300) {
                res.resume();
                reject(new Error(`HTTP ${res.statusCode}`));
                return;
            }
            res.on('aborted', () => res.destroy(new Error('connection closed before the body ended')));
            if (url.split('?')[0].endsWith('.gz')) {
                const gunzip = (0,external_node_zlib_.createGunzip)();
                res.on('error', (err) => gunzip.destroy(err));
                resolve(res.pipe(gunzip));
            }
            else
                resolve(res);
        });
        req.on('timeout', () => req.destroy(new Error('no answer within 30 s')));
        req.on('error', reject);
    });
}


/***/ }),

/***/ 816:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ isoSeconds)
/* harmony export */ });
/** ISO 8601 UTC without milliseconds, as the webhook payload's triggered_at. */
function isoSeconds(ms) {
    return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}


/***/ }),

/***/ 5197:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ windowAt),
/* harmony export */   x: () => (/* binding */ countInWindow)
/* harmony export */ });
const MINUTE = 60_000;
/** The window a rule counts at tick t: (t − window, t]. */
function windowAt(tickMs, windowMinutes) {
    return { fromMs: tickMs - windowMinutes * MINUTE, toMs: tickMs };
}
/** Entries of an ascending timestamp array in (from, to], by two binary searches. */
function countInWindow(sorted, window) {
    return upperBound(sorted, window.toMs) - upperBound(sorted, window.fromMs);
}
/** Index of the first element greater than x. */
function upperBound(sorted, x) {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid] <= x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}


/***/ }),

/***/ 1879:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ loadRules),
/* harmony export */   N: () => (/* binding */ parseRules)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8815);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17);
/* harmony import */ var _schema_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7776);




/**
 * Reads a rule file (YAML, which includes JSON) and validates it with the one schema.
 * Every problem is reported with the file, the rule (index and name) and the field, and
 * all problems at once, so a user fixes the file in one pass. Bad input exits 2.
 */
async function loadRules(path) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8');
    }
    catch (err) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y(`cannot read rule file ${path}: ${err.message}`, { exitCode: 2, cause: err });
    }
    return parseRules(text, path);
}
function parseRules(text, path) {
    let data;
    try {
        data = (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .parse */ .qg)(text, { prettyErrors: true, uniqueKeys: true });
    }
    catch (err) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y(`rule file ${path} is not valid YAML/JSON: ${err.message}`, { exitCode: 2 });
    }
    const parsed = _schema_js__WEBPACK_IMPORTED_MODULE_3__/* .RulesFileSchema */ .FE.safeParse(data);
    if (parsed.success)
        return parsed.data;
    const lines = parsed.error.issues.map((issue) => `  - ${describePath(issue.path, data)}: ${describeIssue(issue)}`);
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .y(`rule file ${path} is invalid:\n${lines.join('\n')}`, { exitCode: 2 });
}
/** `rules[2] "High Error Rate" → threshold` rather than `rules.2.threshold`. */
function describePath(path, data) {
    if (path.length === 0)
        return '(top level)';
    const [head, index, ...rest] = path;
    if ((head === 'rules' || head === 'sources') && typeof index === 'number') {
        const item = data?.[head]?.[index];
        const name = typeof item?.name === 'string' ? ` "${item.name}"` : '';
        return `${head}[${index}]${name}${rest.length ? ` → ${rest.join('.')}` : ''}`;
    }
    return path.map(String).join('.');
}
function describeIssue(issue) {
    if (issue.code === 'unrecognized_keys')
        return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    return issue.message;
}


/***/ })

};
