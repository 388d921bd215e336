import type { Decision } from './types.js';
import { lifecyclePush } from './lifecycle-payload.js';
import type { ApiAlertsEvent } from '../events/schema.js';

/** The API Alerts event for a fired rule: event `alert.triggered`, the rule's channel, tags and link. */
export function pushEvent(d: Decision, project: string): ApiAlertsEvent {
  const r = d.rule;
  const event: ApiAlertsEvent = {
    event: 'alert.triggered',
    title: `${r.name} (${project})`,
    message: `${d.match_count} ${r.level} ${d.match_count === 1 ? 'entry' : 'entries'} in ${r.window_minutes} min (threshold ${r.threshold}) at ${d.triggered_at}`,
    ...(r.apialerts_channel ? { channel: r.apialerts_channel } : {}),
    tags: r.apialerts_tags ?? [project, r.level],
    ...(r.apialerts_link ? { link: r.apialerts_link } : {}),
    data: {
      alert_id: r.id,
      alert_name: r.name,
      project,
      level: r.level,
      threshold: r.threshold,
      match_count: d.match_count,
      window_minutes: r.window_minutes,
      triggered_at: d.triggered_at,
    },
  };
  return lifecyclePush(d, project, event) ?? event;
}
