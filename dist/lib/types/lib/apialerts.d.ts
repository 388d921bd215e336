/** A notification, as the SDK's `Event`: `message` required, the rest optional and omitted when unset. */
export interface Event {
    message: string;
    channel?: string;
    event?: string;
    title?: string;
    tags?: string[];
    link?: string;
    data?: Record<string, unknown>;
}
/** As the SDK's `SendResult`: never thrown, check `success`. */
export interface SendResult {
    success: boolean;
    workspace?: string;
    channel?: string;
    warnings: string[];
    error?: string;
}
export interface ApiAlertsOptions {
    /** Log successes, warnings and errors (the SDK's `debug`). */
    debug?: boolean;
    /** API base URL; env APIALERTS_SERVER_URL, then https://api.apialerts.com. */
    serverUrl?: string;
    /** One deadline for a send, all attempts included; 30 000 ms. */
    timeoutMs?: number;
    /** Attempts after the first, within the deadline, on network errors, timeouts and 5xx; 2. */
    retries?: number;
    /** X-Integration header; `js` (the SDK's). */
    integration?: string;
    /** X-Version header; this toolkit's version. */
    version?: string;
}
export declare class ApiAlerts {
    #private;
    /** A client of its own (the five-events guide's `new ApiAlerts(key)`); `send` resolves to a SendResult. */
    constructor(apiKey?: string, options?: ApiAlertsOptions);
    /** Sends and resolves to the result; never rejects. `apiKey` overrides the client's for one call. */
    send(event: Event, apiKey?: string): Promise<SendResult>;
    /** The same as `send` on an instance. */
    sendAsync(event: Event, apiKey?: string): Promise<SendResult>;
    /** Fire-and-forget on an instance: never throws, never rejects; errors logged only with `debug`. */
    fire(event: Event, apiKey?: string): void;
    /** Initialises the global client; the first call wins, later calls are no-ops (as the SDK). */
    static configure(apiKey: string, debug?: boolean, options?: Omit<ApiAlertsOptions, 'debug'>): void;
    /** The SDK's overrides: X-Integration, X-Version and the base URL of the configured client. */
    static setOverrides(integration: string, version: string, baseUrl?: string): void;
    /** Fire-and-forget with the configured client: never throws; errors are logged only with `debug`. */
    static send(event: Event, apiKey?: string): void;
    /** Sends with the configured client and resolves to the result; never rejects. */
    static sendAsync(event: Event, apiKey?: string): Promise<SendResult>;
    /** @internal for tests: forget the configured client. */
    static _reset(): void;
}
