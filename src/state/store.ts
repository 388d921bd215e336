import { open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { UserError } from '../util/errors.js';
import { emptyState, StateSchema, type State } from './schema.js';

/**
 * Reads the state file. A missing file is an empty state (first run, or an evicted cache);
 * an unreadable or invalid one is an error that leaves the file as it is, never a silent reset,
 * since a reset would forget last_triggered_at and re-fire every rule.
 */
export async function loadState(path: string): Promise<State> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return emptyState();
    throw new UserError(`cannot read state file ${path}: ${(err as Error).message}`, { exitCode: 2, cause: err });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new UserError(`state file ${path} is not valid JSON (${(err as Error).message}); it was left untouched — fix or delete it`, {
      exitCode: 2,
    });
  }
  const parsed = StateSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : '(top level)';
    throw new UserError(`state file ${path} is invalid at ${where}: ${issue?.message ?? 'unknown problem'}; it was left untouched — fix or delete it`, {
      exitCode: 2,
    });
  }
  return parsed.data;
}

/**
 * Writes the state atomically: a temp file in the same directory, flushed, then renamed over the
 * old one, so a crash leaves either the old state or the new one, never half a file.
 */
export async function saveState(path: string, state: State): Promise<void> {
  const valid = StateSchema.parse(state);
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(tmp, 'wx', 0o600);
  try {
    await handle.writeFile(JSON.stringify(valid, null, 2) + '\n', 'utf8');
    await handle.sync();
  } catch (err) {
    await handle.close();
    await rm(tmp, { force: true });
    throw err;
  }
  await handle.close();
  try {
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** Drops the state of rules no longer in the file; a renamed rule keeps its state (keyed by id). */
export function pruneState(state: State, ruleIds: Iterable<string>): State {
  const keep = new Set(ruleIds);
  const pick = <T>(record: Record<string, T>): Record<string, T> =>
    Object.fromEntries(Object.entries(record).filter(([id]) => keep.has(id)));
  return { ...state, rules: pick(state.rules), webhooks: pick(state.webhooks) };
}
