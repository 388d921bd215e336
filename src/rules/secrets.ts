/**
 * The env vars a rule file names that hold secrets or credential-bearing URLs: every `*_env` field
 * (`url_env`, `token_env`, `notify_webhook_secret_env`, `smtp_url_env`, `apialerts_key_env`, and any
 * added later), plus the delivery defaults. Read from the text, not through the schema, so a file that
 * is invalid (an error path still prints) or very large (no second parse) gives up its names too.
 */
const DEFAULT_SECRET_ENVS = ['APIALERTS_API_KEY', 'SMTP_URL'] as const;

interface SecretEnv {
  name: string;
  /** A list of secrets (rotation: space-separated webhook secrets). */
  list: boolean;
}

function secretEnvNames(ruleFileText: string): SecretEnv[] {
  const out = new Map<string, SecretEnv>(DEFAULT_SECRET_ENVS.map((name) => [name, { name, list: false }]));
  for (const m of ruleFileText.matchAll(/["']?\b([a-z_]*_env)["']?\s*:\s*["']?([A-Za-z_][A-Za-z0-9_]*)/g)) {
    const name = m[2]!;
    const list = m[1]!.includes('secret') || (out.get(name)?.list ?? false);
    out.set(name, { name, list });
  }
  return [...out.values()];
}

/** The values of those env vars that are set, to register with a Redactor (or mask in the runner). */
export function secretValues(ruleFileText: string, env: NodeJS.ProcessEnv): { value: string; list: boolean }[] {
  return secretEnvNames(ruleFileText).flatMap(({ name, list }) => (env[name] ? [{ value: env[name], list }] : []));
}
