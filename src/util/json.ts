import { UserError } from './errors.js';
import { EXIT } from './exit-codes.js';

/**
 * Parses text that must hold one JSON object (a `--data` flag, an input, a config or state file).
 * `what` names it in the errors ("input data", "--data", "state file x.json"); bad input is a
 * UserError with `exitCode` (EXIT.badInput unless the caller keeps an older code).
 */
export function parseJsonObject(
  text: string,
  what: string,
  options: { exitCode?: number; hint?: string; example?: string } = {},
): Record<string, unknown> {
  const exitCode = options.exitCode ?? EXIT.badInput;
  const hint = options.hint ? `; ${options.hint}` : '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new UserError(`${what} is not valid JSON (${(err as Error).message})${hint}`, { exitCode });
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    const kind = parsed === null ? 'null' : Array.isArray(parsed) ? 'an array' : `a ${typeof parsed}`;
    throw new UserError(`${what} must be a JSON object${options.example ? `, e.g. ${options.example}` : ''}, got ${kind}${hint}`, {
      exitCode,
    });
  }
  return parsed as Record<string, unknown>;
}
