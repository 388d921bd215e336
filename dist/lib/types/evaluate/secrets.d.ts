/**
 * A bundle: one `NAME=value` per line; blank lines and `#` comments skipped; an optional `export `
 * prefix; a value in matching single or double quotes is unquoted (no escapes). Errors name the line
 * number, never its value.
 */
export declare function parseSecretsBundle(text: string, label?: string): Record<string, string>;
/** `${{ toJSON(secrets) }}`: a JSON object of name → string (other values ignored). */
export declare function parseSecretsJson(text: string): Record<string, string>;
export interface SecretSources {
    /** Secrets passed by name (the reusable workflow's `secrets` context). */
    byName?: Record<string, string>;
    /** The bundle's NAME=value pairs. */
    bundle?: Record<string, string>;
}
/**
 * The variables of `names` found in the given secrets: a secret passed by name wins over the same name
 * in the bundle; empty values count as absent (an optional secret the caller did not pass).
 */
export declare function selectSecrets(names: readonly string[], from: SecretSources): Record<string, string>;
/**
 * The environment for an evaluation: the process's own (its non-empty values win, as a step's `env:`
 * always has), plus the selected secrets. `drop` removes variables that carried the secrets in (the
 * action's INPUT_SECRETS_JSON), so the evaluation never holds the unselected ones.
 */
export declare function environmentWithSecrets(env: NodeJS.ProcessEnv, selected: Record<string, string>, drop?: readonly string[]): NodeJS.ProcessEnv;
