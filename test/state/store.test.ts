import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadState, pruneState, saveState } from '../../src/state/store.js';
import { emptyState, type State } from '../../src/state/schema.js';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const dir = () => mkdtempSync(join(tmpdir(), 'state-test-'));

const sample: State = {
  version: 1,
  last_evaluated_at: '2026-04-26T12:00:00Z',
  rules: { [A]: { last_triggered_at: '2026-04-26T11:55:00Z' }, [B]: { last_triggered_at: null } },
  webhooks: { [A]: { url_sha256: 'a'.repeat(64), active: false, consecutive_failures: 10, disabled_at: '2026-04-26T11:55:00Z' } },
};

describe('state store', () => {
  it('a missing file is an empty state', async () => {
    expect(await loadState(join(dir(), 'state.json'))).toEqual(emptyState());
  });

  it('round-trips through an atomic save and leaves no temp file behind', async () => {
    const d = dir();
    const path = join(d, 'state.json');
    await saveState(path, sample);
    expect(await loadState(path)).toEqual(sample);
    expect(readdirSync(d)).toEqual(['state.json']);
  });

  it('a corrupt file is a clear error naming the file, and the file is left untouched', async () => {
    const path = join(dir(), 'state.json');
    writeFileSync(path, '{"version":1,"last_evaluated_at":');
    await expect(loadState(path)).rejects.toThrow(/state file .*state\.json is not valid JSON.*left untouched/);
    expect(readFileSync(path, 'utf8')).toBe('{"version":1,"last_evaluated_at":');
  });

  it('a schema violation names the field', async () => {
    const path = join(dir(), 'state.json');
    const bad = JSON.stringify({ ...sample, webhooks: { [A]: { ...sample.webhooks[A], consecutive_failures: -1 } } });
    writeFileSync(path, bad);
    await expect(loadState(path)).rejects.toThrow(new RegExp(`invalid at webhooks\\.${A}\\.consecutive_failures`));
    expect(readFileSync(path, 'utf8')).toBe(bad);
  });

  it('refuses to save an invalid state and keeps the old file', async () => {
    const path = join(dir(), 'state.json');
    await saveState(path, sample);
    await expect(saveState(path, { ...sample, last_evaluated_at: 'yesterday' })).rejects.toThrow();
    expect(await loadState(path)).toEqual(sample);
  });

  it('drops deleted rules and keeps the rest (renames keep their state: the key is the id)', () => {
    const pruned = pruneState(sample, [B]);
    expect(Object.keys(pruned.rules)).toEqual([B]);
    expect(pruned.webhooks).toEqual({});
    expect(pruned.last_evaluated_at).toBe(sample.last_evaluated_at);
  });
});
