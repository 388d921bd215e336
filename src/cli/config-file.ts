import { chmodSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { EXIT, UserError, errorMessage } from '../util/errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { parseJsonObject } from '../util/json.js';

/** `~/.apialerts/config.json`, shared with the official apialerts CLI. */
interface CliConfig {
  api_key?: string;
  server_url?: string;
}

/** The config directory: $APIALERTS_CONFIG_DIR (tests, unusual setups) or ~/.apialerts. */
function configDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.APIALERTS_CONFIG_DIR || join(env.HOME || homedir(), '.apialerts');
}

export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(configDir(env), 'config.json');
}

/** Reads the config; a missing file is an empty config, a broken one an error naming it. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): CliConfig {
  const file = configPath(env);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new UserError(`cannot read ${file}: ${errorMessage(err)}`);
  }
  const json = parseJsonObject(text, file, { exitCode: EXIT.failure, hint: 'fix it or run "apialerts config --unset"' });
  const out: CliConfig = {};
  for (const field of ['api_key', 'server_url'] as const) {
    const value = json[field];
    if (value === undefined || value === null || value === '') continue;
    if (typeof value !== 'string') throw new UserError(`${file}: ${field} must be a string`);
    out[field] = value;
  }
  return out;
}

/**
 * Writes the config with mode 0600 in a 0700 directory, atomically (util/atomic-write: temp file,
 * fsync, rename), so an interrupted write never leaves a half-written key behind.
 */
export async function writeConfig(config: CliConfig, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const dir = configDir(env);
  const file = configPath(env);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const clean: CliConfig = {};
  if (config.api_key) clean.api_key = config.api_key;
  if (config.server_url) clean.server_url = config.server_url;
  await writeFileAtomic(file, JSON.stringify(clean, null, 2) + '\n', { mode: 0o600, forceMode: true });
  return file;
}

/** Key precedence: --key, then APIALERTS_API_KEY, then the config file. */
export function resolveKey(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const key = flag?.trim() || env.APIALERTS_API_KEY?.trim() || readConfig(env).api_key?.trim();
  if (!key) {
    throw new UserError('no API key: pass --key, set APIALERTS_API_KEY, or run "apialerts config --key <key>" (or "apialerts init")');
  }
  return key;
}

/** Server URL precedence: --server-url, then APIALERTS_SERVER_URL, then the config file. */
export function resolveServerUrl(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return flag?.trim() || env.APIALERTS_SERVER_URL?.trim() || readConfig(env).server_url?.trim() || undefined;
}
