import type { ApiAlertsEvent } from './schema.js';
import { ApiAlertsError } from './errors.js';

/** Server-side limits documented by API Alerts (contracts.md §1); we apply them before sending. */
export const LIMITS = {
  message: 500,
  event: 128,
  title: 128,
  channel: 64,
  link: 1000,
  tags: 10,
  tag: 50,
  bodyBytes: 256 * 1024,
} as const;

const LINK_SCHEMES = ['http://', 'https://', 'mailto:', 'tel:'];

/** The JSON body we send: the event with empty optional fields left out. */
export type EventBody = { message: string } & Partial<Omit<ApiAlertsEvent, 'message'>>;

interface PreparedEvent {
  body: EventBody;
  json: string;
  /** What was cut or dropped to fit the limits, one sentence each. */
  warnings: string[];
}

/** Cuts by code points so an emoji is never split in half. */
function cut(value: string, max: number): string {
  const chars = Array.from(value);
  return chars.length > max ? chars.slice(0, max).join('') : value;
}

function length(value: string): number {
  return Array.from(value).length;
}

/**
 * Applies the limits the server would apply, so the sender hears about them: over-long
 * texts are cut and extra tags dropped with a warning (the server does the same silently);
 * a link or data outside the documented forms is sent as given with a warning (as v2 sent it);
 * an oversized body is an error because the server would reject it (413).
 */
export function prepareEvent(event: ApiAlertsEvent): PreparedEvent {
  const warnings: string[] = [];
  const text = (field: 'message' | 'event' | 'title' | 'channel', value: string): string => {
    const max = LIMITS[field];
    if (length(value) <= max) return value;
    warnings.push(`${field} is ${length(value)} characters; cut to the limit of ${max}`);
    return cut(value, max);
  };

  const body: EventBody = { message: text('message', event.message) };
  const channel = event.channel?.trim();
  if (channel) body.channel = text('channel', channel);
  const name = event.event?.trim();
  if (name) body.event = text('event', name);
  const title = event.title?.trim();
  if (title) body.title = text('title', title);

  const tags = (event.tags ?? []).map((t) => t.trim()).filter((t) => t.length > 0);
  if (tags.length > 0) {
    if (tags.length > LIMITS.tags) {
      warnings.push(`${tags.length} tags given; only the first ${LIMITS.tags} are sent (dropped: ${tags.slice(LIMITS.tags).join(', ')})`);
    }
    body.tags = tags.slice(0, LIMITS.tags).map((t) => {
      if (length(t) <= LIMITS.tag) return t;
      warnings.push(`tag "${cut(t, 20)}…" is ${length(t)} characters; cut to the limit of ${LIMITS.tag}`);
      return cut(t, LIMITS.tag);
    });
  }

  // A link or data the API would not take as documented is still sent as given, with a warning:
  // notify-action v2 sent them unchecked, and a workflow that was green there stays green here.
  const link = event.link?.trim();
  if (link) {
    if (!LINK_SCHEMES.some((s) => link.toLowerCase().startsWith(s))) {
      warnings.push(
        `link "${cut(link, 80)}" does not start with http://, https://, mailto: or tel:; sent as given, the server may ignore or reject it`,
      );
    }
    if (length(link) > LIMITS.link) {
      warnings.push(`link is ${length(link)} characters, over the limit of ${LIMITS.link}; sent as given, the server may reject it`);
    }
    body.link = link;
  }

  if (event.data !== undefined) {
    const data = event.data;
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      const kind = data === null ? 'null' : Array.isArray(data) ? 'an array' : `a ${typeof data}`;
      warnings.push(`data is ${kind}, not a JSON object like {"version":"1.2.3"}; sent as given, the server may ignore it`);
      body.data = data;
    } else if (Object.keys(data).length > 0) {
      body.data = data;
    }
  }

  const json = JSON.stringify(body);
  const bytes = Buffer.byteLength(json);
  if (bytes > LIMITS.bodyBytes) {
    throw new ApiAlertsError(`event body is ${bytes} bytes; the limit is ${LIMITS.bodyBytes} (256 KB): shorten data or message`);
  }
  return { body, json, warnings };
}
