import type { Decision } from './types.js';
import type { ApiAlertsEvent } from '../events/schema.js';

/**
 * The payload parts of the alert lifecycle (docs/lifecycle.md), only on rules and decisions that use
 * them: a value rule's fire adds `value`, `aggregate`, `field`; a resolve is the fired body plus
 * `resolved_at`, `value` (at the resolving tick) and `group` (grouped rules). A decision without these
 * fields gets nothing here, so its payload stays byte for byte the seed's.
 */
export function lifecycleBodyFields(d: Decision): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const v = d.rule.value;
  if (v) Object.assign(out, { value: d.value ?? null, aggregate: v.aggregate, field: v.field });
  if (isResolve(d)) Object.assign(out, { resolved_at: d.resolved_at, value: d.value ?? null, ...(d.group ? { group: d.group } : {}) });
  return out;
}

export const isResolve = (d: Decision): boolean => d.event === 'alert.resolved';

/** The event name of a delivery: x-krafter-event, the push event, the email's X-Alert-Event. */
export const eventName = (d: Decision): 'alert.triggered' | 'alert.resolved' => d.event ?? 'alert.triggered';

const levelOf = (d: Decision): string => {
  const l = (d.rule as { level?: unknown }).level;
  return Array.isArray(l) ? l.join('/') : typeof l === 'string' ? l : 'any level';
};
const groupText = (g: Record<string, string | null>) =>
  Object.entries(g)
    .map(([k, v]) => `${k}=${v ?? '(none)'}`)
    .join(', ');
const fmt = (n: number | null | undefined) => (n === null || n === undefined ? 'no data' : String(Number(n.toPrecision(12))));

/** "p95 of duration_ms" or "12 error entries". */
function measured(d: Decision, value: number | null | undefined, count: number): string {
  const v = d.rule.value;
  if (v) return `${v.aggregate} of ${v.field} ${fmt(value)}`;
  return `${count} ${levelOf(d)} ${count === 1 ? 'entry' : 'entries'}`;
}

function comparisonText(d: Decision): string {
  const fewer = (d.rule as { comparison?: string }).comparison === 'fewer_than';
  const rec = d.rule.recovery_threshold;
  return `threshold ${fewer ? 'below ' : ''}${d.rule.threshold}${rec !== undefined ? `, recovery ${rec}` : ''}`;
}

/**
 * The lifecycle's own one-line summary for email and push, or undefined when the seed's wording fits
 * (a count rule's fire).
 */
function summary(d: Decision, project: string): { subject: string; title: string; message: string; rows: [string, string][] } | undefined {
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
        ...(d.group ? [['Group', groupText(d.group)] as [string, string]] : []),
        ['Resolved at', d.resolved_at!],
        ['Value', r.value ? `${r.value.aggregate} of ${r.value.field}: ${fmt(d.value)}` : fmt(d.value)],
        ['Threshold', comparisonText(d)],
        ['Fired at', d.triggered_at],
        ['Alert id', r.id],
      ],
    };
  }
  if (!r.value) return undefined;
  const message = `${r.name}${forGroup}: ${measured(d, d.value, d.match_count)} over ${r.window_minutes} min (${comparisonText(d)}) at ${d.triggered_at}`;
  return {
    subject: `[${project}] ${r.name}${forGroup}: ${r.value.aggregate} of ${r.value.field} ${fmt(d.value)} in ${r.window_minutes} min (${comparisonText(d)})`,
    title: `${r.name} (${project})`,
    message,
    rows: [
      ['Alert', r.name],
      ['Project', project],
      ...(d.group ? [['Group', groupText(d.group)] as [string, string]] : []),
      ['Value', `${r.value.aggregate} of ${r.value.field}: ${fmt(d.value)}`],
      ['Threshold', comparisonText(d)],
      ['Entries', `${d.match_count}`],
      ['Window', `${r.window_minutes} min ending ${d.triggered_at}`],
      ['Triggered at', d.triggered_at],
      ['Alert id', r.id],
    ],
  };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Email for a resolve ("Resolved: …") or a value rule's fire; undefined: the seed's email fits. */
export function lifecycleEmail(d: Decision, project: string): { subject: string; text: string; html: string; event: string } | undefined {
  const s = summary(d, project);
  if (!s) return undefined;
  const text = `${s.message}.\n\n` + s.rows.map(([k, v]) => `${k}: ${v}`).join('\n') + '\n';
  const html =
    `<p>${escapeHtml(s.message)}.</p>\n<table>\n` +
    s.rows.map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('\n') +
    '\n</table>\n';
  return { subject: s.subject.replace(/[\r\n]+/g, ' '), text, html, event: eventName(d) };
}

/** The API Alerts event for a resolve (event alert.resolved) or a value rule's fire; undefined: the seed's fits. */
export function lifecyclePush(d: Decision, project: string, base: ApiAlertsEvent): ApiAlertsEvent | undefined {
  const s = summary(d, project);
  if (!s) return undefined;
  return {
    ...base,
    event: eventName(d),
    title: s.title,
    message: s.message,
    data: { ...(base.data ?? {}), ...lifecycleBodyFields(d) },
  };
}
