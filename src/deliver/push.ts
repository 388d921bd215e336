import type { Decision } from './types.js';
import { lifecyclePush } from './lifecycle-payload.js';
import type { ApiAlertsEvent } from '../events/schema.js';
import { decisionExtras, groupText, percent } from './extras.js';
import { levelLabel } from '../rules/selection.js';

/** The API Alerts event for a fired rule: event `alert.triggered`, the rule's channel, tags and link. */
export function pushEvent(d: Decision, project: string): ApiAlertsEvent {
  const r = d.rule;
  const level = levelLabel(r);
  const fewer = r.comparison === 'fewer_than';
  const forGroup = d.group ? ` for ${groupText(d.group)}` : '';
  const message =
    d.denominator_count !== undefined
      ? `${percent(d.ratio!)} ${level} (${d.match_count} of ${d.denominator_count})${forGroup} in ${r.window_minutes} min (threshold ${fewer ? 'below ' : ''}${percent(r.threshold)}) at ${d.triggered_at}`
      : `${d.match_count} ${level} ${d.match_count === 1 ? 'entry' : 'entries'}${forGroup} in ${r.window_minutes} min (threshold ${fewer ? 'fewer than ' : ''}${r.threshold}) at ${d.triggered_at}`;
  const event: ApiAlertsEvent = {
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
