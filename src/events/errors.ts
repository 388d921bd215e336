/**
 * Anything that stops an event from being delivered: a rejected event (checked before
 * sending), an HTTP error status, or a network failure after the last retry.
 * `status` is the HTTP status when the server answered.
 */
export class ApiAlertsError extends Error {
  readonly status?: number;
  /** Attempts made before giving up (0 when the event was rejected before sending). */
  readonly attempts: number;
  constructor(message: string, options: { status?: number; attempts?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ApiAlertsError';
    if (options.status !== undefined) this.status = options.status;
    this.attempts = options.attempts ?? 0;
  }
}

/** The message we show for an HTTP error status; 429 and 401 say what to do about it. */
export function statusMessage(status: number, serverText?: string): string {
  const detail = serverText ? ` (server said: ${serverText})` : '';
  switch (status) {
    case 400:
      return `400 Bad Request: the server rejected the event body${detail}`;
    case 401:
      return `401 Unauthorized: the API key is missing or invalid; check your API Alerts key${detail}`;
    case 403:
      return `403 Forbidden: this API key may not send to this workspace or channel${detail}`;
    case 413:
      return `413 Payload Too Large: the event body is over 256 KB; shorten message or data${detail}`;
    case 429:
      return `429 Too Many Requests: the workspace's monthly event quota is used up; retrying will not help until it resets or the plan is upgraded${detail}`;
    default:
      if (status >= 500) return `${status} server error from API Alerts${detail}`;
      return `unexpected HTTP status ${status}${detail}`;
  }
}
