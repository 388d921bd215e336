import type { RulesFile, Source } from './schema.js';
/**
 * The env vars a rule file names that hold secrets or credential-bearing URLs: every `*_env` field
 * (`url_env`, `token_env`, `notify_webhook_secret_env`, `smtp_url_env`, `apialerts_key_env`, and any
 * added later). A `…secret…_env` names a rotation list (space-separated webhook secrets). One
 * definition, read two ways: from a parsed file (the evaluation keeps only these secrets) and from
 * the text (what the CLI and the evaluate action redact and mask, before or without a parse).
 */
interface SecretEnv {
    name: string;
    /** A list of secrets (rotation: space-separated webhook secrets). */
    list: boolean;
}
/**
 * Every variable a parsed rule file names (whether or not this run needs it): delivery's SMTP URL
 * and API key, each rule's webhook secret, each source's database URL or token, and those of sources
 * given instead of the file's.
 */
export declare function secretEnvs(file: RulesFile, extraSources?: readonly Source[]): SecretEnv[];
/** The values of the env vars a rule file's text names that are set, to register with a Redactor (or mask in the runner). */
export declare function secretValues(ruleFileText: string, env: NodeJS.ProcessEnv): {
    value: string;
    list: boolean;
}[];
export {};
