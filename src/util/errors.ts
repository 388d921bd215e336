/**
 * An error caused by the user's input (bad flag, bad file, bad config).
 * Shells print its message without a stack trace and exit with `exitCode`
 * (1 by default, as the API Alerts CLI does; the evaluator uses 2 for bad input).
 */
export class UserError extends Error {
  readonly exitCode: number;
  constructor(message: string, options?: { cause?: unknown; exitCode?: number }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'UserError';
    this.exitCode = options?.exitCode ?? 1;
  }
}

/** The message of anything thrown, without a stack. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
