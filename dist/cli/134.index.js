export const id = 134;
export const ids = [134];
export const modules = {

/***/ 9797:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _: () => (/* binding */ evaluateTicks)
});

// EXTERNAL MODULE: ./src/rules/selection.ts
var selection = __webpack_require__(6681);
// EXTERNAL MODULE: ./src/model/series.ts
var series = __webpack_require__(1108);
// EXTERNAL MODULE: ./src/model/window.ts
var model_window = __webpack_require__(5197);
;// CONCATENATED MODULE: ./src/evaluate/compile.ts



/** The series a rule counts: its selection, split by its group_by. */
function ruleSeries(rule) {
    return {
        selection: (0,selection/* ruleSelection */.lx)(rule),
        ...(rule.group_by ? { groupBy: rule.group_by } : {}),
        ...(rule.value ? { value: rule.value } : {}),
    };
}
/** A ratio rule's denominator series, grouped as the rule is (a ratio per group). */
function denominatorSeries(rule) {
    if (!rule.denominator)
        return undefined;
    return { selection: (0,selection/* toSelection */.Qw)(rule.denominator), ...(rule.group_by ? { groupBy: rule.group_by } : {}) };
}
/**
 * Compiles enabled rules into queries, in time linear in rules × ticks: rules are grouped by their
 * sources with maps (no array copies), identical selections across rules share one series (by
 * seriesKey), and identical windows one window. A rule without new fields compiles to the series
 * { levels: [its level], where: [] }, whose counts are exactly the seed's level counts.
 */
function compileRules(rules, ticks, opts = {}) {
    const bySources = new Map();
    for (const rule of rules) {
        if (!rule.enabled)
            continue;
        const key = opts.ignoreRuleSources || !rule.sources ? '' : [...new Set(rule.sources)].sort().join('\n');
        let b = bySources.get(key);
        if (!b) {
            const query = {
                series: [],
                windows: [],
                ...(key === '' ? {} : { sources: key.split('\n') }),
                ...(opts.groupLimit ? { groupLimit: opts.groupLimit } : {}),
            };
            b = { plan: { query, rules: [] }, seriesIndex: new Map(), windowIndex: new Map() };
            bySources.set(key, b);
        }
        const { query } = b.plan;
        const seriesOf = (spec) => {
            const k = (0,series/* seriesKey */.Xk)(spec);
            let i = b.seriesIndex.get(k);
            if (i === undefined) {
                i = query.series.push(spec) - 1;
                b.seriesIndex.set(k, i);
            }
            return i;
        };
        const windowOf = (w) => {
            const k = `${w.fromMs}:${w.toMs}`;
            let i = b.windowIndex.get(k);
            if (i === undefined) {
                i = query.windows.push(w) - 1;
                b.windowIndex.set(k, i);
            }
            return i;
        };
        const den = denominatorSeries(rule);
        const lookback = rule.group_by && (0,selection/* isFewerThan */.XN)(rule) && !den ? (0,selection/* groupLookbackMinutes */.P3)(rule) : undefined;
        b.plan.rules.push({
            rule,
            series: seriesOf(ruleSeries(rule)),
            ...(den ? { denominator: seriesOf(den) } : {}),
            windows: ticks.map((t) => windowOf((0,model_window/* windowAt */.MF)(t, rule.window_minutes))),
            ...(lookback !== undefined ? { lookbacks: ticks.map((t) => windowOf((0,model_window/* windowAt */.MF)(t, lookback))) } : {}),
        });
    }
    return [...bySources.values()].map((b) => b.plan);
}

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
/**
 * The seed's dedup applied per alert instance: at tick t an instance fires when its condition holds,
 * unless that instance fired less than window_minutes before t. Ungrouped rules have one instance
 * (deduplicated on the rule's last_triggered_at, as the seed). Grouped rules fire at most max_groups
 * instances per tick: those due, highest measure first (lowest for fewer_than), ties by group key;
 * the rest are counted in `truncated`, never silently dropped, and stay due for the next tick.
 */
function decideInstances(rule, ticks, lastTriggeredMs, lastByInstance) {
    const fires = [];
    const truncated = [];
    const instances = new Map(lastByInstance);
    let last = lastTriggeredMs;
    if (!rule.enabled)
        return { fires, truncated: ticks.map(() => 0), lastTriggeredMs: last, instances };
    const windowMs = rule.window_minutes * 60_000;
    for (const tick of ticks) {
        const t = tick.tickMs;
        const due = tick.instances.filter((m) => {
            if (!m.met)
                return false;
            const prev = rule.grouped ? (instances.get(m.key)?.lastTriggeredMs ?? null) : last;
            return prev === null || t - prev >= windowMs;
        });
        if (rule.grouped) {
            const sign = rule.fewer_than ? 1 : -1;
            due.sort((a, b) => sign * ((a.measured ?? 0) - (b.measured ?? 0)) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
        }
        const firing = rule.grouped ? due.slice(0, rule.max_groups) : due;
        truncated.push(due.length - firing.length);
        for (const m of firing) {
            fires.push({
                tickMs: t,
                key: m.key,
                ...(m.group ? { group: m.group } : {}),
                match_count: m.count,
                ...(m.denominator !== undefined ? { ratio: m.ratio ?? 0, denominator_count: m.denominator } : {}),
            });
            if (rule.grouped)
                instances.set(m.key, { ...(m.group ? { group: m.group } : {}), lastTriggeredMs: t });
            last = t;
        }
    }
    return { fires, truncated, lastTriggeredMs: last, instances };
}

// EXTERNAL MODULE: ./src/model/time.ts
var time = __webpack_require__(816);
// EXTERNAL MODULE: ./src/util/sort-text.ts
var sort_text = __webpack_require__(4520);
;// CONCATENATED MODULE: ./src/evaluate/measure.ts

const UNGROUPED = '[]';
/** A rule's measurements at every tick, from its plan and its source group's series counts. */
function measureRule(plan, ticks, result) {
    const { rule } = plan;
    const num = result.series[plan.series];
    const den = plan.denominator !== undefined ? result.series[plan.denominator] : undefined;
    const fewer = (0,selection/* isFewerThan */.XN)(rule);
    const minDen = (0,selection/* minDenominator */.lM)(rule);
    const isValue = rule.value !== undefined;
    const judge = (count, denominator, value) => {
        if (isValue) {
            const v = value ?? null;
            return { value: v, measured: v, met: v !== null && (fewer ? v < rule.threshold : v >= rule.threshold) };
        }
        if (denominator === undefined)
            return { measured: count, met: fewer ? count < rule.threshold : count >= rule.threshold };
        const ratio = denominator > 0 ? count / denominator : null;
        const met = ratio !== null && denominator >= minDen && (fewer ? ratio < rule.threshold : ratio >= rule.threshold);
        return { ratio, measured: ratio, met };
    };
    const truncatedGroups = num.truncatedGroups + (den?.truncatedGroups ?? 0);
    if (!rule.group_by) {
        const n = num.groups[0]?.counts;
        const vals = num.groups[0]?.values;
        const d = den?.groups[0]?.counts;
        return {
            rule,
            truncatedGroups,
            ticks: ticks.map((tickMs, i) => {
                const w = plan.windows[i];
                const count = n?.[w] ?? 0;
                const denominator = den ? (d?.[w] ?? 0) : undefined;
                return { tickMs, instances: [{ key: UNGROUPED, count, ...(den ? { denominator } : {}), ...judge(count, denominator, vals?.[w]) }] };
            }),
        };
    }
    const fields = rule.group_by;
    const numByKey = indexGroups(num);
    const denByKey = den ? indexGroups(den) : undefined;
    // The groups that can be in play: the denominator's for ratios, else the rule's own.
    const universe = den ?? num;
    const keys = universe.groups.map((g) => JSON.stringify(g.key));
    const groupObjects = universe.groups.map((g) => Object.fromEntries(fields.map((f, k) => [f, g.key[k] ?? null])));
    return {
        rule,
        truncatedGroups,
        ticks: ticks.map((tickMs, i) => {
            const w = plan.windows[i];
            const look = plan.lookbacks?.[i];
            const instances = [];
            universe.groups.forEach((g, gi) => {
                const key = keys[gi];
                let count;
                let denominator;
                if (denByKey) {
                    denominator = g.counts[w];
                    if (denominator === 0)
                        return;
                    count = numByKey.get(key)?.counts[w] ?? 0;
                }
                else {
                    count = g.counts[w];
                    if (look !== undefined ? g.counts[look] === 0 : count === 0)
                        return;
                }
                instances.push({
                    key,
                    group: groupObjects[gi],
                    count,
                    ...(denByKey ? { denominator } : {}),
                    ...judge(count, denominator, g.values?.[w]),
                });
            });
            return { tickMs, instances };
        }),
    };
}
function indexGroups(s) {
    return new Map(s.groups.map((g) => [JSON.stringify(g.key), g]));
}
/** Whether a rule uses any issue 14 field that changes how it is measured or decided. */
function usesInstances(rule) {
    return rule.group_by !== undefined || (0,selection/* isRatio */.mq)(rule) || (0,selection/* isFewerThan */.XN)(rule) || rule.value !== undefined;
}

;// CONCATENATED MODULE: ./src/evaluate/count-and-decide.ts






/**
 * Counts every enabled rule's window at every tick and decides, tick by tick. The rules compile to
 * one series query per distinct set of sources they name (usually one), so each source is read a
 * single time for all rules; work is linear in the number of rules. A rule without the issue 14
 * fields is decided by the seed's rule (decideRule) on its level count and reported exactly as before.
 */
async function evaluateTicks(rules, ticks, provider, lastTriggered, opts = {}) {
    const measuresById = new Map();
    const stats = new Map();
    const historyById = new Map();
    const history = ticks.length > 0 ? (opts.historyTicks ?? []) : [];
    if (ticks.length > 0) {
        // History ticks ride along in the same query (one more window each); windows are per tick, so
        // measuring them first and slicing them off leaves this run's measures exactly as without them.
        const all = history.length > 0 ? [...history, ...ticks] : ticks;
        for (const plan of compileRules(rules, all, opts)) {
            const result = await provider.countSeries(plan.query);
            for (const s of result.stats)
                if (!stats.has(s.source))
                    stats.set(s.source, s);
            for (const rp of plan.rules) {
                const measured = measureRule(rp, all, result);
                if (history.length > 0) {
                    const past = measured.ticks.slice(0, history.length);
                    historyById.set(rp.rule.id, past.map((t) => Math.max(0, ...t.instances.map((m) => m.count ?? 0))));
                    measured.ticks = measured.ticks.slice(history.length);
                }
                measuresById.set(rp.rule.id, measured);
            }
        }
    }
    const withHistory = (report) => opts.historyTicks ? { ...report, history: historyById.get(report.id) ?? [] } : report;
    const decisions = [];
    const last = new Map();
    const instances = new Map();
    const reports = rules.map((rule) => {
        const measured = measuresById.get(rule.id);
        const base = {
            id: rule.id,
            name: rule.name,
            level: (0,selection/* levelLabel */.v3)(rule),
            threshold: rule.threshold,
            window_minutes: rule.window_minutes,
            enabled: rule.enabled,
        };
        if (!usesInstances(rule)) {
            const counts = measured ? measured.ticks.map((t) => t.instances[0].count) : [];
            const decided = decideRule(rule, ticks, counts, lastTriggered(rule.id));
            last.set(rule.id, decided.lastTriggeredMs);
            const fired = decided.fires.map((f) => {
                const triggered_at = (0,time/* isoSeconds */.n)(f.tickMs);
                decisions.push({ rule, triggered_at, match_count: f.match_count });
                return triggered_at;
            });
            return withHistory({ ...base, counts, fired });
        }
        const grouped = rule.group_by !== undefined;
        const fewer = (0,selection/* isFewerThan */.XN)(rule);
        const previous = new Map();
        for (const [key, s] of Object.entries(opts.instanceState?.(rule.id) ?? {})) {
            if (s.last_triggered_at)
                previous.set(key, { group: s.group, lastTriggeredMs: Date.parse(s.last_triggered_at) });
        }
        const decided = decideInstances({
            enabled: rule.enabled,
            threshold: rule.threshold,
            window_minutes: rule.window_minutes,
            max_groups: (0,selection/* maxGroups */.Tn)(rule),
            fewer_than: fewer,
            grouped,
        }, measured?.ticks ?? [], lastTriggered(rule.id), previous);
        last.set(rule.id, decided.lastTriggeredMs);
        if (grouped) {
            // Only instances still inside their dedup window matter to later runs.
            const lastTick = ticks.at(-1);
            const keep = {};
            for (const [key, s] of decided.instances) {
                if (lastTick !== undefined && lastTick - s.lastTriggeredMs >= rule.window_minutes * 60_000)
                    continue;
                keep[key] = { group: s.group ?? {}, last_triggered_at: (0,time/* isoSeconds */.n)(s.lastTriggeredMs) };
            }
            instances.set(rule.id, keep);
        }
        const fired = decided.fires.map((f) => {
            const triggered_at = (0,time/* isoSeconds */.n)(f.tickMs);
            decisions.push({
                rule,
                triggered_at,
                match_count: f.match_count,
                ...(f.group ? { group: f.group } : {}),
                ...(f.denominator_count !== undefined ? { ratio: f.ratio, denominator_count: f.denominator_count } : {}),
            });
            return triggered_at;
        });
        const perTick = measured?.ticks ?? [];
        // The headline per tick: the ungrouped instance, or the group that ranks first.
        const head = perTick.map((t) => {
            if (!grouped)
                return t.instances[0];
            let best;
            for (const m of t.instances) {
                if (!best || (fewer ? (m.measured ?? 0) < (best.measured ?? 0) : (m.measured ?? 0) > (best.measured ?? 0)))
                    best = m;
            }
            return best;
        });
        const report = {
            ...base,
            counts: head.map((m) => m?.count ?? 0),
            fired,
            comparison: fewer ? 'fewer_than' : 'at_least',
        };
        if (rule.denominator) {
            report.ratios = head.map((m) => m?.ratio ?? null);
            report.denominator_counts = head.map((m) => m?.denominator ?? 0);
        }
        if (grouped) {
            report.group_by = rule.group_by;
            report.groups = perTick.map((t) => t.instances.length);
            report.groups_met = perTick.map((t) => t.instances.filter((m) => m.met).length);
            report.truncated_groups = decided.truncated;
            report.untracked_groups = measured?.truncatedGroups ?? 0;
            report.fired_groups = decided.fires.map((f) => ({
                triggered_at: (0,time/* isoSeconds */.n)(f.tickMs),
                group: f.group ?? {},
                match_count: f.match_count,
            }));
        }
        return withHistory(report);
    });
    // Oldest tick first, then in rule-file order: the order receivers hear about them.
    (0,sort_text/* sortByText */.z)(decisions, (d) => d.triggered_at);
    return { rules: reports, decisions, lastTriggered: last, instances, measures: [...measuresById.values()], stats: [...stats.values()] };
}


/***/ }),

/***/ 79:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ts: () => (/* binding */ backtestIncidents),
  Y: () => (/* binding */ finishLifecycle),
  E_: () => (/* binding */ planLifecycle)
});

// EXTERNAL MODULE: ./src/model/time.ts
var time = __webpack_require__(816);
// EXTERNAL MODULE: ./src/util/sort-text.ts
var sort_text = __webpack_require__(4520);
// EXTERNAL MODULE: ./src/rules/lifecycle-fields.ts
var lifecycle_fields = __webpack_require__(7141);
// EXTERNAL MODULE: ./src/rules/selection.ts
var selection = __webpack_require__(6681);
;// CONCATENATED MODULE: ./src/evaluate/lifecycle.ts

const initialLifecycleState = () => ({
    status: 'ok',
    sinceMs: null,
    pendingCount: 0,
    lastTriggeredMs: null,
    firedMatchCount: null,
    lastNotifiedMs: null,
    fireDelivered: null,
    lastValue: null,
});
function classify(value, p) {
    if (value === null)
        return p.noData === 'keep' ? 'skip' : p.noData === 'ok' ? 'recovered' : 'breach';
    const recovery = p.recoveryThreshold ?? p.threshold;
    if (p.comparison === 'at_least')
        return value >= p.threshold ? 'breach' : value < recovery ? 'recovered' : 'hold';
    return value < p.threshold ? 'breach' : value >= recovery ? 'recovered' : 'hold';
}
/** Why a set of lifecycle parameters is invalid (for the rule file's error message), or null. */
function lifecycleParamsProblem(p) {
    if (!Number.isInteger(p.pendingTicks) || p.pendingTicks < 1)
        return { field: 'pending_ticks', message: 'must be a whole number ≥ 1' };
    if (p.renotifyMs !== undefined && !(p.renotifyMs > 0))
        return { field: 'renotify_minutes', message: 'must be ≥ 1' };
    const r = p.recoveryThreshold;
    if (r === undefined)
        return null;
    if (p.comparison === 'at_least' && r > p.threshold)
        return { field: 'recovery_threshold', message: `must be at most the threshold (${p.threshold}): the instance resolves only below it` };
    if (p.comparison === 'fewer_than' && r < p.threshold)
        return {
            field: 'recovery_threshold',
            message: `must be at least the threshold (${p.threshold}) for a fewer_than rule: the instance resolves only at or above it`,
        };
    return null;
}
/**
 * One batch of ticks (one run) for one instance, oldest first. Returns the state after the batch (with
 * fireDelivered null for fires decided in it, until settleDeliveries) and the events, in tick order.
 */
function runLifecycle(start, observations, p) {
    let s = { ...start };
    const events = [];
    let incident = 0;
    for (const o of observations) {
        const step = stepLifecycle(s, o, p, incident);
        s = step.state;
        incident = step.incident;
        if (step.event)
            events.push(step.event);
    }
    return { state: s, events };
}
/**
 * One evaluated tick of one instance: the next state and the event of the tick, if any. `incident`
 * numbers the incidents of the batch (0 = the one already firing when the batch began); the step
 * returns it, one higher after a new fire. Pure: `s` is not changed, so a caller may drop a step
 * (max_groups defers a fire or re-notification to a later tick by keeping the state before it).
 */
function stepLifecycle(s0, o, p, incident) {
    const c = o.hold ? 'hold' : classify(o.value, p);
    if (c === 'skip')
        return { state: s0, incident };
    const s = { ...s0, lastValue: o.value };
    const base = { tickMs: o.tickMs, value: o.value, matchCount: o.matchCount };
    if (s.status === 'firing') {
        if (c === 'recovered') {
            const event = {
                ...base,
                incident,
                kind: 'resolve',
                sinceMs: s.sinceMs,
                firedAtMs: s.lastTriggeredMs,
                firedMatchCount: s.firedMatchCount,
                notify: p.notifyResolved,
            };
            Object.assign(s, { status: 'ok', sinceMs: o.tickMs, pendingCount: 0 });
            return { state: s, event, incident };
        }
        if (s.fireDelivered === false) {
            Object.assign(s, { lastTriggeredMs: o.tickMs, firedMatchCount: o.matchCount, lastNotifiedMs: o.tickMs, fireDelivered: null });
            return { state: s, event: { ...base, incident, kind: 'fire', retry: true }, incident };
        }
        if (s.fireDelivered === true && p.renotifyMs !== undefined && o.tickMs - s.lastNotifiedMs >= p.renotifyMs) {
            const event = { ...base, incident, kind: 'renotify', sinceMs: s.sinceMs };
            s.lastNotifiedMs = o.tickMs;
            return { state: s, event, incident };
        }
        return { state: s, incident };
    }
    if (c !== 'breach') {
        if (s.status === 'pending')
            Object.assign(s, { status: 'ok', sinceMs: o.tickMs, pendingCount: 0 });
        return { state: s, incident };
    }
    const count = s.status === 'pending' ? s.pendingCount + 1 : 1;
    if (count < p.pendingTicks) {
        Object.assign(s, { status: 'pending', sinceMs: s.status === 'pending' ? s.sinceMs : o.tickMs, pendingCount: count });
        return { state: s, incident };
    }
    Object.assign(s, {
        status: 'firing',
        sinceMs: o.tickMs,
        pendingCount: 0,
        lastTriggeredMs: o.tickMs,
        firedMatchCount: o.matchCount,
        lastNotifiedMs: o.tickMs,
        fireDelivered: null,
    });
    return { state: s, event: { ...base, incident: incident + 1, kind: 'fire', retry: false }, incident: incident + 1 };
}
/**
 * After the batch's fires and re-notifications were delivered: which resolves may be sent, and the
 * instance's fireDelivered. A resolve is sent only when the rule notifies resolves and some fire of
 * its incident reached a channel (in an earlier run, or in this one). `delivered(e)` tells whether a
 * fire event reached at least one channel.
 */
function settleDeliveries(start, end, events, delivered) {
    const reached = new Map();
    if (start.status === 'firing' && start.fireDelivered === true)
        reached.set(0, true);
    for (const e of events)
        if (e.kind === 'fire' && delivered(e))
            reached.set(e.incident, true);
    const resolves = events
        .filter((e) => e.kind === 'resolve')
        .map((event) => !event.notify
        ? { event, send: false, reason: 'notify_resolved is false' }
        : reached.get(event.incident)
            ? { event, send: true }
            : { event, send: false, reason: 'the fire was never delivered' });
    const state = { ...end };
    if (state.status === 'firing' && state.fireDelivered === null) {
        const last = events.reduce((m, e) => Math.max(m, e.incident), 0);
        const fired = events.some((e) => e.kind === 'fire' && e.incident === last);
        state.fireDelivered = reached.get(last) ?? (fired ? false : (start.fireDelivered ?? false));
    }
    return { state, resolves };
}
/** The stored form (state file) of a lifecycle instance; `group` and the ISO times as the state schema wants. */
function toStoredInstance(s, group) {
    const iso = (ms) => (ms === null ? null : (0,time/* isoSeconds */.n)(ms));
    return {
        group,
        last_triggered_at: iso(s.lastTriggeredMs),
        status: s.status,
        since: iso(s.sinceMs),
        pending_count: s.pendingCount,
        last_notified_at: iso(s.lastNotifiedMs),
        fire_delivered: s.fireDelivered,
        fired_match_count: s.firedMatchCount,
        last_value: s.lastValue,
    };
}
function fromStoredInstance(i) {
    if (!i)
        return initialLifecycleState();
    const ms = (v) => (v ? Date.parse(v) : null);
    return {
        status: i.status ?? 'ok',
        sinceMs: ms(i.since),
        pendingCount: i.pending_count ?? 0,
        lastTriggeredMs: ms(i.last_triggered_at),
        firedMatchCount: i.fired_match_count ?? null,
        lastNotifiedMs: ms(i.last_notified_at),
        fireDelivered: i.fire_delivered ?? null,
        lastValue: i.last_value ?? null,
    };
}
/** An instance that is ok with no pending run need not be stored (keeps state files small). */
function isQuiet(s) {
    return s.status === 'ok' && s.pendingCount === 0;
}

;// CONCATENATED MODULE: ./src/evaluate/lifecycle-run.ts




function lifecycleParams(rule) {
    const r = rule;
    return {
        comparison: r.comparison ?? 'at_least',
        threshold: rule.threshold,
        ...(rule.recovery_threshold !== undefined ? { recoveryThreshold: rule.recovery_threshold } : {}),
        pendingTicks: rule.pending_ticks ?? 1,
        ...(rule.renotify_minutes !== undefined ? { renotifyMs: rule.renotify_minutes * 60_000 } : {}),
        notifyResolved: rule.notify_resolved ?? true,
        noData: rule.no_data ?? 'keep',
    };
}

/**
 * Runs the lifecycle of every instance of one rule over the ticks of this run. Instances are those
 * measured at some tick plus those in the stored state; a stored instance missing from a tick's
 * measurements had no matching entry in the window: count 0 for count and ratio rules (at_least), no
 * data for value rules, and not observed for fewer_than rules (their groups come from the lookback).
 *
 * max_groups (grouped rules, default 100): per tick, at most that many instances notify — fires,
 * retries of undelivered fires and re-notifications together, highest value first (lowest for
 * fewer_than), ties by group key, as grouped count rules fire. Those beyond are deferred: their state
 * stays as it was before the tick (only the value seen is kept), so an instance that would have
 * started firing is still ok or pending and fires at the next tick if it still breaches, and a firing
 * instance keeps its retry or re-notification due. Resolves are never bounded: an instance that is
 * firing resolves whenever it recovers, and its resolve is sent only if some fire of the incident was
 * delivered (a deferred fire is no fire, so it never leads to a resolve).
 */
function runRuleLifecycle(rule, ticks, stored) {
    const p = lifecycleParams(rule);
    const grouped = rule.group_by !== undefined;
    const bound = grouped ? (0,selection/* maxGroups */.Tn)(rule) : Infinity;
    const keys = new Map();
    for (const [key, s] of Object.entries(stored ?? {}))
        keys.set(key, Object.keys(s.group).length > 0 ? s.group : undefined);
    for (const t of ticks)
        for (const m of t.instances)
            if (!keys.has(m.key) || (m.group && !keys.get(m.key)))
                keys.set(m.key, m.group);
    if (!grouped && !keys.has('[]'))
        keys.set('[]', undefined);
    const byTick = ticks.map((t) => new Map(t.instances.map((m) => [m.key, m])));
    const running = [...keys].map(([key, group]) => {
        const start = fromStoredInstance(stored?.[key]);
        return { key, ...(group ? { group } : {}), start, state: start, incident: 0, events: [], values: [] };
    });
    const truncated = [];
    const sign = p.comparison === 'fewer_than' ? 1 : -1;
    ticks.forEach((t, i) => {
        // Every instance's step at this tick; notifications wait for the bound, the rest apply at once.
        const notifying = [];
        for (const r of running) {
            const o = observation(byTick[i].get(r.key), t.tickMs, p, rule);
            r.values.push(o === undefined ? undefined : o.value);
            if (o === undefined)
                continue;
            const step = stepLifecycle(r.state, o, p, r.incident);
            if (step.event && step.event.kind !== 'resolve')
                notifying.push({ r, step });
            else
                apply(r, step);
        }
        if (notifying.length > bound)
            notifying.sort((a, b) => sign * ((a.step.event.value ?? 0) - (b.step.event.value ?? 0)) || (a.r.key < b.r.key ? -1 : a.r.key > b.r.key ? 1 : 0));
        notifying.forEach(({ r, step }, k) => {
            if (k < bound)
                apply(r, step);
            else
                r.state = { ...r.state, lastValue: step.state.lastValue }; // deferred: due again at the next tick
        });
        truncated.push(Math.max(0, notifying.length - bound));
    });
    const instances = [];
    for (const r of running) {
        // An instance that never breached and holds no state has nothing to run.
        if (r.events.length === 0 && isQuiet(r.start) && isQuiet(r.state))
            continue;
        instances.push({
            key: r.key,
            ...(r.group ? { group: r.group } : {}),
            start: r.start,
            end: r.state,
            events: r.events,
            values: r.values,
        });
    }
    return { rule, instances, truncated };
}
function apply(r, step) {
    r.state = step.state;
    r.incident = step.incident;
    if (step.event)
        r.events.push(step.event);
}
/**
 * What an instance shows at a tick: its measure, or — when the tick did not measure it — count 0 for
 * count and ratio rules, no data for value rules, nothing (undefined: not observed) for fewer_than.
 */
function observation(m, tickMs, p, rule) {
    if (m) {
        const breachNotMet = !m.met && m.measured !== null && (p.comparison === 'at_least' ? m.measured >= p.threshold : m.measured < p.threshold);
        return { tickMs, value: m.measured, matchCount: m.count, ...(breachNotMet ? { hold: true } : {}) };
    }
    if (p.comparison === 'fewer_than')
        return undefined;
    if (rule.value)
        return { tickMs, value: null, matchCount: 0 };
    return { tickMs, value: 0, matchCount: 0 };
}
/** A fire or re-notification as a delivery decision (alert.triggered). */
function fireDecision(rule, inst, e) {
    return {
        rule,
        triggered_at: (0,time/* isoSeconds */.n)(e.tickMs),
        match_count: e.matchCount,
        ...(rule.value ? { value: e.value } : {}),
        ...(inst.group ? { group: inst.group } : {}),
    };
}
/** A resolve as a delivery decision: the fire's triggered_at and match_count, with resolved_at and value. */
function resolveDecision(rule, inst, e) {
    return {
        rule,
        triggered_at: (0,time/* isoSeconds */.n)(e.firedAtMs),
        match_count: e.firedMatchCount,
        event: 'alert.resolved',
        resolved_at: (0,time/* isoSeconds */.n)(e.tickMs),
        value: e.value,
        ...(inst.group ? { group: inst.group } : {}),
    };
}
/** Fires and re-notifications of a run, in tick order, each with the event it came from. */
function fireDecisions(runs) {
    const out = [];
    for (const run of runs)
        for (const instance of run.instances)
            for (const event of instance.events)
                if (event.kind !== 'resolve')
                    out.push({ decision: fireDecision(run.rule, instance, event), run, instance, event });
    return out;
}
/** The key an outcome and its decision share. */
function outcomeKey(o) {
    return `${o.rule_id} ${o.triggered_at} ${o.resolved_at ?? ''} ${o.group ? JSON.stringify(o.group) : ''}`;
}
const decisionKey = (d) => outcomeKey({ rule_id: d.rule.id, triggered_at: d.triggered_at, resolved_at: d.resolved_at, group: d.group });
/**
 * After phase one (fires delivered; `outcomes` of every channel), settles each instance: which
 * resolves to send (phase two), the state to store per rule, and what to report. With no outcomes
 * (backtest, dry run), every fire counts as delivered when `assumeDelivered`.
 */
function settleRuns(runs, outcomes, opts = {}) {
    const delivered = new Set(outcomes.filter((o) => o.status === 'delivered').map(outcomeKey));
    const resolves = [];
    const instances = new Map();
    const lastTriggered = new Map();
    const firing = [];
    const resolved = [];
    for (const run of runs) {
        const rule = run.rule;
        const kept = {};
        let last = null;
        for (const inst of run.instances) {
            const settled = settleDeliveries(inst.start, inst.end, inst.events, (e) => opts.assumeDelivered === true || delivered.has(decisionKey(fireDecision(rule, inst, e))));
            for (const r of settled.resolves) {
                const d = resolveDecision(rule, inst, r.event);
                if (r.send)
                    resolves.push(d);
                resolved.push({
                    rule_id: rule.id,
                    rule_name: rule.name,
                    ...(inst.group ? { group: inst.group } : {}),
                    fired_at: d.triggered_at,
                    resolved_at: d.resolved_at,
                    value: r.event.value,
                    notified: r.send,
                    ...(r.reason ? { reason: r.reason } : {}),
                });
            }
            const s = settled.state;
            if (s.lastTriggeredMs !== null && (last === null || s.lastTriggeredMs > last))
                last = s.lastTriggeredMs;
            if (!isQuiet(s))
                kept[inst.key] = toStoredInstance(s, inst.group ?? {});
            if (s.status !== 'ok')
                firing.push({
                    rule_id: rule.id,
                    rule_name: rule.name,
                    ...(inst.group ? { group: inst.group } : {}),
                    status: s.status,
                    since: (0,time/* isoSeconds */.n)(s.sinceMs),
                    value: s.lastValue,
                    ...(s.status === 'firing' ? { fire_delivered: s.fireDelivered === true } : {}),
                });
        }
        instances.set(rule.id, kept);
        lastTriggered.set(rule.id, last);
    }
    resolves.sort((a, b) => a.resolved_at.localeCompare(b.resolved_at));
    return { resolves, instances, lastTriggered, firing, resolved };
}
function incidentsOf(run, tickMs, rangeEndMs) {
    const fewer = lifecycleParams(run.rule).comparison === 'fewer_than';
    const out = [];
    for (const inst of run.instances) {
        let open;
        const peakOver = (fromMs, toMs) => {
            let peak = null;
            tickMs.forEach((t, i) => {
                const v = inst.values[i];
                if (t < fromMs || t > toMs || v === undefined || v === null)
                    return;
                if (peak === null || (fewer ? v < peak : v > peak))
                    peak = v;
            });
            return peak;
        };
        const close = (endMs) => {
            if (!open)
                return;
            const e = endMs ?? rangeEndMs;
            out.push({
                rule_id: run.rule.id,
                rule_name: run.rule.name,
                ...(inst.group ? { group: inst.group } : {}),
                start: (0,time/* isoSeconds */.n)(open.startMs),
                end: endMs === null ? null : (0,time/* isoSeconds */.n)(endMs),
                duration_minutes: (e - open.startMs) / 60_000,
                peak: peakOver(open.startMs, e),
            });
            open = undefined;
        };
        for (const e of inst.events) {
            if (e.kind === 'fire' && !e.retry)
                open = { startMs: e.tickMs, peak: null };
            else if (e.kind === 'resolve')
                close(e.tickMs);
        }
        close(null);
    }
    return out.sort((a, b) => a.start.localeCompare(b.start));
}

;// CONCATENATED MODULE: ./src/evaluate/lifecycle-evaluate.ts




/** The rules the lifecycle decides: enabled rules with a lifecycle field. */
function lifecycleRules(rules) {
    return rules.filter((r) => r.enabled && (0,lifecycle_fields/* usesLifecycle */.z)(r));
}
function indexCore(core) {
    const measures = new Map();
    // The first entry per id wins, as `find` did.
    for (const m of core.measures ?? [])
        if (!measures.has(m.rule.id))
            measures.set(m.rule.id, m.ticks);
    const counts = new Map();
    for (const r of core.rules)
        if (!counts.has(r.id))
            counts.set(r.id, r.counts);
    return { measures, counts };
}
/** Per-tick measures of a rule: the core's when it has them, else the rule's count per tick (ungrouped count rules). */
function measuresOf(rule, ticks, core) {
    // The core's per-instance measures when it has them (the series core measures groups, ratios and values in one pass).
    const m = core.measures.get(rule.id);
    if (m)
        return m;
    if (rule.value)
        throw new Error(`value rule "${rule.name}" was not measured`);
    const counts = core.counts.get(rule.id) ?? [];
    const fewer = rule.comparison === 'fewer_than';
    return ticks.map((tickMs, i) => {
        const c = counts[i] ?? 0;
        return { tickMs, instances: [{ key: '[]', count: c, measured: c, met: fewer ? c < rule.threshold : c >= rule.threshold }] };
    });
}
/**
 * Runs the lifecycle of every lifecycle rule over the run's ticks, replaces those rules' seed decisions
 * with the lifecycle's fires, and patches their reports (fired = the lifecycle's fires and re-notifications).
 * Undefined when no enabled rule uses the lifecycle.
 */
function planLifecycle(rules, ticks, core, state) {
    const life = lifecycleRules(rules);
    if (life.length === 0)
        return undefined;
    const ids = new Set(life.map((r) => r.id));
    const index = indexCore(core);
    const runs = life.map((rule) => runRuleLifecycle(rule, measuresOf(rule, ticks, index), state.rules[rule.id]?.instances));
    const fires = fireDecisions(runs);
    // Each rule's fires, grouped in one pass (in fire order).
    const firedBy = new Map();
    for (const f of fires) {
        const list = firedBy.get(f.run.rule.id);
        if (list)
            list.push(f.decision.triggered_at);
        else
            firedBy.set(f.run.rule.id, [f.decision.triggered_at]);
    }
    const runOf = new Map(runs.map((r) => [r.rule.id, r]));
    const firedGroupsBy = new Map();
    for (const { run, decision: d } of fires) {
        if (!d.group)
            continue;
        const entry = { triggered_at: d.triggered_at, group: d.group, match_count: d.match_count };
        const list = firedGroupsBy.get(run.rule.id);
        if (list)
            list.push(entry);
        else
            firedGroupsBy.set(run.rule.id, [entry]);
    }
    for (const report of core.rules) {
        if (!ids.has(report.id))
            continue;
        report.fired = firedBy.get(report.id) ?? [];
        // Grouped lifecycle rules: max_groups as the lifecycle applied it, and its fires per group.
        if (report.truncated_groups !== undefined)
            report.truncated_groups = runOf.get(report.id).truncated;
        if (report.fired_groups !== undefined)
            report.fired_groups = firedGroupsBy.get(report.id) ?? [];
    }
    const decisions = [...core.decisions.filter((d) => !ids.has(d.rule.id)), ...fires.map((f) => f.decision)];
    (0,sort_text/* sortByText */.z)(decisions, (d) => d.triggered_at);
    return { runs, decisions };
}
/**
 * Phase two of a run and the state: settles every instance against phase one's outcomes, delivers the
 * resolves whose fire got through, and writes the lifecycle rules' state (instances, last fire) into `next`.
 * `deliver` is absent in a dry run (fires then count as delivered, nothing is sent).
 */
async function finishLifecycle(plan, outcomes, next, deliver, 
/** The state this run started from (the lifecycle rules' last fire when nothing fired now). */
loaded) {
    const settled = settleRuns(plan.runs, outcomes, { assumeDelivered: deliver === undefined });
    let state = next;
    let more = [];
    if (deliver && settled.resolves.length > 0) {
        const delivered = await deliver(settled.resolves, state);
        state = { ...delivered.state, last_evaluated_at: state.last_evaluated_at, rules: state.rules };
        more = delivered.outcomes;
    }
    const rules = { ...state.rules };
    for (const run of plan.runs) {
        const id = run.rule.id;
        const instances = settled.instances.get(id) ?? {};
        const lastMs = settled.lastTriggered.get(id) ?? null;
        const previous = loaded.rules[id]?.last_triggered_at ?? null;
        const last = lastMs === null ? previous : (0,time/* isoSeconds */.n)(lastMs);
        rules[id] = { last_triggered_at: last, ...(Object.keys(instances).length > 0 ? { instances } : {}) };
    }
    return {
        state: { ...state, rules },
        outcomes: [...outcomes, ...more],
        resolves: settled.resolves,
        report: { firing: settled.firing, resolved: settled.resolved },
    };
}
function backtestIncidents(plan, ticks, rangeEndMs) {
    const incidents = plan.runs.flatMap((run) => incidentsOf(run, ticks, rangeEndMs));
    incidents.sort((a, b) => a.start.localeCompare(b.start) || a.rule_name.localeCompare(b.rule_name));
    return {
        incidents,
        totals: {
            incidents: incidents.length,
            firing_minutes: incidents.reduce((s, i) => s + i.duration_minutes, 0),
            still_firing: incidents.filter((i) => i.end === null).length,
        },
    };
}


/***/ }),

/***/ 8061:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ sourcesFromArgs)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _model_log_format_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4755);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17);



/**
 * Sources given on the command line (`--logs`) or as an action input: `-` is stdin, http(s) URLs are
 * streamed, anything else is a path or glob relative to the working directory. They replace the
 * file's sources, so rules' `sources:` restrictions do not apply to them.
 */
function sourcesFromArgs(logs, cwd = process.cwd(), lineFormat = {}) {
    const extra = lineFormatOf(lineFormat);
    const items = logs
        .flatMap((l) => l.split(/[\n,]/))
        .map((l) => l.trim())
        .filter(Boolean);
    if (items.length === 0)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo('--logs was given but names no source', { exitCode: _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .EXIT */ .dc.badInput });
    if (items.filter((l) => l === '-').length > 1)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo('stdin (-) can be given only once in --logs', { exitCode: _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .EXIT */ .dc.badInput });
    return items.map((item, i) => {
        const name = `logs-${i + 1}`;
        if (item === '-')
            return { name, kind: 'stdin', ...extra };
        if (/^https?:\/\//i.test(item)) {
            try {
                new URL(item);
            }
            catch {
                throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`--logs: not a valid URL: ${item}`, { exitCode: _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .EXIT */ .dc.badInput });
            }
            return { name, kind: 'url', url: item, ...extra };
        }
        if (/^[a-z][a-z0-9+.-]*:\/\//i.test(item))
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`--logs: unsupported scheme in ${item} (use a path, - or an http(s) URL)`, { exitCode: _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .EXIT */ .dc.badInput });
        return { name, kind: 'file', path: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(cwd, item), ...extra };
    });
}
/** --format / --timezone, checked as the rule file's source fields are. */
function lineFormatOf(o) {
    const out = {};
    if (o.format !== undefined) {
        const problem = typeof o.format === 'string' ? (0,_model_log_format_js__WEBPACK_IMPORTED_MODULE_1__/* .formatNameProblem */ ._w)(o.format) : (0,_model_log_format_js__WEBPACK_IMPORTED_MODULE_1__/* .regexProblem */ .Hs)(o.format.regex, o.format.flags);
        if (problem)
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`--format: ${problem}`, { exitCode: _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .EXIT */ .dc.badInput });
        out.format = o.format;
    }
    if (o.timezone !== undefined) {
        const problem = (0,_model_log_format_js__WEBPACK_IMPORTED_MODULE_1__/* .zoneProblem */ .YC)(o.timezone);
        if (problem)
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`--timezone: ${problem}`, { exitCode: _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .EXIT */ .dc.badInput });
        out.timezone = o.timezone;
    }
    return out;
}


/***/ }),

/***/ 6600:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  B: () => (/* binding */ createSeriesProvider)
});

// UNUSED EXPORTS: createCountProvider

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: ./src/model/series.ts
var model_series = __webpack_require__(1108);
// EXTERNAL MODULE: ./src/model/window.ts
var model_window = __webpack_require__(5197);
// EXTERNAL MODULE: ./src/logs/formats-source.ts + 6 modules
var formats_source = __webpack_require__(7808);
// EXTERNAL MODULE: ./src/logs/formats-report.ts
var formats_report = __webpack_require__(5102);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/util/http.ts + 1 modules
var http = __webpack_require__(2205);
// EXTERNAL MODULE: ./src/util/redact.ts
var redact = __webpack_require__(767);
;// CONCATENATED MODULE: ./src/logs/file-counts.ts

/** counts[i][j]: entries at levels[i] in windows[j], summed over every source's timestamps. */
function countWindows(perSource, levels, windows) {
    return levels.map((level) => {
        const sorted = Float64Array.from(perSource.flatMap((m) => m.get(level) ?? [])).sort();
        return windows.map((w) => (0,model_window/* countInWindow */.xd)(sorted, w));
    });
}

// EXTERNAL MODULE: ./src/model/aggregate.ts
var aggregate = __webpack_require__(7450);
;// CONCATENATED MODULE: ./src/logs/values.ts


/**
 * Value series (value rules, issue 15) from the one pass of src/logs/provider.ts, for every source that
 * reads entries itself (files, globs, .gz, stdin, URLs): while the scan counts, it keeps per series and
 * group each matching entry's timestamp and the field's numeric value (NaN when missing or not numeric,
 * src/logs/scan/block-scanner.ts); `valueGroup` then answers every window with the counts and the exact
 * aggregates of src/model/aggregate.ts. Stores push the same definitions down (src/logs/stores).
 *
 * Memory (docs/lifecycle.md, "Cost"): exact percentiles need every value of a window, so a value series
 * keeps 16 bytes per matching entry in the run's span (timestamp + value; a count series keeps the 8-byte
 * timestamp alone), per distinct series — rules with the same selection, group_by, field and aggregate
 * share one — and per group, bounded by the group limit. Answering adds, per group and only while that
 * group is answered, a sorted copy (16 bytes per entry, 4 more for the order when the entries were not
 * read in time order) and, per window, the copy of its values that a percentile sorts.
 */
/** Timestamps and values collected in any order → both sorted by timestamp (stable), as typed arrays. */
function sortPoints(ts, values) {
    const n = ts.length;
    let sorted = true;
    for (let i = 1; i < n && sorted; i++)
        if (ts[i] < ts[i - 1])
            sorted = false;
    if (sorted)
        return { ts: Float64Array.from(ts), values: Float64Array.from(values) };
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++)
        order[i] = i;
    order.sort((a, b) => ts[a] - ts[b] || a - b);
    const outTs = new Float64Array(n);
    const outV = new Float64Array(n);
    for (let i = 0; i < n; i++) {
        outTs[i] = ts[order[i]];
        outV[i] = values[order[i]];
    }
    return { ts: outTs, values: outV };
}
/** The aggregate of the values in each window (from, to] over points sorted by timestamp; null for a window without values. */
function windowAggregates(points, windows, kind) {
    return windows.map((w) => {
        const a = (0,model_window/* upperBound */.rn)(points.ts, w.fromMs);
        const b = (0,model_window/* upperBound */.rn)(points.ts, w.toMs);
        if (b <= a)
            return null;
        return (0,aggregate/* aggregate */.QD)(kind, points.values.subarray(a, b), points.ts.subarray(a, b));
    });
}
/**
 * One group of a value series from the scan: `ts` and `values` aligned, in read order, a value NaN when
 * the entry's field was missing or not numeric. Counts every entry per window; aggregates the numeric
 * values per window; the others are counted in skippedValues (over the whole span, as the contract says).
 */
function valueGroup(ts, values, windows, kind) {
    const all = sortPoints(ts, values);
    const counts = windows.map((w) => (0,model_window/* countInWindow */.xd)(all.ts, w));
    let numeric = 0;
    // The numeric points, compacted in place (time order kept): the counts above were taken first.
    for (let i = 0; i < all.values.length; i++) {
        if (Number.isNaN(all.values[i]))
            continue;
        all.ts[numeric] = all.ts[i];
        all.values[numeric++] = all.values[i];
    }
    const points = { ts: all.ts.subarray(0, numeric), values: all.values.subarray(0, numeric) };
    return { counts, values: windowAggregates(points, windows, kind), skippedValues: all.values.length - numeric };
}

// EXTERNAL MODULE: ./src/logs/log-file.ts
var log_file = __webpack_require__(8960);
// EXTERNAL MODULE: ./src/logs/scan/block-scanner.ts
var block_scanner = __webpack_require__(1491);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./src/logs/scan/order.ts


const PROBE_BYTES = 64 * 1024;
const PROBE_BUDGET = log_file/* MAX_LINE_BYTES */.O * 2 + PROBE_BYTES;
const SPREAD_PROBES = 32;
/** The binary search stops when the start point is known to within this many bytes. */
const CLOSE_ENOUGH = 256 * 1024;
/** The first readable line starting after `offset` (at it, when offset is 0), or null within the budget. */
async function probeAt(fh, size, offset, parseLine) {
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
        let i;
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
                const rec = parseLine(data.toString('utf8', i, nl));
                if (rec)
                    return { start: dataStart + i, ts: rec.ts };
            }
            i = nl + 1;
            lineStart = dataStart + i;
        }
        carry = Buffer.from(data.subarray(i));
        if (pos >= size && carry.length > 0 && carry.length <= log_file/* MAX_LINE_BYTES */.O) {
            const rec = parseLine(carry.toString('utf8'));
            if (rec)
                return { start: lineStart, ts: rec.ts };
        }
    }
    return null;
}
const defaultFormat = (0,formats_source/* createLineFormat */.mc)({});
const defaultParse = (text) => defaultFormat.parse(text);
/**
 * Where a read for entries after `fromMs` can start, or null when the probes show the file is not
 * ordered within `slackMs` (or cannot tell), in which case the caller scans it whole.
 */
async function findStart(fh, size, fromMs, slackMs, closeEnough = CLOSE_ENOUGH, parseLine = defaultParse) {
    const target = fromMs - slackMs;
    const probes = new Map();
    const probe = async (offset) => {
        const p = await probeAt(fh, size, offset, parseLine);
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
    let spec = small ? { ...wanted, checkEveryLine: true } : wanted;
    if (gz)
        return { result: await scanStream((0,log_file/* openFile */.T)(path), spec, opts.onBytes), skippedBytes: 0 };
    const fh = await (0,promises_.open)(path, 'r');
    let start = null;
    try {
        // Ranges, probes and worker threads all read with one format: detect it from the head once, here.
        const reference = Number.isFinite(spec.toMs) ? { referenceMs: spec.toMs } : {};
        const format = { ...reference, ...spec.format };
        const head = Buffer.alloc(Math.min(size, block_scanner/* SAMPLE_BYTES */.Z5 + 1));
        const { bytesRead } = await fh.read(head, 0, head.length, 0);
        const got = (0,formats_source/* resolveFormat */.ey)(format, (0,block_scanner/* sampleLines */.Mq)(head.subarray(0, bytesRead)));
        spec = { ...spec, format: { ...got.spec, sample: got.sample } };
        if (size >= seekMin && Number.isFinite(spec.fromMs)) {
            const probe = (0,formats_source/* createLineFormat */.mc)(spec.format);
            start = await findStart(fh, size, spec.fromMs, slackMs, opts.seekPrecisionBytes, (text) => probe.parse(text));
        }
    }
    finally {
        await fh.close();
    }
    if (!start || start.offset === 0)
        return { result: await scanWhole(path, 0, size, spec, opts), skippedBytes: 0 };
    const tail = await (0,range/* scanRange */.x)(path, start.offset, size, spec, opts.onBytes, new block_scanner/* BlockScanner */.MZ(spec, slackMs, start.maxTsBefore));
    if (!tail.disordered)
        return { result: tail, skippedBytes: start.offset };
    // The order broke after the start point, so the head cannot be trusted either: read it too.
    const head = await scanWhole(path, 0, start.offset, spec, opts);
    return { result: (0,block_scanner/* mergeResults */.n0)(head, tail, spec.groupLimit), skippedBytes: 0 };
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
                await scanSource(source, spec, opts, (result, sourceStats) => {
                    streamed.push(result.times);
                    stats.push(sourceStats);
                });
            }
            countWindows(streamed, query.levels, query.windows).forEach((row, i) => row.forEach((n, j) => (counts[i][j] += n)));
            return { counts, stats };
        },
    };
}
/**
 * Series counts over every source (SeriesQuery, src/model/series.ts): files, stdin and URLs are read
 * ONCE for all series — each line parsed at most once, every series' filter applied to the parsed
 * entry, entries kept per series and group — then counted per window. Groups are bounded per series
 * (query.groupLimit); the rest are reported in truncatedGroups.
 */
function createSeriesProvider(sources, opts) {
    const levels = createCountProvider(sources, opts);
    return {
        count: (query) => levels.count(query),
        async countSeries(query) {
            const chosen = sources.filter((s) => !query.sources || query.sources.includes(s.name));
            const groupLimit = query.groupLimit ?? model_series/* DEFAULT_GROUP_LIMIT */.EW;
            const stats = [];
            const empty = () => query.series.map((spec) => ({
                groups: spec.groupBy?.length ? [] : [{ key: [], counts: query.windows.map(() => 0) }],
                truncatedGroups: 0,
            }));
            if (query.windows.length === 0 || query.series.length === 0)
                return { series: empty(), stats };
            const scans = query.series.map(block_scanner/* emptySeriesScan */.CD);
            const fromStores = [];
            const spec = {
                levels: [],
                series: query.series,
                groupLimit,
                fromMs: Math.min(...query.windows.map((w) => w.fromMs)),
                toMs: Math.max(...query.windows.map((w) => w.toMs)),
                checkEveryLine: opts.scan?.checkEveryLine,
            };
            for (const source of chosen) {
                if (source.kind === 'postgres' || source.kind === 'clickhouse') {
                    fromStores.push(await storeSeries(source, query, groupLimit, opts.env));
                    stats.push({ source: source.name, linesRead: 0, unreadable: 0 });
                    continue;
                }
                await scanSource(source, spec, opts, (result, sourceStats) => {
                    (0,block_scanner/* mergeSeriesScans */.IP)(scans, result.series, groupLimit);
                    stats.push(sourceStats);
                });
            }
            const series = scans.map((scan, i) => countScan(scan, query.series[i], query.windows));
            for (const part of fromStores)
                addSeriesCounts(series, part, query.series, groupLimit);
            return { series, stats };
        },
    };
}
async function storeSeries(source, query, groupLimit, env) {
    const { countSeriesInStore } = await __webpack_require__.e(/* import() */ 330).then(__webpack_require__.bind(__webpack_require__, 1330));
    return countSeriesInStore(source, { series: query.series, windows: query.windows, groupLimit }, env);
}
/**
 * Reads one file/stdin/URL source (every file of a glob) with the scan spec, in its format and zone,
 * handing each stream's result and stats to `done`. A source that cannot be read is an error naming
 * it (exit 2); a mostly unreadable one too when on_unreadable (or the run) says `error`.
 */
async function scanSource(source, spec, opts, done) {
    const format = 'format' in source || 'timezone' in source ? (0,formats_source/* formatSpecOf */.M7)(source.format, source.timezone) : undefined;
    const sourceSpec = format ? { ...spec, format } : spec;
    for (const { label, open, path } of await streamsOf(source, opts)) {
        try {
            // The total is known for plain files (a .gz's size is not its decompressed size).
            const bytesTotal = path && !path.endsWith('.gz') && opts.onProgress ? (await (0,promises_.stat)(path)).size : undefined;
            const onBytes = (n) => opts.onProgress?.({ source: label, bytesRead: n, ...(bytesTotal !== undefined ? { bytesTotal } : {}) });
            // Files may be sought in (ordered) and are read by byte ranges; other streams pass through the prefilter.
            const got = path
                ? await scanFile(path, sourceSpec, { ...opts.scan, onBytes })
                : { result: await scanStream(await open(), sourceSpec, onBytes), skippedBytes: 0 };
            const sourceStats = (0,block_scanner/* toStats */.jg)(label, got.result, got.skippedBytes, 'timezone' in source && source.timezone !== undefined);
            done(got.result, sourceStats);
            if (sourceStats.mostlyUnreadable &&
                (opts.onUnreadable ?? ('on_unreadable' in source ? source.on_unreadable : undefined)) === 'error') {
                throw new errors/* UserError */.yo((0,formats_report/* unreadableMessage */.Pr)(source.name, sourceStats), { exitCode: errors/* EXIT */.dc.badInput });
            }
        }
        catch (err) {
            if (err instanceof errors/* UserError */.yo)
                throw err;
            throw new errors/* UserError */.yo(`log source "${source.name}" (${label}) could not be read: ${(0,errors/* errorMessage */.gJ)(err)}`, {
                exitCode: errors/* EXIT */.dc.badInput,
                cause: err,
            });
        }
    }
}
/** One series' scanned timestamps as counts per group and window (binary search over each group's sorted times). */
function countScan(scan, spec, windows) {
    const grouped = Boolean(spec.groupBy?.length);
    const groups = [...scan.groups].map(([key, ts]) => {
        const vals = scan.values?.get(key);
        if (!vals || !spec.value) {
            const sorted = Float64Array.from(ts).sort();
            return { key: JSON.parse(key), counts: windows.map((w) => (0,model_window/* countInWindow */.xd)(sorted, w)) };
        }
        // Value series: counts and the exact aggregate of the numeric values per window (src/logs/values.ts).
        return { key: JSON.parse(key), ...valueGroup(ts, vals, windows, spec.value.aggregate) };
    });
    if (!grouped && groups.length === 0)
        groups.push({ key: [], counts: windows.map(() => 0), ...(spec.value ? { values: windows.map(() => null), skippedValues: 0 } : {}) });
    // The contract: a grouped series lists the groups with an entry in some window (not merely in the span).
    return {
        groups: grouped ? groups.filter((g) => g.counts.some((n) => n > 0)) : groups,
        truncatedGroups: scan.dropped.size + scan.droppedOverflow,
    };
}
/** Adds a store's series counts into the file sources' (groups matched by key; new groups within the limit). */
function addSeriesCounts(into, part, specs, groupLimit) {
    part.forEach((p, i) => {
        const target = into[i];
        const byKey = new Map(target.groups.map((g) => [JSON.stringify(g.key), g]));
        for (const g of p.groups) {
            const have = byKey.get(JSON.stringify(g.key));
            if (have && specs[i].value) {
                if (have.values?.some((v) => v !== null) && g.values?.some((v) => v !== null))
                    throw new errors/* UserError */.yo('a value rule cannot combine file and database sources (an aggregate such as p95 is not additive); give it sources: of one kind', { exitCode: errors/* EXIT */.dc.badInput });
                if (g.values?.some((v) => v !== null))
                    have.values = [...g.values];
                have.skippedValues = (have.skippedValues ?? 0) + (g.skippedValues ?? 0);
            }
            if (have)
                have.counts = have.counts.map((n, j) => n + (g.counts[j] ?? 0));
            else if (specs[i].groupBy?.length && target.groups.length >= groupLimit)
                target.truncatedGroups++;
            else {
                target.groups.push({ ...g, counts: [...g.counts] });
                byKey.set(JSON.stringify(g.key), target.groups.at(-1));
            }
        }
        target.truncatedGroups += p.truncatedGroups;
    });
}
async function streamsOf(source, opts) {
    if (source.kind === 'stdin')
        return [{ label: 'stdin', open: () => Promise.resolve(process.stdin) }];
    if ('url' in source) {
        const token = source.token_env ? opts.env[source.token_env] : undefined;
        if (source.token_env && !token)
            throw new errors/* UserError */.yo(`log source "${source.name}": env ${source.token_env} is not set`, { exitCode: errors/* EXIT */.dc.badInput });
        return [{ label: (0,redact/* redactUrl */.BO)(source.url), open: () => openUrl(source.url, token, opts.env) }];
    }
    if ('path' in source) {
        const paths = await expandPath((0,external_node_path_.isAbsolute)(source.path) ? source.path : (0,external_node_path_.join)(opts.baseDir, source.path));
        if (paths.length === 0)
            throw new errors/* UserError */.yo(`log source "${source.name}": no file matches ${source.path}`, { exitCode: errors/* EXIT */.dc.badInput });
        return paths.map((p) => ({ label: p, path: p, open: () => Promise.resolve((0,log_file/* openFile */.T)(p)) }));
    }
    throw new errors/* UserError */.yo(`log source "${source.name}" has an unsupported kind`, { exitCode: errors/* EXIT */.dc.badInput });
}
/** A path, or a pattern with * and ? in its last segment (logs/*.log, logs/app-*.log.gz). */
async function expandPath(path) {
    const name = (0,external_node_path_.basename)(path);
    if (!/[*?]/.test(name))
        return [path];
    if (/[*?]/.test((0,external_node_path_.dirname)(path)))
        throw new errors/* UserError */.yo(`wildcards are supported in the file name only: ${path}`, { exitCode: errors/* EXIT */.dc.badInput });
    const re = new RegExp(`^${name
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '[^/]*')
        .replace(/\?/g, '[^/]')}$`);
    let names;
    try {
        names = await (0,promises_.readdir)((0,external_node_path_.dirname)(path));
    }
    catch (err) {
        throw new errors/* UserError */.yo(`cannot list ${(0,external_node_path_.dirname)(path)}: ${(0,errors/* errorMessage */.gJ)(err)}`, { exitCode: errors/* EXIT */.dc.badInput, cause: err });
    }
    return names
        .filter((n) => re.test(n))
        .sort()
        .map((n) => (0,external_node_path_.join)((0,external_node_path_.dirname)(path), n));
}
/**
 * Streams a URL (never downloaded whole) through the toolkit's outbound HTTP helper (proxy from the
 * environment; 30 s for the answer, then 30 s at most without a byte); a body cut short surfaces as
 * an error, not as fewer lines.
 */
async function openUrl(url, token, env) {
    const res = await (0,http/* requestStream */.yH)(new URL(url), { headers: token ? { authorization: `Bearer ${token}` } : {}, timeoutMs: 30_000, env });
    if (res.status < 200 || res.status >= 300) {
        res.body.resume();
        throw new Error(`HTTP ${res.status}`);
    }
    if (!url.split('?')[0].endsWith('.gz'))
        return res.body;
    const gunzip = (0,external_node_zlib_.createGunzip)();
    res.body.on('error', (err) => gunzip.destroy(err));
    return res.body.pipe(gunzip);
}


/***/ }),

/***/ 5197:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MF: () => (/* binding */ windowAt),
/* harmony export */   rn: () => (/* binding */ upperBound),
/* harmony export */   xd: () => (/* binding */ countInWindow)
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
/** Index of the first element greater than x in an ascending array. */
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

/***/ 2026:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  A: () => (/* binding */ loadRules),
  N: () => (/* binding */ parseRules)
});

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/util/read-file.ts
var read_file = __webpack_require__(5201);
// EXTERNAL MODULE: ./src/rules/schema.ts
var schema = __webpack_require__(7776);
;// CONCATENATED MODULE: ./src/rules/yaml-subset.ts
/**
 * A fast reader for the plain subset of YAML that rule files are written in (issue 12 item 8): block
 * mappings and sequences, single-line plain, single-quoted and double-quoted (no escapes) scalars,
 * and single-line flow sequences and mappings of those, with comments. Scalars resolve exactly as the
 * `yaml` package's YAML 1.2 core schema does (`yes`/`no` are strings, `0755` is 755, `0o755` is 493,
 * `~` is null, …), and the data is exactly what `parse(text, { uniqueKeys: true })` returns.
 *
 * It never guesses: anything outside the subset — anchors, aliases, tags, block scalars, multi-line
 * scalars or flows, escapes, tabs, CR, control characters, directives, document markers, duplicate
 * keys, keys that are not plain names, odd indentation, every construct the `yaml` package reports an
 * error or warning for — returns `undefined`, and the caller reads the file with the `yaml` package,
 * which then produces its usual data or its usual error message. test/rules/yaml-subset.test.ts
 * compares the two on every rule file in the repository, on edge cases and on generated documents.
 */
/** Characters that make a file leave the subset wherever they are. */
const OUTSIDE = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/;
/** A lone surrogate (a pair, an emoji say, is fine). */
const LONE_SURROGATE = /[\ud800-\udfff]/u;
/** Keys the subset reads: plain names that the core schema resolves to themselves. */
const KEY = /[A-Za-z_][A-Za-z0-9_.-]*/y;
const NOT_STRING_KEYS = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL', '__proto__']);
class OutsideSubset extends Error {
}
const outside = () => {
    throw new OutsideSubset();
};
/** The plain name starting at `p`, or undefined. */
function keyAt(line, p) {
    KEY.lastIndex = p;
    const m = KEY.exec(line);
    return m === null ? undefined : m[0];
}
/** The data of `text` when it is inside the subset, else undefined (read it with the `yaml` package). */
function readYamlSubset(text) {
    if (OUTSIDE.test(text) || LONE_SURROGATE.test(text))
        return undefined;
    try {
        const reader = new Reader(text);
        return reader.document();
    }
    catch (err) {
        if (err instanceof OutsideSubset)
            return undefined;
        throw err;
    }
}
/** The core schema's resolution of a plain scalar (node_modules/yaml/dist/schema/core, in its order). */
function resolvePlain(s) {
    const c = s.charCodeAt(0);
    // A plain scalar that starts with a letter other than n N t T f F is a string (the common case).
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
        if (c !== 110 && c !== 78 && c !== 116 && c !== 84 && c !== 102 && c !== 70)
            return s;
    }
    if (/^(?:~|[Nn]ull|NULL)?$/.test(s))
        return null;
    if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s))
        return s[0] === 't' || s[0] === 'T';
    if (/^0o[0-7]+$/.test(s))
        return parseInt(s.substring(2), 8);
    if (/^[-+]?[0-9]+$/.test(s))
        return parseInt(s, 10);
    if (/^0x[0-9a-fA-F]+$/.test(s))
        return parseInt(s.substring(2), 16);
    if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s))
        return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s))
        return parseFloat(s);
    if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s))
        return parseFloat(s);
    return s;
}
const SPACE = 32;
const HASH = 35;
const COLON = 58;
const DASH = 45;
/** Whether a plain scalar may start with this character (YAML 1.2: not an indicator, `-?:` only before a non-space). */
function plainStart(line, p) {
    const c = line.charCodeAt(p);
    switch (c) {
        case 44: // ,
        case 91: // [
        case 93: // ]
        case 123: // {
        case 125: // }
        case HASH:
        case 38: // &
        case 42: // *
        case 33: // !
        case 124: // |
        case 62: // >
        case 39: // '
        case 34: // "
        case 37: // %
        case 64: // @
        case 96: // `
            return false;
        case DASH:
        case 63: // ?
        case COLON: {
            const next = line.charCodeAt(p + 1);
            return !Number.isNaN(next) && next !== SPACE;
        }
        default:
            return true;
    }
}
class Reader {
    lines;
    /** Per line: the column where its content starts (a sequence item's `- ` counts as indentation). */
    indent;
    /** The current line (always a significant one: not blank, not a comment line), or lines.length. */
    i = 0;
    constructor(text) {
        this.lines = text.split('\n');
        this.indent = new Array(this.lines.length);
        for (let k = 0; k < this.lines.length; k++) {
            const line = this.lines[k];
            let p = 0;
            while (line.charCodeAt(p) === SPACE)
                p++;
            // Blank and comment lines: -1, skipped wherever they are.
            this.indent[k] = p === line.length || line.charCodeAt(p) === HASH ? -1 : p;
            if (p === 0 && (line.startsWith('---') || line.startsWith('...') || line.startsWith('%')))
                outside();
        }
        this.skip();
    }
    skip() {
        while (this.i < this.lines.length && this.indent[this.i] === -1)
            this.i++;
    }
    next() {
        this.i++;
        this.skip();
    }
    get done() {
        return this.i >= this.lines.length;
    }
    document() {
        // The top level of a rule file is a block mapping at column 0; anything else is read by the yaml package.
        if (this.done || this.indent[this.i] !== 0)
            outside();
        const data = this.blockMap(0);
        if (!this.done)
            outside();
        return data;
    }
    isSeqItem(k) {
        const line = this.lines[k];
        const p = this.indent[k];
        return line.charCodeAt(p) === DASH && (p + 1 === line.length || line.charCodeAt(p + 1) === SPACE);
    }
    blockMap(indent) {
        const map = {};
        while (!this.done) {
            const at = this.indent[this.i];
            if (at < indent)
                break;
            if (at > indent || this.isSeqItem(this.i))
                outside();
            const line = this.lines[this.i];
            const key = keyAt(line, at);
            if (key === undefined)
                return outside();
            let p = at + key.length;
            if (key.length > 1000 || NOT_STRING_KEYS.has(key) || Object.hasOwn(map, key) || line.charCodeAt(p) !== COLON)
                outside();
            p++;
            if (p < line.length && line.charCodeAt(p) !== SPACE)
                outside();
            while (line.charCodeAt(p) === SPACE)
                p++;
            if (p === line.length || line.charCodeAt(p) === HASH) {
                // `key:` alone: a nested block (deeper, or a sequence at the key's own column), else null.
                this.next();
                if (!this.done && this.indent[this.i] > indent) {
                    map[key] = this.isSeqItem(this.i) ? this.blockSeq(this.indent[this.i]) : this.blockMap(this.indent[this.i]);
                }
                else if (!this.done && this.indent[this.i] === indent && this.isSeqItem(this.i)) {
                    map[key] = this.blockSeq(indent);
                }
                else
                    map[key] = null;
                continue;
            }
            map[key] = this.inlineValue(line, p);
            this.next();
            // A deeper line after a value would continue a multi-line scalar (or be an error): not the subset.
            if (!this.done && this.indent[this.i] > indent)
                outside();
        }
        return map;
    }
    blockSeq(indent) {
        const seq = [];
        while (!this.done) {
            const at = this.indent[this.i];
            if (at < indent)
                break;
            if (at > indent)
                outside();
            if (!this.isSeqItem(this.i))
                break; // the parent mapping's next key, at the same column
            const line = this.lines[this.i];
            let p = at + 1;
            while (line.charCodeAt(p) === SPACE)
                p++;
            if (p === line.length || line.charCodeAt(p) === HASH)
                outside();
            if (line.charCodeAt(p) === DASH && (p + 1 === line.length || line.charCodeAt(p + 1) === SPACE))
                outside();
            if (this.startsCompactMap(line, p)) {
                // `- key: …`: a mapping whose column is the key's; the dash counts as indentation.
                this.indent[this.i] = p;
                seq.push(this.blockMap(p));
                continue;
            }
            seq.push(this.inlineValue(line, p));
            this.next();
            if (!this.done && this.indent[this.i] > indent)
                outside();
        }
        return seq;
    }
    /** `name:` followed by a space or the end of the line. */
    startsCompactMap(line, p) {
        const key = keyAt(line, p);
        if (key === undefined)
            return false;
        const q = p + key.length;
        return line.charCodeAt(q) === COLON && (q + 1 === line.length || line.charCodeAt(q + 1) === SPACE);
    }
    /** A value that starts at `p` and ends the line (an optional ` # comment` after it). */
    inlineValue(line, p) {
        const c = line.charCodeAt(p);
        let value;
        let end;
        if (c === 34 || c === 39 || c === 91 || c === 123) {
            [value, end] = flowValue(line, p);
            let q = end;
            while (line.charCodeAt(q) === SPACE)
                q++;
            if (q < line.length && !(line.charCodeAt(q) === HASH && q > end))
                outside();
            return value;
        }
        if (!plainStart(line, p))
            outside();
        // A block plain scalar runs to the end of the line or a ` #` comment.
        const hash = line.indexOf(' #', p);
        const s = trimSpaces(hash === -1 ? line.slice(p) : line.slice(p, hash));
        if (s.includes(': ') || s.endsWith(':'))
            outside();
        return resolvePlain(s);
    }
}
/** A scalar or flow collection in flow context (or a quoted scalar / flow in block context), on one line: [value, end]. */
function flowValue(line, p) {
    const c = line.charCodeAt(p);
    if (c === 34) {
        // Double-quoted without escapes.
        const close = line.indexOf('"', p + 1);
        if (close === -1)
            outside();
        const s = line.slice(p + 1, close);
        if (s.includes('\\'))
            outside();
        return [s, close + 1];
    }
    if (c === 39) {
        let s = '';
        let q = p + 1;
        for (;;) {
            const close = line.indexOf("'", q);
            if (close === -1)
                outside();
            s += line.slice(q, close);
            if (line.charCodeAt(close + 1) === 39) {
                s += "'";
                q = close + 2;
            }
            else
                return [s, close + 1];
        }
    }
    if (c === 91) {
        const seq = [];
        let q = skipSpaces(line, p + 1);
        if (line.charCodeAt(q) === 93)
            return [seq, q + 1];
        for (;;) {
            const [v, end] = flowItem(line, q);
            seq.push(v);
            q = skipSpaces(line, end);
            const d = line.charCodeAt(q);
            if (d === 93)
                return [seq, q + 1];
            if (d !== 44)
                outside();
            q = skipSpaces(line, q + 1);
            if (line.charCodeAt(q) === 93)
                outside(); // a trailing comma
        }
    }
    if (c === 123) {
        const map = {};
        let q = skipSpaces(line, p + 1);
        if (line.charCodeAt(q) === 125)
            return [map, q + 1];
        for (;;) {
            let key;
            if (line.charCodeAt(q) === 34) {
                const [k, end] = flowValue(line, q);
                key = k;
                if (line.charCodeAt(end) !== COLON)
                    outside();
                q = end + 1;
            }
            else {
                const k = keyAt(line, q);
                if (k === undefined)
                    return outside();
                key = k;
                q += key.length;
                if (line.charCodeAt(q) !== COLON || line.charCodeAt(q + 1) !== SPACE)
                    outside();
                q++;
            }
            if (key.length > 1000 || NOT_STRING_KEYS.has(key) || Object.hasOwn(map, key))
                outside();
            q = skipSpaces(line, q);
            const [v, end] = flowItem(line, q);
            map[key] = v;
            q = skipSpaces(line, end);
            const d = line.charCodeAt(q);
            if (d === 125)
                return [map, q + 1];
            if (d !== 44)
                outside();
            q = skipSpaces(line, q + 1);
            if (line.charCodeAt(q) === 125)
                outside(); // a trailing comma
        }
    }
    return outside();
}
/** An item of a flow collection: a quoted scalar, a flow collection, or a plain scalar without `:` or `#`. */
function flowItem(line, p) {
    const c = line.charCodeAt(p);
    if (c === 34 || c === 39 || c === 91 || c === 123)
        return flowValue(line, p);
    if (p >= line.length || !plainStart(line, p))
        outside();
    let q = p;
    for (; q < line.length; q++) {
        const d = line.charCodeAt(q);
        if (d === 44 || d === 93 || d === 125 || d === 91 || d === 123)
            break;
        if (d === COLON || d === HASH)
            outside();
    }
    const s = trimSpaces(line.slice(p, q));
    if (s === '')
        outside();
    return [resolvePlain(s), q];
}
function skipSpaces(line, p) {
    while (line.charCodeAt(p) === SPACE)
        p++;
    return p;
}
/** Trailing spaces off (only spaces: YAML does not trim other whitespace, and tabs are outside the subset). */
function trimSpaces(s) {
    let end = s.length;
    while (end > 0 && s.charCodeAt(end - 1) === SPACE)
        end--;
    return end === s.length ? s : s.slice(0, end);
}

;// CONCATENATED MODULE: ./src/rules/load.ts





/**
 * Reads a rule file (YAML, which includes JSON) and validates it with the one schema.
 * Every problem is reported with the file, the rule (index and name) and the field, and
 * all problems at once, so a user fixes the file in one pass. Bad input exits 2.
 */
async function loadRules(path) {
    return parseRules(await (0,read_file/* readInputFile */.j)(path, 'rule file', 'utf8'), path);
}
function parseRules(text, path) {
    let data;
    try {
        data = readYaml(text);
    }
    catch (err) {
        throw new errors/* UserError */.yo(`rule file ${path} is not valid YAML/JSON: ${err.message}`, { exitCode: errors/* EXIT */.dc.badInput });
    }
    const parsed = schema/* RulesFileSchema */.FE.safeParse(data);
    if (parsed.success)
        return parsed.data;
    const lines = parsed.error.issues.map((issue) => `  - ${describePath(issue.path, data)}: ${describeIssue(issue)}`);
    throw new errors/* UserError */.yo(`rule file ${path} is invalid:\n${lines.join('\n')}`, { exitCode: errors/* EXIT */.dc.badInput });
}
/**
 * The file's data. A file in the plain subset rule files are written in (src/rules/yaml-subset.ts) is
 * read by the fast reader, whose data is exactly the `yaml` package's (~10× faster on 10,000 rules,
 * docs/performance-evaluate.md). Any other file goes to the `yaml` package: a clean one is read
 * without `prettyErrors` (its per-node source tracking costs ~20% of the parse); a file with any error
 * or warning is read again with the original options, so what is printed or thrown is exactly what it
 * always was.
 */
function readYaml(text) {
    const fast = readYamlSubset(text);
    if (fast !== undefined)
        return fast;
    const doc = (0,dist/* parseDocument */.Tp)(text, { prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length > 0 || doc.warnings.length > 0)
        return (0,dist/* parse */.qg)(text, { prettyErrors: true, uniqueKeys: true });
    return doc.toJS();
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


/***/ }),

/***/ 7398:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  XJ: () => (/* binding */ StateSchema),
  p$: () => (/* binding */ emptyState)
});

// UNUSED EXPORTS: InstanceStateSchema, instanceKey, neededVersion

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 6 modules
var schemas = __webpack_require__(0);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/api.js
var api = __webpack_require__(3759);
;// CONCATENATED MODULE: ./node_modules/zod/v4/classic/iso.js



function datetime(params) {
    return api/* _isoDateTime */.G1(schemas/* ZodISODateTime */.You, params);
}
function date(params) {
    return core._isoDate(ZodISODate, params);
}
function time(params) {
    return core._isoTime(ZodISOTime, params);
}
function duration(params) {
    return core._isoDuration(ZodISODuration, params);
}

;// CONCATENATED MODULE: ./src/state/migrate.ts
/**
 * Migrations of the stored state, applied to the parsed JSON before it is validated (src/state/schema.ts).
 *
 * - Version 1 (releases up to 1.0): `rules[id] = { last_triggered_at }`. Version 2 keeps that field with
 *   the same meaning (the dedup time of an ungrouped rule without lifecycle fields) and adds the optional
 *   `rules[id].instances`, so a version 1 file is already a valid version 2 state: the migration keeps
 *   every last_triggered_at as it is and adds nothing. The version number is then set from the content
 *   (still 1 until a rule stores instances), so migrating never rewrites a file that needs no change.
 * - Any other version is left for the schema to refuse with a clear message (a newer release's file is
 *   never guessed at or reset: a reset would forget the dedup times and re-fire every rule).
 */
function migrateStoredState(data) {
    if (!isObject(data))
        return data;
    switch (data.version) {
        case 1:
            return fromV1(data);
        default:
            return data;
    }
}
function fromV1(data) {
    // No field is renamed or moved: v1 rule entries are v2 rule entries without instances.
    return data;
}
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}

;// CONCATENATED MODULE: ./src/state/schema.ts


/**
 * The state carried between scheduled runs (one JSON file). Holds no secrets and
 * no webhook URLs (only their SHA-256, so a changed URL is noticed and re-enables delivery).
 *
 * Versions (docs/lifecycle.md, "State file"): version 1 holds one last_triggered_at per rule; version 2
 * adds per-instance state (`rules[id].instances[<group key>]`) for grouped rules and lifecycle rules.
 * Every version 1 file is a version 2 file without instances (src/state/migrate.ts). A state that
 * needs no instance is written as version 1, byte for byte as before, so older releases keep reading
 * it; the version is raised to 2 only when some rule stores instances.
 */
const WebhookStateSchema = schemas/* object */.Ikc({
    url_sha256: schemas/* string */.YjP().regex(/^[0-9a-f]{64}$/),
    active: schemas/* boolean */.zMY(),
    consecutive_failures: schemas/* number */.aig().int().min(0),
    disabled_at: datetime().nullable().default(null),
})
    .strict();
const INSTANCE_STATUSES = ['ok', 'pending', 'firing'];
/**
 * One alert instance of a rule: the rule itself (ungrouped, key "[]") or one group of a grouped rule.
 * Grouped rules without lifecycle fields store only `group` and `last_triggered_at` (per-group dedup);
 * lifecycle rules add the rest.
 */
const InstanceStateSchema = schemas/* object */.Ikc({
    /** The group's field values ({} for an ungrouped rule); null where the entries had no such field. */
    group: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP().nullable()),
    /** The last fire of this instance (dedup for rules without lifecycle fields). */
    last_triggered_at: datetime().nullable(),
    /** Lifecycle rules: where the instance is. Resolved instances are back to ok. */
    status: schemas/* enum */.k5n(INSTANCE_STATUSES).optional(),
    /** When the current status began (for firing: the tick it fired; for pending: the first tick the condition held). */
    since: datetime().nullable().optional(),
    /** Consecutive ticks the condition has held while pending. */
    pending_count: schemas/* number */.aig().int().min(0).optional(),
    /** The last fire or re-notification sent for this instance. */
    last_notified_at: datetime().nullable().optional(),
    /** match_count of that fire (a resolve repeats the fired body). */
    fired_match_count: schemas/* number */.aig().int().min(0).nullable().optional(),
    /** Whether some fire of the current incident reached a channel; a resolve is sent only when one did (null: not known yet). */
    fire_delivered: schemas/* boolean */.zMY().nullable().optional(),
    /** The count, ratio or aggregate at the last evaluated tick (null: no data). */
    last_value: schemas/* number */.aig().nullable().optional(),
})
    .strict();
const RuleStateSchema = schemas/* object */.Ikc({
    last_triggered_at: datetime().nullable(),
    /** Version 2: per-instance state, keyed by the group key as JSON (an array of the group_by values, "[]" when ungrouped). */
    instances: schemas/* record */.g1P(schemas/* string */.YjP(), InstanceStateSchema).optional(),
})
    .strict();
const StateShape = schemas/* object */.Ikc({
    version: schemas/* union */.KCZ([schemas/* literal */.euz(1), schemas/* literal */.euz(2)], {
        error: 'unsupported state version (this release reads versions 1 and 2; was the file written by a newer release?)',
    }),
    /** The last evaluation tick completed; the next run catches up from here. */
    last_evaluated_at: datetime().nullable(),
    rules: schemas/* record */.g1P(schemas/* uuid */.uRe(), RuleStateSchema),
    webhooks: schemas/* record */.g1P(schemas/* uuid */.uRe(), WebhookStateSchema),
})
    .strict();
/**
 * Parses a stored state of any supported version (migrating older ones) and normalises the version to
 * what the content needs: 1 when no rule has instances (empty `instances` are dropped), else 2. Used
 * both when loading and before saving, so a state without instances always stores as version 1.
 */
const StateSchema = schemas/* preprocess */.vkY(migrateStoredState, StateShape).transform(normalizeVersion);
const emptyState = () => ({ version: 1, last_evaluated_at: null, rules: {}, webhooks: {} });
/** The version a state needs: 2 when some rule stores instances, else 1. */
function neededVersion(state) {
    for (const r of Object.values(state.rules))
        if (r.instances && Object.keys(r.instances).length > 0)
            return 2;
    return 1;
}
function normalizeVersion(state) {
    const rules = {};
    for (const [id, r] of Object.entries(state.rules)) {
        if (r.instances && Object.keys(r.instances).length === 0) {
            const { instances: _drop, ...rest } = r;
            rules[id] = rest;
        }
        else
            rules[id] = r;
    }
    return { version: neededVersion({ rules }), last_evaluated_at: state.last_evaluated_at, rules, webhooks: state.webhooks };
}
/** The key of an instance in `rules[id].instances`: the group_by values as a JSON array ("[]" ungrouped). */
function instanceKey(key) {
    return JSON.stringify(key);
}


/***/ }),

/***/ 4520:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ sortByText)
/* harmony export */ });
/**
 * Sorts `items` in place, stably, by a text key in `localeCompare` order: the same result as
 * `items.sort((a, b) => key(a).localeCompare(key(b)))`, with one `localeCompare` per pair of distinct
 * keys' neighbours instead of per comparison. Decisions are sorted by their tick's time, and a run of
 * 10,000 rules has tens of thousands of decisions over a handful of ticks (issue 12 item 8).
 */
function sortByText(items, key) {
    const distinct = [...new Set(items.map(key))].sort((a, b) => a.localeCompare(b));
    // Keys the collation finds equal share a rank, as they would compare 0.
    const rank = new Map();
    let r = 0;
    distinct.forEach((k, i) => {
        if (i > 0 && distinct[i - 1].localeCompare(k) !== 0)
            r++;
        rank.set(k, r);
    });
    return items.sort((a, b) => rank.get(key(a)) - rank.get(key(b)));
}


/***/ })

};
