export const id = 975;
export const ids = [975];
export const modules = {

/***/ 9975:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createDeliverer: () => (/* binding */ createDeliverer)
});

// EXTERNAL MODULE: ./src/rules/schema.ts
var schema = __webpack_require__(7776);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
;// CONCATENATED MODULE: ./src/deliver/channel.ts
function outcome(d, channel, rest) {
    return {
        rule_id: d.rule.id,
        rule_name: d.rule.name,
        channel,
        triggered_at: d.triggered_at,
        ...(d.event === 'alert.resolved' ? { event: d.event, resolved_at: d.resolved_at } : {}),
        ...(d.group ? { group: d.group } : {}),
        attempts: 0,
        ...rest,
    };
}
/** The host a URL talks to (host:port), the key of the per-host bound. */
function hostKey(url) {
    try {
        return new URL(url).host.toLowerCase();
    }
    catch {
        return url;
    }
}

;// CONCATENATED MODULE: ./src/deliver/lifecycle-payload.ts
/**
 * The payload parts of the alert lifecycle (docs/lifecycle.md), only on rules and decisions that use
 * them: a value rule's fire adds `value`, `aggregate`, `field`; a resolve is the fired body plus
 * `resolved_at`, `value` (at the resolving tick) and `group` (grouped rules). A decision without these
 * fields gets nothing here, so its payload stays byte for byte the seed's.
 */
function lifecycleBodyFields(d) {
    const out = {};
    const v = d.rule.value;
    if (v)
        Object.assign(out, { value: d.value ?? null, aggregate: v.aggregate, field: v.field });
    if (isResolve(d))
        Object.assign(out, { resolved_at: d.resolved_at, value: d.value ?? null, ...(d.group ? { group: d.group } : {}) });
    return out;
}
const isResolve = (d) => d.event === 'alert.resolved';
/** The event name of a delivery: x-krafter-event, the push event, the email's X-Alert-Event. */
const eventName = (d) => d.event ?? 'alert.triggered';
const levelOf = (d) => {
    const l = d.rule.level;
    return Array.isArray(l) ? l.join('/') : typeof l === 'string' ? l : 'any level';
};
const groupText = (g) => Object.entries(g)
    .map(([k, v]) => `${k}=${v ?? '(none)'}`)
    .join(', ');
const fmt = (n) => (n === null || n === undefined ? 'no data' : String(Number(n.toPrecision(12))));
/** "p95 of duration_ms" or "12 error entries". */
function measured(d, value, count) {
    const v = d.rule.value;
    if (v)
        return `${v.aggregate} of ${v.field} ${fmt(value)}`;
    return `${count} ${levelOf(d)} ${count === 1 ? 'entry' : 'entries'}`;
}
function comparisonText(d) {
    const fewer = d.rule.comparison === 'fewer_than';
    const rec = d.rule.recovery_threshold;
    return `threshold ${fewer ? 'below ' : ''}${d.rule.threshold}${rec !== undefined ? `, recovery ${rec}` : ''}`;
}
/**
 * The lifecycle's own one-line summary for email and push, or undefined when the seed's wording fits
 * (a count rule's fire).
 */
function summary(d, project) {
    const r = d.rule;
    const forGroup = d.group ? ` for ${groupText(d.group)}` : '';
    if (isResolve(d)) {
        const message = `${r.name}${forGroup} resolved at ${d.resolved_at}: ${measured(d, d.value, d.match_count)} in ${r.window_minutes} min (${comparisonText(d)}); it fired at ${d.triggered_at}`;
        return {
            subject: `Resolved: [${project}] ${r.name}${forGroup}`,
            title: `Resolved: ${r.name} (${project})`,
            message,
            rows: [
                ['Alert', r.name],
                ['Project', project],
                ...(d.group ? [['Group', groupText(d.group)]] : []),
                ['Resolved at', d.resolved_at],
                ['Value', r.value ? `${r.value.aggregate} of ${r.value.field}: ${fmt(d.value)}` : fmt(d.value)],
                ['Threshold', comparisonText(d)],
                ['Fired at', d.triggered_at],
                ['Alert id', r.id],
            ],
        };
    }
    if (!r.value)
        return undefined;
    const message = `${r.name}${forGroup}: ${measured(d, d.value, d.match_count)} over ${r.window_minutes} min (${comparisonText(d)}) at ${d.triggered_at}`;
    return {
        subject: `[${project}] ${r.name}${forGroup}: ${r.value.aggregate} of ${r.value.field} ${fmt(d.value)} in ${r.window_minutes} min (${comparisonText(d)})`,
        title: `${r.name} (${project})`,
        message,
        rows: [
            ['Alert', r.name],
            ['Project', project],
            ...(d.group ? [['Group', groupText(d.group)]] : []),
            ['Value', `${r.value.aggregate} of ${r.value.field}: ${fmt(d.value)}`],
            ['Threshold', comparisonText(d)],
            ['Entries', `${d.match_count}`],
            ['Window', `${r.window_minutes} min ending ${d.triggered_at}`],
            ['Triggered at', d.triggered_at],
            ['Alert id', r.id],
        ],
    };
}
const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** Email for a resolve ("Resolved: …") or a value rule's fire; undefined: the seed's email fits. */
function lifecycleEmail(d, project) {
    const s = summary(d, project);
    if (!s)
        return undefined;
    const text = `${s.message}.\n\n` + s.rows.map(([k, v]) => `${k}: ${v}`).join('\n') + '\n';
    const html = `<p>${escapeHtml(s.message)}.</p>\n<table>\n` +
        s.rows.map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('\n') +
        '\n</table>\n';
    return { subject: s.subject.replace(/[\r\n]+/g, ' '), text, html, event: eventName(d) };
}
/** The API Alerts event for a resolve (event alert.resolved) or a value rule's fire; undefined: the seed's fits. */
function lifecyclePush(d, project, base) {
    const s = summary(d, project);
    if (!s)
        return undefined;
    return {
        ...base,
        event: eventName(d),
        title: s.title,
        message: s.message,
        data: { ...(base.data ?? {}), ...lifecycleBodyFields(d) },
    };
}

;// CONCATENATED MODULE: ./src/deliver/extras.ts
/**
 * The payload fields a decision adds beyond the seed's, only for rules that use them: `group` for
 * grouped rules, `ratio` and `denominator_count` for ratio rules. Empty for a plain rule, so its
 * payloads stay byte-identical. Shared by webhook, push and email.
 */
function decisionExtras(d) {
    return {
        ...(d.group && d.rule.group_by ? { group: d.group } : {}),
        ...(d.denominator_count !== undefined ? { ratio: d.ratio, denominator_count: d.denominator_count } : {}),
    };
}
/** "host=web-1, disk=/var" for messages and subjects. */
function extras_groupText(group) {
    return Object.entries(group)
        .map(([k, v]) => `${k}=${v ?? '(none)'}`)
        .join(', ');
}
/** A ratio as a percentage with up to two decimals ("12.5%"). */
function percent(ratio) {
    return `${Number((ratio * 100).toFixed(2))}%`;
}

// EXTERNAL MODULE: ./src/rules/selection.ts
var selection = __webpack_require__(6681);
// EXTERNAL MODULE: ./src/util/userinfo.ts
var userinfo = __webpack_require__(1845);
;// CONCATENATED MODULE: ./src/deliver/email.ts





const email_escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** Subject and body: alert name, project, level, threshold, match count, window and time (the seed's fields and more). */
function emailContent(d, project) {
    const lifecycle = lifecycleEmail(d, project);
    if (lifecycle)
        return lifecycle;
    const r = d.rule;
    const level = (0,selection/* levelLabel */.v3)(r);
    const fewer = r.comparison === 'fewer_than';
    const ratio = d.denominator_count !== undefined;
    const rows = [
        ['Alert', r.name],
        ['Project', project],
        ['Level', level],
        ...(d.group ? [['Group', extras_groupText(d.group)]] : []),
        [
            'Threshold',
            ratio
                ? `${fewer ? 'below ' : ''}${percent(r.threshold)} of the denominator in ${r.window_minutes} min`
                : `${fewer ? 'fewer than ' : ''}${r.threshold} entries in ${r.window_minutes} min`,
        ],
        ['Matched', `${d.match_count} entries`],
        ...(ratio ? [['Ratio', `${percent(d.ratio)} (${d.match_count} of ${d.denominator_count})`]] : []),
        ['Window', `${r.window_minutes} min ending ${d.triggered_at}`],
        ['Triggered at', d.triggered_at],
        ['Alert id', r.id],
    ];
    const entries = d.match_count === 1 ? 'entry' : 'entries';
    const forGroup = d.group ? ` for ${extras_groupText(d.group)}` : '';
    let subject = `[${project}] ${r.name}: ${d.match_count} ${level} ${entries} in ${r.window_minutes} min (threshold ${r.threshold})`;
    let summary = `${d.match_count} ${level} log entries in the ${r.window_minutes} minutes up to ${d.triggered_at}, at or above the threshold of ${r.threshold}.`;
    if (ratio) {
        subject = `[${project}] ${r.name}${forGroup}: ${percent(d.ratio)} ${level} (${d.match_count} of ${d.denominator_count}) in ${r.window_minutes} min (threshold ${fewer ? 'below ' : ''}${percent(r.threshold)})`;
        summary = `${percent(d.ratio)} of the entries (${d.match_count} of ${d.denominator_count}) were ${level}${forGroup} in the ${r.window_minutes} minutes up to ${d.triggered_at}, ${fewer ? 'below' : 'at or above'} the threshold of ${percent(r.threshold)}.`;
    }
    else if (fewer || d.group) {
        subject = `[${project}] ${r.name}${forGroup}: ${d.match_count} ${level} ${entries} in ${r.window_minutes} min (threshold ${fewer ? 'fewer than ' : ''}${r.threshold})`;
        summary = `${d.match_count} ${level} log entries${forGroup} in the ${r.window_minutes} minutes up to ${d.triggered_at}, ${fewer ? 'fewer than' : 'at or above'} the threshold of ${r.threshold}.`;
    }
    const text = `${r.name} fired for ${project}: ${summary}\n\n` + rows.map(([k, v]) => `${k}: ${v}`).join('\n') + '\n';
    const html = `<p><strong>${email_escapeHtml(r.name)}</strong> fired for <strong>${email_escapeHtml(project)}</strong>: ${email_escapeHtml(summary)}</p>\n<table>\n` +
        rows.map(([k, v]) => `<tr><th align="left">${email_escapeHtml(k)}</th><td>${email_escapeHtml(v)}</td></tr>`).join('\n') +
        '\n</table>\n';
    return { subject: subject.replace(/[\r\n]+/g, ' '), text, html };
}
/** nodemailer's codes for failures of the server or the connection, not of one message. */
const SERVER_FAILURES = new Set(['ECONNECTION', 'ETIMEDOUT', 'EDNS', 'ESOCKET', 'EAUTH', 'ETLS']);
/**
 * One SMTP transport per run (pooled connection), from a URL such as smtp://user:pass@host:587
 * (STARTTLS required because there are credentials; `?requireTLS=false` allows plain text) or
 * smtps://user:pass@host:465 (TLS from the start). nodemailer is imported only when an
 * email is due, so runs without email never load it.
 */
async function createMailer(smtpUrl, from, timeoutMs) {
    let url;
    try {
        url = new URL(smtpUrl);
    }
    catch {
        throw new Error('the SMTP URL is not a valid URL');
    }
    if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
        throw new Error(`the SMTP URL must start with smtp:// or smtps:// (got ${url.protocol}//)`);
    // A password must never cross the wire in clear text just because a STARTTLS offer was stripped
    // on the way: with credentials, STARTTLS is required unless the URL opts out (?requireTLS=false).
    const tlsParam = url.searchParams.get('requireTLS');
    if (tlsParam !== null && tlsParam !== 'true' && tlsParam !== 'false')
        throw new Error(`the SMTP URL's requireTLS must be true or false (got "${tlsParam}")`);
    const requireTLS = url.protocol === 'smtp:' && (tlsParam === 'true' || (tlsParam === null && url.username !== ''));
    const { default: nodemailer } = await __webpack_require__.e(/* import() */ 739).then(__webpack_require__.bind(__webpack_require__, 6739));
    const transport = nodemailer.createTransport({
        host: url.hostname.replace(/^\[|\]$/g, ''),
        port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
        secure: url.protocol === 'smtps:',
        ...(url.username ? { auth: { user: (0,userinfo/* decodeUserinfo */.u)(url.username), pass: (0,userinfo/* decodeUserinfo */.u)(url.password) } } : {}),
        ...(requireTLS ? { requireTLS: true } : {}),
        ...(url.searchParams.get('rejectUnauthorized') === 'false' ? { tls: { rejectUnauthorized: false } } : {}),
        pool: true,
        maxConnections: 2,
        connectionTimeout: timeoutMs,
        greetingTimeout: timeoutMs,
        socketTimeout: timeoutMs,
    });
    // Once the server itself has failed slowly (silent, timing out) or for good (bad TLS or
    // credentials) before any email got through, or 3 times in a row after, the other emails of this
    // run fail at once instead of each waiting out its own timeouts: a catch-up run with hundreds of
    // emails must finish inside the job's timeout, or it would never save its state. The first email
    // probes the server; the others wait for its result before trying.
    let serverFailure;
    let probe;
    let delivered = false;
    let failuresInARow = 0;
    return {
        async send(to, content) {
            if (probe)
                await probe.catch(() => { });
            if (serverFailure)
                throw new Error(`not attempted: the SMTP server failed earlier in this run (${serverFailure})`);
            const started = Date.now();
            try {
                const sent = transport.sendMail({
                    from,
                    to,
                    subject: content.subject,
                    text: content.text,
                    html: content.html,
                    headers: { 'X-Alert-Event': content.event ?? 'alert.triggered' },
                });
                probe ??= sent;
                await sent;
                delivered = true;
                failuresInARow = 0;
            }
            catch (err) {
                // nodemailer's messages may quote the server's reply but never the password; strip the URL anyway.
                const message = (0,errors/* errorMessage */.gJ)(err).split(smtpUrl).join('(SMTP URL)');
                const code = err.code ?? '';
                // Only failures that cost time (or that retrying would repeat against the server: bad
                // credentials, TLS) trip the breaker; a refused connection is cheap to try again.
                const costly = code === 'ETIMEDOUT' || code === 'EAUTH' || code === 'ETLS' || Date.now() - started >= timeoutMs / 2;
                if (SERVER_FAILURES.has(code) && costly) {
                    failuresInARow++;
                    if (!delivered || failuresInARow >= 3)
                        serverFailure ??= message;
                }
                // A fresh error: the library's own (a possible cause) may carry the SMTP URL in its fields.
                // eslint-disable-next-line preserve-caught-error
                throw new Error(message);
            }
        },
        close: () => transport.close(),
    };
}

// EXTERNAL MODULE: ./src/util/redact.ts
var redact = __webpack_require__(767);
;// CONCATENATED MODULE: ./src/deliver/redact.ts

/**
 * Belt and braces: a secret-bearing value never reaches an outcome, whatever a library put in its
 * message. The toolkit's one redaction (src/util/redact.ts): the value, its URL-password forms and
 * every URL's credentials.
 */
function redact_redact(message, secret) {
    const redactor = new redact/* Redactor */.pO();
    redactor.add(secret);
    return redactor.redact(message);
}

;// CONCATENATED MODULE: ./src/deliver/email-channel.ts




/** Email: one task per decision, over one pooled SMTP transport created on first use and closed at the end. */
function emailChannel(run) {
    const { file } = run;
    let mailer;
    const smtpUrl = run.env[file.delivery.smtp_url_env];
    const key = `email ${smtpUrl ? hostKey(smtpUrl) : ''}`;
    const tasks = [];
    for (const d of run.decisions) {
        if (!d.rule.channels.includes('email') || !d.rule.notify_email)
            continue;
        tasks.push({
            key,
            run: async () => {
                if (!smtpUrl)
                    return [outcome(d, 'email', { status: 'failed', detail: `env ${file.delivery.smtp_url_env} (the SMTP URL) is not set` })];
                try {
                    mailer ??= createMailer(smtpUrl, file.delivery.email_from, run.timeoutMs);
                    await (await mailer).send(d.rule.notify_email, emailContent(d, file.project));
                    return [outcome(d, 'email', { status: 'delivered', attempts: 1 })];
                }
                catch (err) {
                    return [outcome(d, 'email', { status: 'failed', attempts: 1, detail: redact_redact((0,errors/* errorMessage */.gJ)(err), smtpUrl) })];
                }
            },
        });
    }
    return {
        tasks,
        finish: async () => {
            if (mailer)
                (await mailer.catch(() => undefined))?.close();
        },
    };
}

;// CONCATENATED MODULE: ./src/deliver/pool.ts
/** Runs tasks with at most `limit` in flight; a slow task holds one slot, never the others. */
async function runPool(tasks, limit) {
    return runKeyedPool(tasks.map((run) => ({ key: '', run })), limit, limit);
}
/**
 * Runs tasks with at most `limit` in flight overall and at most `perKey` per key, so one slow receiver
 * holds at most `perKey` slots and the others keep going. Keys take turns (round robin); within a key,
 * tasks start in the order given. Results are aligned with `tasks`. A task that throws rejects the
 * whole run (delivery tasks report failures as outcomes instead).
 */
function runKeyedPool(tasks, limit, perKey) {
    const results = new Array(tasks.length);
    if (tasks.length === 0)
        return Promise.resolve(results);
    const total = Math.max(1, limit);
    const each = Math.max(1, Math.min(perKey, total));
    const queues = new Map();
    tasks.forEach((t, i) => {
        const q = queues.get(t.key);
        if (q)
            q.push(i);
        else
            queues.set(t.key, [i]);
    });
    const heads = new Map(); // next index into each queue
    const running = new Map();
    // Keys that have queued tasks and a free per-key slot, in turn order (a Map keeps insertion order).
    const ready = new Map([...queues.keys()].map((k) => [k, true]));
    let inFlight = 0;
    let done = 0;
    return new Promise((resolve, reject) => {
        let failed = false;
        const pump = () => {
            while (inFlight < total && ready.size > 0 && !failed) {
                const key = ready.keys().next().value;
                ready.delete(key);
                const q = queues.get(key);
                const h = heads.get(key) ?? 0;
                const i = q[h];
                heads.set(key, h + 1);
                const r = (running.get(key) ?? 0) + 1;
                running.set(key, r);
                inFlight++;
                if (h + 1 < q.length && r < each)
                    ready.set(key, true); // back of the line: keys take turns
                tasks[i].run().then((value) => {
                    results[i] = value;
                    inFlight--;
                    done++;
                    running.set(key, running.get(key) - 1);
                    if ((heads.get(key) ?? 0) < q.length)
                        ready.set(key, true);
                    if (done === tasks.length)
                        resolve(results);
                    else
                        pump();
                }, (err) => {
                    failed = true;
                    reject(err instanceof Error ? err : new Error(String(err)));
                });
            }
        };
        pump();
    });
}

// EXTERNAL MODULE: ./src/events/client.ts + 4 modules
var client = __webpack_require__(7585);
;// CONCATENATED MODULE: ./src/deliver/push.ts



/** The API Alerts event for a fired rule: event `alert.triggered`, the rule's channel, tags and link. */
function pushEvent(d, project) {
    const r = d.rule;
    const level = (0,selection/* levelLabel */.v3)(r);
    const fewer = r.comparison === 'fewer_than';
    const forGroup = d.group ? ` for ${extras_groupText(d.group)}` : '';
    const message = d.denominator_count !== undefined
        ? `${percent(d.ratio)} ${level} (${d.match_count} of ${d.denominator_count})${forGroup} in ${r.window_minutes} min (threshold ${fewer ? 'below ' : ''}${percent(r.threshold)}) at ${d.triggered_at}`
        : `${d.match_count} ${level} ${d.match_count === 1 ? 'entry' : 'entries'}${forGroup} in ${r.window_minutes} min (threshold ${fewer ? 'fewer than ' : ''}${r.threshold}) at ${d.triggered_at}`;
    const event = {
        event: 'alert.triggered',
        title: `${r.name} (${project})`,
        message,
        ...(r.apialerts_channel ? { channel: r.apialerts_channel } : {}),
        tags: r.apialerts_tags ?? [project, level],
        ...(r.apialerts_link ? { link: r.apialerts_link } : {}),
        data: {
            alert_id: r.id,
            alert_name: r.name,
            project,
            level,
            threshold: r.threshold,
            match_count: d.match_count,
            window_minutes: r.window_minutes,
            triggered_at: d.triggered_at,
            ...decisionExtras(d),
        },
    };
    return lifecyclePush(d, project, event) ?? event;
}

;// CONCATENATED MODULE: ./src/deliver/push-channel.ts





/** Push through API Alerts: one task per decision. */
function pushChannel(run) {
    const { file, env } = run;
    const apiKey = env[file.delivery.apialerts_key_env];
    const key = `apialerts ${hostKey(env.APIALERTS_SERVER_URL ?? 'https://api.apialerts.com')}`;
    const tasks = [];
    for (const d of run.decisions) {
        if (!d.rule.channels.includes('apialerts'))
            continue;
        tasks.push({
            key,
            run: async () => {
                if (!apiKey)
                    return [
                        outcome(d, 'apialerts', { status: 'failed', detail: `env ${file.delivery.apialerts_key_env} (the API Alerts key) is not set` }),
                    ];
                try {
                    const r = await (0,client/* sendEvent */.BI)(pushEvent(d, file.project), {
                        apiKey,
                        integration: 'apialerts-evaluate',
                        env,
                        timeoutMs: run.timeoutMs,
                        ...(env.APIALERTS_SERVER_URL ? { serverUrl: env.APIALERTS_SERVER_URL } : {}),
                    });
                    return [outcome(d, 'apialerts', { status: 'delivered', attempts: r.attempts, http_status: r.status })];
                }
                catch (err) {
                    const status = err.status;
                    return [
                        outcome(d, 'apialerts', {
                            status: 'failed',
                            attempts: 1,
                            ...(status ? { http_status: status } : {}),
                            detail: redact_redact((0,errors/* errorMessage */.gJ)(err), apiKey),
                        }),
                    ];
                }
            },
        });
    }
    return { tasks };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/util/retry.ts
var retry = __webpack_require__(4266);
// EXTERNAL MODULE: ./src/util/sleep.ts
var sleep = __webpack_require__(7783);
// EXTERNAL MODULE: ./src/util/http.ts + 1 modules
var http = __webpack_require__(2205);
// EXTERNAL MODULE: external "node:dns"
var external_node_dns_ = __webpack_require__(610);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
;// CONCATENATED MODULE: ./src/deliver/address-policy.ts


/** IANA IPv4 Special-Purpose Address Registry, plus multicast from the IPv4 address-space registry. */
const IPV4_BLOCKS = [
    { block: '0.0.0.0/8', name: '"this network"', rfc: 'RFC 791 §3.2', reach: false },
    { block: '0.0.0.0/32', name: '"this host on this network"', rfc: 'RFC 1122 §3.2.1.3', reach: false },
    { block: '10.0.0.0/8', name: 'private-use', rfc: 'RFC 1918', reach: false },
    { block: '100.64.0.0/10', name: 'shared address space (carrier-grade NAT)', rfc: 'RFC 6598', reach: false },
    { block: '127.0.0.0/8', name: 'loopback', rfc: 'RFC 1122 §3.2.1.3', reach: false },
    { block: '169.254.0.0/16', name: 'link-local (incl. cloud metadata 169.254.169.254)', rfc: 'RFC 3927', reach: false },
    { block: '172.16.0.0/12', name: 'private-use', rfc: 'RFC 1918', reach: false },
    { block: '192.0.0.0/24', name: 'IETF protocol assignments', rfc: 'RFC 6890 §2.1', reach: false },
    { block: '192.0.0.0/29', name: 'IPv4 service continuity prefix', rfc: 'RFC 7335', reach: false },
    { block: '192.0.0.8/32', name: 'IPv4 dummy address', rfc: 'RFC 7600', reach: false },
    { block: '192.0.0.9/32', name: 'Port Control Protocol anycast', rfc: 'RFC 7723', reach: true },
    { block: '192.0.0.10/32', name: 'Traversal Using Relays around NAT anycast', rfc: 'RFC 8155', reach: true },
    { block: '192.0.0.170/32', name: 'NAT64/DNS64 discovery', rfc: 'RFC 8880, RFC 7050 §2.2', reach: false },
    { block: '192.0.0.171/32', name: 'NAT64/DNS64 discovery', rfc: 'RFC 8880, RFC 7050 §2.2', reach: false },
    { block: '192.0.2.0/24', name: 'documentation (TEST-NET-1)', rfc: 'RFC 5737', reach: false },
    { block: '192.31.196.0/24', name: 'AS112-v4', rfc: 'RFC 7535', reach: true },
    { block: '192.52.193.0/24', name: 'AMT', rfc: 'RFC 7450', reach: true },
    { block: '192.88.99.0/24', name: 'deprecated (6to4 relay anycast)', rfc: 'RFC 7526', reach: false },
    { block: '192.88.99.2/32', name: '6a44-relay anycast address', rfc: 'RFC 6751', reach: false },
    { block: '192.168.0.0/16', name: 'private-use', rfc: 'RFC 1918', reach: false },
    { block: '192.175.48.0/24', name: 'direct delegation AS112 service', rfc: 'RFC 7534', reach: true },
    { block: '198.18.0.0/15', name: 'benchmarking', rfc: 'RFC 2544', reach: false },
    { block: '198.51.100.0/24', name: 'documentation (TEST-NET-2)', rfc: 'RFC 5737', reach: false },
    { block: '203.0.113.0/24', name: 'documentation (TEST-NET-3)', rfc: 'RFC 5737', reach: false },
    { block: '224.0.0.0/4', name: 'multicast', rfc: 'RFC 5771', reach: false, source: 'address-space' },
    { block: '240.0.0.0/4', name: 'reserved', rfc: 'RFC 1112 §4', reach: false },
    { block: '255.255.255.255/32', name: 'limited broadcast', rfc: 'RFC 8190, RFC 919 §7', reach: false },
];
/**
 * IANA IPv6 Special-Purpose Address Registry, plus the address-space registry's top-level blocks
 * (only 2000::/3 is global unicast; the rest of the space is reserved by the IETF), the deprecated
 * IPv4-compatible and site-local forms, and SIIT's IPv4-translated form.
 */
const IPV6_BLOCKS = [
    { block: '::/0', name: 'reserved by the IETF (outside global unicast 2000::/3)', rfc: 'RFC 4291', reach: false, source: 'address-space' },
    { block: '2000::/3', name: 'global unicast', rfc: 'RFC 4291', reach: true, source: 'address-space' },
    { block: '::1/128', name: 'loopback', rfc: 'RFC 4291', reach: false },
    { block: '::/128', name: 'unspecified', rfc: 'RFC 4291', reach: false },
    {
        block: '::/96',
        name: 'deprecated IPv4-compatible',
        rfc: 'RFC 4291 §2.5.5.1',
        reach: 'embedded',
        embedding: 'low32',
        source: 'deprecated',
    },
    { block: '::ffff:0:0/96', name: 'IPv4-mapped', rfc: 'RFC 4291', reach: 'embedded', embedding: 'low32' },
    {
        block: '::ffff:0:0:0/96',
        name: 'IPv4-translated (SIIT)',
        rfc: 'RFC 6145',
        reach: 'embedded',
        embedding: 'low32',
        source: 'deprecated',
    },
    {
        block: '64:ff9b::/96',
        name: 'IPv4-IPv6 translation (NAT64 well-known prefix)',
        rfc: 'RFC 6052',
        reach: 'embedded',
        embedding: 'low32',
    },
    { block: '64:ff9b:1::/48', name: 'IPv4-IPv6 translation (local-use NAT64)', rfc: 'RFC 8215', reach: false, embedding: 'low32' },
    { block: '100::/64', name: 'discard-only', rfc: 'RFC 6666', reach: false },
    { block: '100:0:0:1::/64', name: 'dummy IPv6 prefix', rfc: 'RFC 9780', reach: false },
    { block: '2001::/23', name: 'IETF protocol assignments', rfc: 'RFC 2928', reach: false },
    { block: '2001::/32', name: 'Teredo', rfc: 'RFC 4380, RFC 8190', reach: 'embedded', embedding: 'teredo' },
    { block: '2001:1::1/128', name: 'Port Control Protocol anycast', rfc: 'RFC 7723', reach: true },
    { block: '2001:1::2/128', name: 'Traversal Using Relays around NAT anycast', rfc: 'RFC 8155', reach: true },
    { block: '2001:1::3/128', name: 'DNS-SD service registration protocol anycast', rfc: 'RFC 9665', reach: true },
    { block: '2001:2::/48', name: 'benchmarking', rfc: 'RFC 5180, RFC Errata 1752', reach: false },
    { block: '2001:3::/32', name: 'AMT', rfc: 'RFC 7450', reach: true },
    { block: '2001:4:112::/48', name: 'AS112-v6', rfc: 'RFC 7535', reach: true },
    { block: '2001:10::/28', name: 'deprecated (previously ORCHID)', rfc: 'RFC 4843', reach: false },
    { block: '2001:20::/28', name: 'ORCHIDv2', rfc: 'RFC 7343', reach: true },
    { block: '2001:30::/28', name: 'drone remote ID protocol entity tags (DETs)', rfc: 'RFC 9374', reach: true },
    { block: '2001:db8::/32', name: 'documentation', rfc: 'RFC 3849', reach: false },
    { block: '2002::/16', name: '6to4', rfc: 'RFC 3056', reach: 'embedded', embedding: '6to4' },
    { block: '2620:4f:8000::/48', name: 'direct delegation AS112 service', rfc: 'RFC 7534', reach: true },
    { block: '3fff::/20', name: 'documentation', rfc: 'RFC 9637', reach: false },
    { block: '5f00::/16', name: 'segment routing (SRv6) SIDs', rfc: 'RFC 9602', reach: false },
    { block: 'fc00::/7', name: 'unique-local (incl. cloud metadata fd00:ec2::254)', rfc: 'RFC 4193, RFC 8190', reach: false },
    { block: 'fe80::/10', name: 'link-local unicast', rfc: 'RFC 4291', reach: false },
    { block: 'fec0::/10', name: 'deprecated site-local', rfc: 'RFC 3879', reach: false, source: 'deprecated' },
    { block: 'ff00::/8', name: 'multicast', rfc: 'RFC 4291', reach: false, source: 'address-space' },
];
// ---- parsing ---------------------------------------------------------------------------------
function parseIPv4(text) {
    return text.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}
function formatIPv4(n) {
    return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}
/** A valid IPv6 text (as net.isIP accepts it, zone removed) → its 128 bits. */
function parseIPv6(text) {
    let head = text;
    let tail = [];
    const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
    if (dotted) {
        const v4 = parseIPv4(dotted[1]);
        tail = [v4 >>> 16, v4 & 0xffff];
        head = text.slice(0, -dotted[1].length);
        if (head.endsWith(':') && !head.endsWith('::'))
            head = head.slice(0, -1);
    }
    const words = (s) => (s === '' ? [] : s.split(':').map((w) => parseInt(w, 16)));
    let groups;
    const gap = head.indexOf('::');
    if (gap >= 0) {
        const left = words(head.slice(0, gap));
        const right = [...words(head.slice(gap + 2)), ...tail];
        groups = [...left, ...new Array(8 - left.length - right.length).fill(0), ...right];
    }
    else
        groups = [...words(head), ...tail];
    return groups.reduce((n, w) => (n << 16n) | BigInt(w), 0n);
}
function compile(entries, family) {
    return entries.map((entry) => {
        const [addr, len] = entry.block.split('/');
        const base = family === 4 ? BigInt(parseIPv4(addr)) : parseIPv6(addr);
        return { bits: family === 4 ? 32 : 128, base, prefix: Number(len), entry };
    });
}
const NETS = { 4: compile(IPV4_BLOCKS, 4), 6: compile(IPV6_BLOCKS, 6) };
/** The most specific registry block holding the address (the registry's own rule), if any. */
function longestMatch(value, family) {
    let best;
    for (const net of NETS[family]) {
        const shift = BigInt(net.bits - net.prefix);
        if (value >> shift === net.base >> shift && (!best || net.prefix > best.prefix))
            best = net;
    }
    return best?.entry;
}
function embeddedIPv4(value, how) {
    const word32 = (shift) => Number((value >> shift) & 0xffffffffn);
    if (how === 'low32')
        return { v4: formatIPv4(word32(0n)) };
    if (how === '6to4')
        return { v4: formatIPv4(word32(80n)) };
    // Teredo: 2001:0:<server IPv4>:<flags>:<obfuscated port>:<obfuscated client IPv4>; the client's
    // address and port are stored inverted (XOR 0xffff…) so NATs do not rewrite them.
    return { v4: formatIPv4(~word32(0n) >>> 0), server: formatIPv4(word32(64n)) };
}
const describeBlock = (b) => `${b.block}, ${b.name} (${b.rfc})`;
/** The policy's verdict on one IP address (IPv4 or IPv6 text, an IPv6 zone `%eth0` ignored). */
function classifyAddress(ip) {
    const text = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
    const family = (0,external_node_net_.isIP)(text);
    if (family === 0)
        return { allowed: false, reason: `${ip} is not an IP address` };
    if (family === 4) {
        const block = longestMatch(BigInt(parseIPv4(text)), 4);
        if (!block || block.reach === true)
            return { allowed: true, ...(block ? { block } : {}) };
        return { allowed: false, block, reason: `${ip} is not a public address: ${describeBlock(block)}` };
    }
    const value = parseIPv6(text);
    const block = longestMatch(value, 6); // ::/0 matches everything
    if (!block.embedding) {
        if (block.reach === true)
            return { allowed: true, block };
        return { allowed: false, block, reason: `${ip} is not a public address: ${describeBlock(block)}` };
    }
    const { v4, server } = embeddedIPv4(value, block.embedding);
    const verdict = classifyAddress(v4);
    const serverVerdict = server === undefined ? undefined : classifyAddress(server);
    const embedded = { address: v4, verdict, ...(server !== undefined ? { server: { address: server, verdict: serverVerdict } } : {}) };
    const form = `${block.name}, ${block.block}, ${block.rfc}`;
    if (block.reach === false)
        return { allowed: false, block, embedded, reason: `${ip} is not a public address: ${form}, not globally reachable (embeds ${v4})` };
    if (!verdict.allowed)
        return {
            allowed: false,
            block,
            embedded,
            reason: `${ip} embeds ${v4} (${form}), which is not a public address: ${describeBlock(verdict.block)}`,
        };
    if (serverVerdict && !serverVerdict.allowed)
        return {
            allowed: false,
            block,
            embedded,
            reason: `${ip} names Teredo server ${server} (${form}), which is not a public address: ${describeBlock(serverVerdict.block)}`,
        };
    return { allowed: true, block, embedded };
}
/** Why an address is not a public one, or undefined when it is. */
function privateReason(ip) {
    return classifyAddress(ip).reason;
}
class RefusedTargetError extends Error {
    code = 'ERR_REFUSED_TARGET';
}
/**
 * A `lookup` for http(s).request that refuses non-public addresses unless allowed. IP literals never
 * reach a lookup in Node, so callers also check those with `checkLiteralHost` before connecting.
 */
function guardedLookup(allowPrivate) {
    return (hostname, options, callback) => {
        (0,external_node_dns_.lookup)(hostname, { ...options, all: true }, (err, addresses) => {
            if (err)
                return callback(err, '', 0);
            const usable = allowPrivate ? addresses : addresses.filter((a) => !privateReason(a.address));
            if (usable.length === 0) {
                const reason = privateReason(addresses[0]?.address ?? '') ?? 'no address';
                return callback(new RefusedTargetError(`refused: ${hostname} resolves to ${reason.replace(/ is /, ', ')} (allow_private_targets is off)`), '', 0);
            }
            if (options.all)
                return callback(null, usable);
            callback(null, usable[0].address, usable[0].family);
        });
    };
}
/** For a URL whose host is an IP literal: the refusal message, or undefined when it may be used. */
function checkLiteralHost(hostname, allowPrivate) {
    const host = hostname.replace(/^\[|\]$/g, '');
    if (allowPrivate || (0,external_node_net_.isIP)(host.replace(/%.*$/, '')) === 0)
        return undefined;
    const reason = privateReason(host);
    return reason && `refused: ${reason} (allow_private_targets is off)`;
}

// EXTERNAL MODULE: ./src/deliver/sign.ts
var sign = __webpack_require__(8736);
;// CONCATENATED MODULE: ./src/deliver/webhook.ts










const WEBHOOK_ATTEMPTS = 3;
const WEBHOOK_TIMEOUT_MS = 10_000;
/**
 * The seed's payload: exactly these six fields, in this order, and nothing from the logs. Rules using
 * group_by or denominator add, after them, `group` (field → value) and `ratio` + `denominator_count`
 * (src/deliver/extras.ts); lifecycle rules add their fields after those (src/deliver/lifecycle-payload.ts).
 */
function webhookBody(d) {
    return Buffer.from(JSON.stringify({
        alert_id: d.rule.id,
        alert_name: d.rule.name,
        level: (0,selection/* levelLabel */.v3)(d.rule),
        match_count: d.match_count,
        window_minutes: d.rule.window_minutes,
        triggered_at: d.triggered_at,
        ...decisionExtras(d),
        ...lifecycleBodyFields(d),
    }));
}
/**
 * A delivery's event id, the same for every attempt so receivers can deduplicate retries (and a re-run
 * after a crash, which decides the same rule at the same tick). A grouped rule's instances fire at the
 * same tick, so theirs ends in a hash of the group: one id per rule, tick and group.
 */
function eventId(d) {
    // A resolve is its own event: keyed by when it resolved.
    const base = isResolve(d)
        ? `evt_${d.rule.id}_${Date.parse(d.resolved_at) / 1000}_resolved`
        : `evt_${d.rule.id}_${Date.parse(d.triggered_at) / 1000}`;
    return d.rule.group_by && d.group ? `${base}_${(0,external_node_crypto_.createHash)('sha256').update(JSON.stringify(d.group)).digest('hex').slice(0, 16)}` : base;
}
/** The headers of one attempt: per-attempt id, stable event id, signatures over the exact bytes sent. */
function webhookHeaders(d, body, secrets, nowSeconds, userAgent) {
    const scheme = d.rule.webhook_scheme;
    const id = eventId(d);
    const headers = {
        'content-type': 'application/json',
        'content-length': String(body.length),
        'user-agent': userAgent,
    };
    if (scheme !== 'standard') {
        headers['x-krafter-event'] = eventName(d);
        headers['x-krafter-webhook-id'] = (0,external_node_crypto_.randomUUID)();
        headers['x-krafter-event-id'] = id;
        if (secrets.length > 0)
            headers['x-krafter-signature'] = (0,sign/* signKrafter */.RC)(body, secrets[0]);
    }
    if (scheme !== 'krafter') {
        headers['webhook-id'] = id;
        headers['webhook-timestamp'] = String(nowSeconds);
        if (secrets.length > 0)
            headers['webhook-signature'] = (0,sign/* signStandard */.JK)(id, nowSeconds, body, secrets);
    }
    return headers;
}
/**
 * One attempt: 2xx is success; anything else (3xx included — never followed) is a failure. Sent by the
 * toolkit's outbound HTTP helper (proxy from the environment, one deadline for the whole attempt as the
 * seed's "2xx within 10 s"), with the address policy's lookup on the target.
 */
async function attempt(url, body, headers, opts, env) {
    const refused = checkLiteralHost(url.hostname, opts.allowPrivate);
    if (refused)
        return { error: refused };
    try {
        return await (0,http/* requestStatus */.G2)(url, {
            method: 'POST',
            headers,
            body,
            timeoutMs: opts.timeoutMs,
            lookup: guardedLookup(opts.allowPrivate),
            agent: false,
            env,
        });
    }
    catch (err) {
        return { error: (0,errors/* describeError */.Uc)(err) };
    }
}
/** Up to 3 attempts with full-jitter backoff; a refused target is not retried (it will not change). */
async function deliverWebhook(d, url, opts) {
    const target = new URL(url);
    const body = webhookBody(d);
    let last = {};
    for (let i = 0; i < WEBHOOK_ATTEMPTS; i++) {
        if (i > 0)
            await (0,sleep/* sleep */.y)((0,retry/* backoffDelay */.EY)(i - 1, { baseMs: opts.retryBaseMs, maxMs: 30_000 }));
        const headers = webhookHeaders(d, body, opts.secrets, Math.floor(Date.now() / 1000), opts.userAgent);
        last = await attempt(target, body, headers, opts, opts.env ?? process.env);
        if (last.status !== undefined && last.status >= 200 && last.status < 300)
            return { ok: true, attempts: i + 1, http_status: last.status };
        if (last.error?.startsWith('refused:'))
            return { ok: false, attempts: i + 1, detail: last.error, refused: true };
    }
    const detail = last.error ??
        (last.status !== undefined && last.status >= 300 && last.status < 400
            ? `HTTP ${last.status} (redirects are not followed)`
            : `HTTP ${last.status}`);
    return { ok: false, attempts: WEBHOOK_ATTEMPTS, ...(last.status !== undefined ? { http_status: last.status } : {}), detail };
}

// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: ./src/deliver/webhook-state.ts
var webhook_state = __webpack_require__(5880);
;// CONCATENATED MODULE: ./src/deliver/webhook-channel.ts






/**
 * Webhooks: one task per rule, delivering that rule's decisions in tick order, so its failure counter
 * and auto-disable are counted exactly. Keyed by the receiver's host for the per-host bound.
 */
function webhookChannel(run) {
    const { env, log, webhooks } = run;
    const byRule = new Map();
    for (const d of run.decisions)
        if (d.rule.channels.includes('webhook') && d.rule.notify_webhook)
            byRule.set(d.rule.id, [...(byRule.get(d.rule.id) ?? []), d]);
    const tasks = [];
    for (const [ruleId, ds] of byRule) {
        const rule = ds[0].rule;
        const url = rule.notify_webhook;
        let ws = (0,webhook_state/* currentWebhookState */.aw)(webhooks[ruleId], url, rule.webhook_reenabled_at);
        webhooks[ruleId] = ws;
        let secrets = [];
        let secretProblem;
        if (rule.notify_webhook_secret_env) {
            const value = env[rule.notify_webhook_secret_env];
            if (!value)
                secretProblem = `env ${rule.notify_webhook_secret_env} (the webhook secret) is not set`;
            else {
                try {
                    secrets = (0,sign/* parseSecrets */.dC)(value, rule.notify_webhook_secret_env);
                }
                catch (err) {
                    secretProblem = (0,errors/* errorMessage */.gJ)(err);
                }
            }
        }
        else
            log(`warning: webhook of "${rule.name}" is unsigned: the rule has no notify_webhook_secret_env`);
        tasks.push({
            key: `webhook ${hostKey(url)}`,
            run: async () => {
                const out = [];
                for (const d of ds) {
                    if (!ws.active) {
                        out.push(outcome(d, 'webhook', {
                            status: 'skipped',
                            detail: `webhook inactive since ${ws.disabled_at ?? 'an earlier run'} after ${webhook_state/* AUTO_DISABLE_AFTER */.Yt} consecutive failed deliveries; re-enable with "apialerts alerts webhook-enable" or change the URL`,
                        }));
                        continue;
                    }
                    if (secretProblem) {
                        // A configuration problem, not the receiver's: reported, not counted against the webhook.
                        out.push(outcome(d, 'webhook', { status: 'failed', detail: secretProblem }));
                        continue;
                    }
                    const r = await deliverWebhook(d, url, {
                        allowPrivate: run.allowPrivate,
                        timeoutMs: run.timeoutMs,
                        retryBaseMs: run.retryBaseMs,
                        secrets,
                        userAgent: `apialerts-evaluate/${version/* VERSION */.x}`,
                        env,
                    });
                    // A target our own policy refused says nothing about the receiver: not counted against it.
                    if (!r.refused)
                        ws = (0,webhook_state/* recordDelivery */.EP)(ws, r.ok, d.triggered_at); // the evaluation time, not the wall clock
                    webhooks[ruleId] = ws;
                    if (!ws.active)
                        log(`warning: webhook of "${rule.name}" set inactive after ${webhook_state/* AUTO_DISABLE_AFTER */.Yt} consecutive failed deliveries`);
                    out.push(outcome(d, 'webhook', {
                        status: r.ok ? 'delivered' : 'failed',
                        attempts: r.attempts,
                        ...(r.http_status !== undefined ? { http_status: r.http_status } : {}),
                        ...(r.detail ? { detail: r.detail } : {}),
                    }));
                }
                return out;
            },
        });
    }
    return { tasks };
}

;// CONCATENATED MODULE: ./src/deliver/deliverer.ts






const envNumber = (v) => (v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined);
/** One builder per channel (src/deliver/*-channel.ts), in the order outcomes are listed. */
const CHANNELS = [webhookChannel, emailChannel, pushChannel];
const CHANNEL_ORDER = { webhook: 0, email: 1, apialerts: 2 };
/**
 * Delivers every fired decision over every channel its rule names, concurrently with two bounds:
 * delivery.concurrency in flight overall and delivery.per_host_concurrency to any one host, so one
 * slow receiver cannot hold back the others. Each channel builder turns the decisions into tasks keyed
 * by host; outcomes are listed in decision order, then channel.
 */
function createDeliverer(opts) {
    const log = opts.log ?? (() => { });
    return {
        async deliver(decisions, file, state, env) {
            const webhooks = { ...state.webhooks };
            const run = {
                decisions,
                file,
                env,
                allowPrivate: opts.allowPrivateTargets || file.delivery.allow_private_targets,
                timeoutMs: opts.timeoutMs ?? envNumber(env.APIALERTS_WEBHOOK_TIMEOUT_MS) ?? WEBHOOK_TIMEOUT_MS,
                retryBaseMs: opts.retryBaseMs ?? envNumber(env.APIALERTS_RETRY_BASE_MS) ?? 1000,
                log,
                webhooks,
            };
            const channels = CHANNELS.map((build) => build(run));
            const tasks = channels.flatMap((c) => c.tasks);
            const results = (await runKeyedPool(tasks, 
            // A file built by hand (library use) may lack the bounds the schema defaults.
            file.delivery.concurrency ?? schema/* DEFAULT_CONCURRENCY */.WH, file.delivery.per_host_concurrency ?? schema/* DEFAULT_PER_HOST_CONCURRENCY */.Bs)).flat();
            for (const c of channels)
                await c.finish?.();
            const keyOf = (o) => `${o.rule_id} ${o.triggered_at} ${o.resolved_at ?? ''} ${o.group ? JSON.stringify(o.group) : ''}`;
            const order = new Map(decisions.map((d, i) => [
                keyOf({ rule_id: d.rule.id, triggered_at: d.triggered_at, resolved_at: d.resolved_at, group: d.group }),
                i,
            ]));
            results.sort((a, b) => order.get(keyOf(a)) - order.get(keyOf(b)) || CHANNEL_ORDER[a.channel] - CHANNEL_ORDER[b.channel]);
            return { outcomes: results, state: { ...state, webhooks } };
        },
    };
}


/***/ }),

/***/ 8736:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JK: () => (/* binding */ signStandard),
/* harmony export */   L: () => (/* binding */ standardKey),
/* harmony export */   RC: () => (/* binding */ signKrafter),
/* harmony export */   dC: () => (/* binding */ parseSecrets)
/* harmony export */ });
/* unused harmony export toWhsec */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Signing for both webhook schemes. The secret is 64 lowercase hex chars (32 bytes); during a rotation
 * the env var may hold several, space-separated: the krafter scheme signs with the first (receivers
 * compare one value), the Standard Webhooks scheme signs with each (receivers accept any).
 */
const HEX_SECRET = /^[0-9a-f]{64}$/;
/** Splits an env var value into secrets; throws naming the env var (never the value) when malformed. */
function parseSecrets(value, envName) {
    const secrets = value.trim().split(/\s+/).filter(Boolean);
    if (secrets.length === 0)
        throw new Error(`env ${envName} is empty`);
    for (const [i, s] of secrets.entries()) {
        if (!HEX_SECRET.test(s))
            throw new Error(`env ${envName}: secret #${i + 1} is not 64 lowercase hex characters`);
    }
    return secrets;
}
/** `sha256=<hex HMAC-SHA256 of the exact bytes>` — the seed's x-krafter-signature value. The HMAC key is the hex string's UTF-8 bytes, as in the seed's receiver. */
function signKrafter(body, secret) {
    return `sha256=${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHmac)('sha256', secret).update(body).digest('hex')}`;
}
/** The Standard Webhooks key for one of our hex secrets: its 32 raw bytes. As `whsec_<base64>` for receivers' libraries. */
function standardKey(secret) {
    return Buffer.from(secret, 'hex');
}
function toWhsec(secret) {
    return `whsec_${standardKey(secret).toString('base64')}`;
}
/** `v1,<base64>` over `id.timestamp.body` for each secret, space-separated (Standard Webhooks). */
function signStandard(id, timestampSeconds, body, secrets) {
    const payload = Buffer.concat([Buffer.from(`${id}.${timestampSeconds}.`), Buffer.isBuffer(body) ? body : Buffer.from(body)]);
    return secrets.map((s) => `v1,${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHmac)('sha256', standardKey(s)).update(payload).digest('base64')}`).join(' ');
}


/***/ })

};
