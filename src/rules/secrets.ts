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

const SECRET_ENV_FIELD = /^[a-z_]*_env$/;

/** The names of `fields` ([field, variable] pairs), each once; a name is a list if any field naming it is. */
function secretEnvsOf(fields: Iterable<readonly [string, string]>, start: readonly string[] = []): SecretEnv[] {
  const out = new Map<string, SecretEnv>(start.map((name) => [name, { name, list: false }]));
  for (const [field, name] of fields) out.set(name, { name, list: field.includes('secret') || (out.get(name)?.list ?? false) });
  return [...out.values()];
}

/**
 * Every variable a parsed rule file names (whether or not this run needs it): delivery's SMTP URL
 * and API key, each rule's webhook secret, each source's database URL or token, and those of sources
 * given instead of the file's.
 */
export function secretEnvs(file: RulesFile, extraSources: readonly Source[] = []): SecretEnv[] {
  const objects: object[] = [file.delivery, ...file.rules, ...file.sources, ...extraSources];
  return secretEnvsOf(
    objects.flatMap((o) =>
      Object.entries(o).flatMap(([field, value]) =>
        SECRET_ENV_FIELD.test(field) && typeof value === 'string' && value ? [[field, value] as const] : [],
      ),
    ),
  );
}

/** The delivery defaults a file need not spell out. */
const DEFAULT_SECRET_ENVS = ['APIALERTS_API_KEY', 'SMTP_URL'];

/**
 * The same names read from the text, not through the schema, so a file that is invalid (an error path
 * still prints) or very large (no second parse) gives up its names too; the delivery defaults always.
 */
function secretEnvsInText(ruleFileText: string): SecretEnv[] {
  const fields = [...ruleFileText.matchAll(/["']?\b([a-z_]*_env)["']?\s*:\s*["']?([A-Za-z_][A-Za-z0-9_]*)/g)].map(
    (m) => [m[1]!, m[2]!] as const,
  );
  return secretEnvsOf(fields, DEFAULT_SECRET_ENVS);
}

/** The values of the env vars a rule file's text names that are set, to register with a Redactor (or mask in the runner). */
export function secretValues(ruleFileText: string, env: NodeJS.ProcessEnv): { value: string; list: boolean }[] {
  return secretEnvsInText(ruleFileText).flatMap(({ name, list }) => (env[name] ? [{ value: env[name], list }] : []));
}
