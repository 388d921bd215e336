/**
 * Migrations of the stored state, applied to the parsed JSON before it is validated (src/state/schema.ts).
 *
 * - Version 1 (releases up to 1.0): `rules[id] = { last_triggered_at }`. Version 2 keeps that field with
 *   the same meaning (the dedup time of an ungrouped rule without lifecycle fields) and adds the optional
 *   `rules[id].instances`, so a version 1 file is already a valid version 2 state: the migration keeps
 *   every last_triggered_at as it is and adds nothing. The version number is then set from the content
 *   (still 1 until a rule stores instances), so migrating never rewrites a file that needs no change.
 * - Any other version is left for the schema to refuse with a clear message (a newer release's file is
 *   never guessed at or reset: a reset would forget the dedup times and re-fire every rule).
 */
export declare function migrateStoredState(data: unknown): unknown;
