import { EXIT } from './exit-codes.js';

export { EXIT };

/**
 * An error caused by the user's input (bad flag, bad file, bad config).
 * Shells print its message without a stack trace and exit with `exitCode`
 * (EXIT.failure by default, as the API Alerts CLI does; the evaluator uses EXIT.badInput for bad input).
 */
export class UserError extends Error {
  readonly exitCode: number;
  constructor(message: string, options?: { cause?: unknown; exitCode?: number }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'UserError';
    this.exitCode = options?.exitCode ?? EXIT.failure;
  }
}

/** The message of anything thrown, without a stack. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

/**
 * One line saying why a network exchange failed, for every client of the toolkit (API Alerts,
 * webhooks, URL sources, proxies, databases): the usual socket and DNS codes in plain words, TLS
 * problems named as such, anything else as its own message (first line only).
 */
export function describeError(err: unknown): string {
  const e = (err ?? {}) as { code?: unknown; hostname?: unknown };
  const code = typeof e.code === 'string' ? e.code : undefined;
  const msg = errorMessage(err).split('\n')[0] ?? '';
  if (err instanceof Error && err.name === 'NetworkError') return msg; // described when it was raised
  switch (code) {
    case 'ERR_REFUSED_TARGET':
      return msg;
    case 'ECONNREFUSED':
      return 'the connection was refused';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'the connection was reset';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `DNS lookup failed for ${typeof e.hostname === 'string' ? e.hostname : 'the host'} (${code})`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `the host is unreachable (${code})`;
    case 'ETIMEDOUT':
      return 'the connection timed out';
    default:
      break;
  }
  if (/certificate|SSL|TLS|self[- ]signed/i.test(msg) || code?.startsWith('ERR_TLS') || code?.includes('CERT')) return `TLS error: ${msg}`;
  return msg;
}
