/** ISO 8601 UTC without milliseconds, as the webhook payload's triggered_at. */
export declare function isoSeconds(ms: number): string;
