/**
 * Anything that stops an event from being delivered: a rejected event (checked before
 * sending), an HTTP error status, or a network failure after the last retry.
 * `status` is the HTTP status when the server answered.
 */
export declare class ApiAlertsError extends Error {
    readonly status?: number;
    /** Attempts made before giving up (0 when the event was rejected before sending). */
    readonly attempts: number;
    constructor(message: string, options?: {
        status?: number;
        attempts?: number;
        cause?: unknown;
    });
}
/** The message we show for an HTTP error status; 429 and 401 say what to do about it. */
export declare function statusMessage(status: number, serverText?: string): string;
