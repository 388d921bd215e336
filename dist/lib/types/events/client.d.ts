import { type ApiAlertsEvent } from './schema.js';
export { ApiAlertsError } from './errors.js';
export declare const DEFAULT_SERVER_URL = "https://api.apialerts.com";
export interface ClientOptions {
    apiKey: string;
    /** Base URL; `/event` is appended. Falls back to env APIALERTS_SERVER_URL, then the public API. */
    serverUrl?: string;
    /** Sent as X-Integration: `notify-action`, `apialerts-cli`, `js`, `apialerts-evaluate`. */
    integration: string;
    /** Sent as X-Version; this package's version by default. */
    version?: string;
    /** Deadline of each attempt, in ms (30 s, as the official clients). */
    timeoutMs?: number;
    /** Extra attempts after the first on network errors, timeouts and 5xx; never on 4xx. */
    retries?: number;
    /** Environment for the server URL, proxy and backoff settings; process.env by default. */
    env?: NodeJS.ProcessEnv;
}
export interface SendResult {
    status: number;
    workspace?: string;
    channel?: string;
    uuid?: string;
    /** Limit warnings from our own checks, then the server's `warnings` (or legacy `errors`). */
    warnings: string[];
    attempts: number;
}
/** The URL events are posted to, from a base URL with or without a trailing slash. */
export declare function eventUrl(serverUrl: string): URL;
/**
 * Sends one event to API Alerts and returns what the server said. Checks the event
 * against the documented limits first; retries network errors, timeouts and 5xx with
 * full-jitter backoff (honouring Retry-After); never retries a 4xx. Throws ApiAlertsError.
 */
export declare function sendEvent(event: ApiAlertsEvent, options: ClientOptions): Promise<SendResult>;
