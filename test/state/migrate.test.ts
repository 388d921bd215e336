import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runEvaluation } from '../../src/evaluate/run.js';
import type { Deliverer } from '../../src/deliver/types.js';
import { loadState, pruneState, saveState } from '../../src/state/store.js';
import { instanceKey, neededVersion, type State } from '../../src/state/schema.js';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const v1Files = readdirSync(FIXTURES).filter((f) => /^state-v1-.*\.json$/.test(f));
const dir = () => mkdtempSync(join(tmpdir(), 'state-v2-'));
const A = '00000000-0000-4000-8000-000000000001';
const B = '00000000-0000-4000-8000-000000000002';

describe('state v1 files written by the current release', () => {
  it('there are checked-in v1 fixtures', () => expect(v1Files.length).toBeGreaterThanOrEqual(3));

  for (const f of v1Files) {
    it(`${f}: loads, keeps every dedup time, and saves back byte for byte as version 1`, async () => {
      const text = readFileSync(join(FIXTURES, f), 'utf8');
      const raw = JSON.parse(text) as { rules: Record<string, { last_triggered_at: string | null }> };
      const path = join(dir(), 'state.json');
      copyFileSync(join(FIXTURES, f), path);
      const state = await loadState(path);
      expect(state.version).toBe(1);
      for (const [id, r] of Object.entries(raw.rules)) expect(state.rules[id]!.last_triggered_at).toBe(r.last_triggered_at);
      await saveState(path, state);
      expect(readFileSync(path, 'utf8')).toBe(text);
    });
  }
});

describe('state v2', () => {
  const v2: State = {
    version: 2,
    last_evaluated_at: '2026-04-26T12:00:00Z',
    rules: {
      [A]: {
        last_triggered_at: null,
        instances: {
          [instanceKey(['web-1'])]: {
            group: { host: 'web-1' },
            last_triggered_at: '2026-04-26T11:50:00Z',
            status: 'firing',
            since: '2026-04-26T11:50:00Z',
            pending_count: 0,
            last_notified_at: '2026-04-26T11:50:00Z',
            fire_delivered: true,
            last_value: 93.5,
          },
          [instanceKey([null])]: { group: { host: null }, last_triggered_at: '2026-04-26T11:45:00Z' },
        },
      },
      [B]: { last_triggered_at: '2026-04-26T11:55:00Z' },
    },
    webhooks: {},
  };

  it('a state with instances saves as version 2 and loads back equal', async () => {
    const path = join(dir(), 'state.json');
    await saveState(path, { ...v2, version: 1 }); // the version follows the content
    const text = readFileSync(path, 'utf8');
    expect(JSON.parse(text).version).toBe(2);
    expect(await loadState(path)).toEqual(v2);
  });

  it('instance keys are the group values as a JSON array', () => {
    expect(instanceKey([])).toBe('[]');
    expect(instanceKey(['a', null])).toBe('["a",null]');
  });

  it('when no rule stores instances any more, the state goes back to version 1 (empty instances dropped)', async () => {
    const path = join(dir(), 'state.json');
    const noInstances: State = { ...v2, rules: { [A]: { last_triggered_at: null, instances: {} }, [B]: v2.rules[B]! } };
    expect(neededVersion(noInstances)).toBe(1);
    await saveState(path, noInstances);
    expect(readFileSync(path, 'utf8')).toBe(
      JSON.stringify(
        {
          version: 1,
          last_evaluated_at: v2.last_evaluated_at,
          rules: { [A]: { last_triggered_at: null }, [B]: v2.rules[B] },
          webhooks: {},
        },
        null,
        2,
      ) + '\n',
    );
  });

  it('pruning a deleted rule drops its instances too', () => {
    const pruned = pruneState(v2, [B]);
    expect(pruned.rules[A]).toBeUndefined();
    expect(neededVersion(pruned)).toBe(1);
  });

  it('a file from a newer release is refused with a clear message and left untouched', async () => {
    const path = join(dir(), 'state.json');
    const text = JSON.stringify({ ...v2, version: 3 });
    writeFileSync(path, text);
    await expect(loadState(path)).rejects.toThrow(/invalid at version: unsupported state version .*versions 1 and 2/);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('a bad instance names the field', async () => {
    const path = join(dir(), 'state.json');
    const bad = structuredClone(v2) as unknown as { rules: Record<string, { instances: Record<string, { status: string }> }> };
    bad.rules[A]!.instances['["web-1"]']!.status = 'exploding';
    writeFileSync(path, JSON.stringify(bad));
    await expect(loadState(path)).rejects.toThrow(/invalid at rules\.00000000-0000-4000-8000-000000000001\.instances\.\["web-1"\]\.status/);
  });
});

describe('an evaluation run on a v1 state file keeps its dedup', () => {
  it('does not re-fire inside the window, fires after it, and stores version 1 throughout', async () => {
    const d = dir();
    const statePath = join(d, 'state.json');
    copyFileSync(join(FIXTURES, 'state-v1-basic.json'), statePath);
    const lines = ['11:56', '12:01', '12:02', '12:06', '12:07'].map((hm) =>
      JSON.stringify({ level: 'error', time: `2026-04-26T${hm}:00Z`, msg: 'x' }),
    );
    writeFileSync(join(d, 'app.log'), lines.join('\n') + '\n');
    const rules = {
      project: 'shop',
      sources: [{ name: 'app', path: 'app.log' }],
      rules: [
        {
          id: A,
          name: 'errors',
          level: 'error',
          threshold: 1,
          window_minutes: 15,
          channels: ['webhook'],
          notify_webhook: 'https://hooks.example.com/x',
        },
      ],
    };
    writeFileSync(join(d, 'alerts.yml'), stringify(rules));
    const fired: string[] = [];
    const deliverer: Deliverer = {
      async deliver(decisions, _file, state) {
        fired.push(...decisions.map((x) => x.triggered_at));
        return { state, outcomes: [] };
      },
    };
    const run = (now: string) =>
      runEvaluation({ rulesPath: join(d, 'alerts.yml'), statePath, now: new Date(now), dryRun: false, env: {}, deliverer });
    await run('2026-04-26T12:05:30Z'); // 12:05 − 11:55 < 15 min: deduplicated by the v1 time
    expect(fired).toEqual([]);
    let stored = JSON.parse(readFileSync(statePath, 'utf8'));
    expect(stored.version).toBe(1);
    expect(stored.rules[A]).toEqual({ last_triggered_at: '2026-04-26T11:55:00Z' });
    await run('2026-04-26T12:10:30Z'); // 15 min after: fires
    expect(fired).toEqual(['2026-04-26T12:10:00Z']);
    stored = JSON.parse(readFileSync(statePath, 'utf8'));
    expect(stored.version).toBe(1);
    expect(stored.rules[A]).toEqual({ last_triggered_at: '2026-04-26T12:10:00Z' });
  });
});
