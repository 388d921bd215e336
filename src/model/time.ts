/** ISO 8601 UTC without milliseconds, as the webhook payload's triggered_at. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
