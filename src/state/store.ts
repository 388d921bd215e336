import { UserError, errorMessage } from '../util/errors.js';
import { EXIT } from '../util/exit-codes.js';
import { ensureWritable, writeFileAtomic } from '../util/atomic-write.js';
import { parseJsonObject } from '../util/json.js';
import { readInputFileIfExists } from '../util/read-file.js';
import { emptyState, StateSchema, type State } from './schema.js';

/**
 * Reads the state file. A missing file is an empty state (first run, or an evicted cache);
 * an unreadable or invalid one is an error that leaves the file as it is, never a silent reset,
 * since a reset would forget last_triggered_at and re-fire every rule.
 */
export async function loadState(path: string): Promise<State> {
  const text = await readInputFileIfExists(path, 'state file');
  if (text === undefined) return emptyState();
  const data = parseJsonObject(text, `state file ${path}`, { hint: 'it was left untouched — fix or delete it' });
  const parsed = StateSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : '(top level)';
    throw new UserError(
      `state file ${path} is invalid at ${where}: ${issue?.message ?? 'unknown problem'}; it was left untouched — fix or delete it`,
      {
        exitCode: EXIT.badInput,
      },
    );
  }
  return parsed.data;
}

/**
 * Checks, before anything is counted or delivered, that the state file can be written: its directory
 * is created when missing (as the action always did) and a file can be created in it. A result that
 * could not be recorded would be delivered again by every later run and never auto-disable a webhook,
 * so a state that cannot be written is bad input (exit 2), reported before any delivery.
 */
export async function checkStateWritable(path: string): Promise<void> {
  try {
    await ensureWritable(path);
  } catch (err) {
    throw new UserError(
      `state file ${path} cannot be written (${errorMessage(err)}); nothing was counted or delivered — fix the path or its permissions`,
      {
        exitCode: EXIT.badInput,
        cause: err,
      },
    );
  }
}

/**
 * Writes the state atomically (util/atomic-write: temp file, fsync, rename), so a crash leaves either
 * the old state or the new one, never half a file. A new state file is created 0600.
 */
export async function saveState(path: string, state: State): Promise<void> {
  const valid = StateSchema.parse(state);
  await writeFileAtomic(path, JSON.stringify(valid, null, 2) + '\n', { mode: 0o600 });
}

/** Drops the state of rules no longer in the file; a renamed rule keeps its state (keyed by id). */
export function pruneState(state: State, ruleIds: Iterable<string>): State {
  const keep = new Set(ruleIds);
  const pick = <T>(record: Record<string, T>): Record<string, T> =>
    Object.fromEntries(Object.entries(record).filter(([id]) => keep.has(id)));
  return { ...state, rules: pick(state.rules), webhooks: pick(state.webhooks) };
}
