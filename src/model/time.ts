/** The last isoSeconds answer: a run formats the same few tick times for every rule and instance (issue 12 item 8). */
let lastMs = NaN;
let lastIso = '';

/** ISO 8601 UTC without milliseconds, as the webhook payload's triggered_at. */
export function isoSeconds(ms: number): string {
  if (ms === lastMs) return lastIso;
  const iso = new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  lastMs = ms;
  lastIso = iso;
  return iso;
}
