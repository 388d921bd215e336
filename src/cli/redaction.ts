import { readFileSync } from 'node:fs';
import { Redactor, redactStream } from '../util/redact.js';
import { secretValues } from '../rules/secrets.js';
import { readConfig } from './config-file.js';

/**
 * Everything the CLI prints passes through one Redactor (src/util/redact.ts, the same the actions use):
 * known secrets — the API key (flag, env, config file), the env vars the rule file names (keys, SMTP
 * and database URLs, source tokens, webhook secrets), the verify command's secret — and the credentials
 * of every URL (userinfo, token-like query values). Installed on stdout and stderr for one run of main().
 */
let current: Redactor | undefined;

/** Registers a secret learned while running (a secret file's content). */
export function addSecret(value: string | undefined, options: { list?: boolean } = {}): void {
  current?.add(value, options);
}

function flagValues(argv: string[], flag: string): string[] {
  const out: string[] = [];
  argv.forEach((a, i) => {
    if (a === flag && argv[i + 1] !== undefined) out.push(argv[i + 1]!);
    else if (a.startsWith(`${flag}=`)) out.push(a.slice(flag.length + 1));
  });
  return out;
}

export function protectOutput(argv: string[], env: NodeJS.ProcessEnv = process.env): () => void {
  const redactor = new Redactor();
  for (const key of flagValues(argv, '--key')) redactor.add(key);
  redactor.add(env.APIALERTS_API_KEY);
  for (const name of ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY']) redactor.add(env[name]);
  try {
    redactor.add(readConfig(env).api_key);
  } catch {
    // a broken config file is reported by the command that reads it
  }
  for (const name of [...flagValues(argv, '--secret-env'), 'WEBHOOK_SECRET']) redactor.add(env[name], { list: true });
  const ruleFiles = flagValues(argv, '--rules');
  if (ruleFiles.length === 0 && ['evaluate', 'backtest', 'alerts'].includes(argv[2] ?? '')) ruleFiles.push('alerts.yml');
  for (const file of ruleFiles) {
    try {
      for (const { value, list } of secretValues(readFileSync(file, 'utf8'), env)) redactor.add(value, { list });
    } catch {
      // unreadable: the command reports it
    }
  }
  current = redactor;
  const restoreOut = redactStream(process.stdout, redactor);
  const restoreErr = redactStream(process.stderr, redactor);
  return () => {
    restoreOut();
    restoreErr();
    current = undefined;
  };
}
