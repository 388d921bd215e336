/**
 * Parses text that must hold one JSON object (a `--data` flag, an input, a config or state file).
 * `what` names it in the errors ("input data", "--data", "state file x.json"); bad input is a
 * UserError with `exitCode` (EXIT.badInput unless the caller keeps an older code).
 */
export declare function parseJsonObject(text: string, what: string, options?: {
    exitCode?: number;
    hint?: string;
    example?: string;
}): Record<string, unknown>;
