import { type SendResult } from './client.js';
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
export declare function send(event: ApiAlertsEvent, options?: SendOptions): Promise<SendResult>;
