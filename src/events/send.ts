import { sendEvent, type SendResult } from './client.js';
import { ApiAlertsError } from './errors.js';
import type { ApiAlertsEvent } from './schema.js';

export interface SendOptions {
  /** API key; env APIALERTS_API_KEY when omitted. */
  apiKey?: string;
  serverUrl?: string;
  timeoutMs?: number;
  retries?: number;
  /** X-Integration; `js` by default. */
  integration?: string;
}

/**
 * Library one-liner for code that alerts at the point of failure:
 * `await send({ message, channel: 'payments', link, tags: ['payment', 'error'] })`.
 * Throws ApiAlertsError when the event is not delivered.
 */
export async function send(event: ApiAlertsEvent, options: SendOptions = {}): Promise<SendResult> {
  const apiKey = options.apiKey ?? process.env.APIALERTS_API_KEY ?? '';
  if (!apiKey.trim()) throw new ApiAlertsError('no API key: pass { apiKey } or set APIALERTS_API_KEY');
  const { apiKey: _key, integration, ...rest } = options;
  return sendEvent(event, { ...rest, apiKey, integration: integration ?? 'js' });
}
