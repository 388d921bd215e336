import type { Decision } from './types.js';
import { lifecycleEmail } from './lifecycle-payload.js';
import { groupText, percent } from './extras.js';
import { levelLabel } from '../rules/selection.js';
import { errorMessage } from '../util/errors.js';
import { decodeUserinfo } from '../util/userinfo.js';

interface EmailContent {
  subject: string;
  text: string;
  html: string;
  /** The X-Alert-Event header; alert.triggered when absent. */
  event?: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Subject and body: alert name, project, level, threshold, match count, window and time (the seed's fields and more). */
export function emailContent(d: Decision, project: string): EmailContent {
  const lifecycle = lifecycleEmail(d, project);
  if (lifecycle) return lifecycle;
  const r = d.rule;
  const level = levelLabel(r);
  const fewer = r.comparison === 'fewer_than';
  const ratio = d.denominator_count !== undefined;
  const rows: [string, string][] = [
    ['Alert', r.name],
    ['Project', project],
    ['Level', level],
    ...(d.group ? [['Group', groupText(d.group)] as [string, string]] : []),
    [
      'Threshold',
      ratio
        ? `${fewer ? 'below ' : ''}${percent(r.threshold)} of the denominator in ${r.window_minutes} min`
        : `${fewer ? 'fewer than ' : ''}${r.threshold} entries in ${r.window_minutes} min`,
    ],
    ['Matched', `${d.match_count} entries`],
    ...(ratio ? [['Ratio', `${percent(d.ratio!)} (${d.match_count} of ${d.denominator_count})`] as [string, string]] : []),
    ['Window', `${r.window_minutes} min ending ${d.triggered_at}`],
    ['Triggered at', d.triggered_at],
    ['Alert id', r.id],
  ];
  const entries = d.match_count === 1 ? 'entry' : 'entries';
  const forGroup = d.group ? ` for ${groupText(d.group)}` : '';
  let subject = `[${project}] ${r.name}: ${d.match_count} ${level} ${entries} in ${r.window_minutes} min (threshold ${r.threshold})`;
  let summary = `${d.match_count} ${level} log entries in the ${r.window_minutes} minutes up to ${d.triggered_at}, at or above the threshold of ${r.threshold}.`;
  if (ratio) {
    subject = `[${project}] ${r.name}${forGroup}: ${percent(d.ratio!)} ${level} (${d.match_count} of ${d.denominator_count}) in ${r.window_minutes} min (threshold ${fewer ? 'below ' : ''}${percent(r.threshold)})`;
    summary = `${percent(d.ratio!)} of the entries (${d.match_count} of ${d.denominator_count}) were ${level}${forGroup} in the ${r.window_minutes} minutes up to ${d.triggered_at}, ${fewer ? 'below' : 'at or above'} the threshold of ${percent(r.threshold)}.`;
  } else if (fewer || d.group) {
    subject = `[${project}] ${r.name}${forGroup}: ${d.match_count} ${level} ${entries} in ${r.window_minutes} min (threshold ${fewer ? 'fewer than ' : ''}${r.threshold})`;
    summary = `${d.match_count} ${level} log entries${forGroup} in the ${r.window_minutes} minutes up to ${d.triggered_at}, ${fewer ? 'fewer than' : 'at or above'} the threshold of ${r.threshold}.`;
  }
  const text = `${r.name} fired for ${project}: ${summary}\n\n` + rows.map(([k, v]) => `${k}: ${v}`).join('\n') + '\n';
  const html =
    `<p><strong>${escapeHtml(r.name)}</strong> fired for <strong>${escapeHtml(project)}</strong>: ${escapeHtml(summary)}</p>\n<table>\n` +
    rows.map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('\n') +
    '\n</table>\n';
  return { subject: subject.replace(/[\r\n]+/g, ' '), text, html };
}

/** nodemailer's codes for failures of the server or the connection, not of one message. */
const SERVER_FAILURES = new Set(['ECONNECTION', 'ETIMEDOUT', 'EDNS', 'ESOCKET', 'EAUTH', 'ETLS']);

export interface Mailer {
  send(to: string, content: EmailContent): Promise<void>;
  close(): void;
}

/**
 * One SMTP transport per run (pooled connection), from a URL such as smtp://user:pass@host:587
 * (STARTTLS required because there are credentials; `?requireTLS=false` allows plain text) or
 * smtps://user:pass@host:465 (TLS from the start). nodemailer is imported only when an
 * email is due, so runs without email never load it.
 */
export async function createMailer(smtpUrl: string, from: string, timeoutMs: number): Promise<Mailer> {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
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
  const { default: nodemailer } = await import('nodemailer');
  const transport = nodemailer.createTransport({
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
    secure: url.protocol === 'smtps:',
    ...(url.username ? { auth: { user: decodeUserinfo(url.username), pass: decodeUserinfo(url.password) } } : {}),
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
  let serverFailure: string | undefined;
  let probe: Promise<unknown> | undefined;
  let delivered = false;
  let failuresInARow = 0;
  return {
    async send(to, content) {
      if (probe) await probe.catch(() => {});
      if (serverFailure) throw new Error(`not attempted: the SMTP server failed earlier in this run (${serverFailure})`);
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
      } catch (err) {
        // nodemailer's messages may quote the server's reply but never the password; strip the URL anyway.
        const message = errorMessage(err).split(smtpUrl).join('(SMTP URL)');
        const code = (err as { code?: string }).code ?? '';
        // Only failures that cost time (or that retrying would repeat against the server: bad
        // credentials, TLS) trip the breaker; a refused connection is cheap to try again.
        const costly = code === 'ETIMEDOUT' || code === 'EAUTH' || code === 'ETLS' || Date.now() - started >= timeoutMs / 2;
        if (SERVER_FAILURES.has(code) && costly) {
          failuresInARow++;
          if (!delivered || failuresInARow >= 3) serverFailure ??= message;
        }
        // A fresh error: the library's own (a possible cause) may carry the SMTP URL in its fields.
        // eslint-disable-next-line preserve-caught-error
        throw new Error(message);
      }
    },
    close: () => transport.close(),
  };
}
