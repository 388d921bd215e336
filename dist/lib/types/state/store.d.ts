import { type State } from './schema.js';
/**
 * Reads the state file. A missing file is an empty state (first run, or an evicted cache);
 * an unreadable or invalid one is an error that leaves the file as it is, never a silent reset,
 * since a reset would forget last_triggered_at and re-fire every rule.
 */
export declare function loadState(path: string): Promise<State>;
/**
 * Checks, before anything is counted or delivered, that the state file can be written: its directory
 * is created when missing (as the action always did) and a file can be created in it. A result that
 * could not be recorded would be delivered again by every later run and never auto-disable a webhook,
 * so a state that cannot be written is bad input (exit 2), reported before any delivery.
 */
export declare function checkStateWritable(path: string): Promise<void>;
/**
 * Writes the state atomically (util/atomic-write: temp file, fsync, rename), so a crash leaves either
 * the old state or the new one, never half a file. A new state file is created 0600.
 */
export declare function saveState(path: string, state: State): Promise<void>;
/** Drops the state of rules no longer in the file; a renamed rule keeps its state (keyed by id). */
export declare function pruneState(state: State, ruleIds: Iterable<string>): State;
