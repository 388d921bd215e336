import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deliverer, DeliveryOutcome } from '../../src/deliver/types.js';
import { runEvaluation } from '../../src/evaluate/run.js';
import { runBacktest } from '../../src/evaluate/backtest.js';
import { neededVariables } from '../../src/evaluate/preflight.js';
import { parseRules } from '../../src/rules/load.js';

/**
 * Issue 12 item 8: evaluation is linear in the number of rules. Without timers: while a run works, every
 * scan of a collection (an array method or iterator, a Map/Set iteration, Object.keys/entries/values) is
 * recorded with the collection's size. A linear pipeline scans collections as large as the rule list a
 * fixed number of times (once per stage or tick), whatever the number of rules; a per-rule `find`,
 * `filter`, `includes` or copy over all rules, reports, measures, fires or state entries makes that
 * number grow with the rules. So the count of such big scans must not grow from n to 4n rules.
 */

const MIN = 60_000;
const T0 = Date.UTC(2026, 3, 26, 12, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const LEVELS = ['debug', 'info', 'warn', 'error', 'fatal'];

/** Every kind of rule the evaluator handles differently, in turn. */
function ruleYaml(n: number, logPath: string): string {
  const lines = ['project: scale', 'sources:', '  - name: app', `    path: ${logPath}`, 'rules:'];
  for (let i = 0; i < n; i++) {
    lines.push(
      `  - id: ${id(i + 1)}`,
      `    name: "rule ${i + 1}"`,
      `    window_minutes: ${5 + (i % 7)}`,
      '    channels: [webhook]',
      '    notify_webhook: https://hooks.example.com/x',
      '    notify_webhook_secret_env: HOOK_SECRET',
    );
    const kind = i % 9;
    if (kind === 0) lines.push(`    level: ${LEVELS[i % 5]}`, '    threshold: 1');
    if (kind === 1) lines.push('    level: error', '    threshold: 1', '    where: [{ field: amount, op: gte, value: 3 }]');
    if (kind === 2) lines.push('    min_level: warn', '    threshold: 1', '    group_by: [user]');
    if (kind === 3) lines.push('    level: info', '    threshold: 50', '    comparison: fewer_than');
    if (kind === 4) lines.push('    level: error', '    threshold: 0.1', '    denominator: { min_level: debug }');
    if (kind === 5) lines.push('    level: error', '    threshold: 1', '    pending_ticks: 2', '    notify_resolved: true');
    if (kind === 6) lines.push('    min_level: warn', '    threshold: 1', '    group_by: [user]', '    renotify_minutes: 10');
    if (kind === 7) lines.push('    level: error', '    threshold: 1', '    enabled: false');
    if (kind === 8) lines.push('    threshold: 5', '    value: { field: amount, aggregate: max }', '    recovery_threshold: 2');
  }
  return lines.join('\n') + '\n';
}

/** Scans of collections of at least `min` elements while `fn` runs. */
async function bigScans(min: number, fn: () => Promise<unknown>): Promise<number> {
  let count = 0;
  const seen = (size: number) => {
    if (size >= min) count++;
  };
  const restore: (() => void)[] = [];
  const wrap = (target: object, key: PropertyKey, size: (self: unknown, result: unknown) => number) => {
    const original = Reflect.get(target, key) as (...a: unknown[]) => unknown;
    Reflect.set(target, key, function (this: unknown, ...args: unknown[]) {
      const result = original.apply(this, args);
      seen(size(this, result));
      return result;
    });
    restore.push(() => Reflect.set(target, key, original));
  };
  const arrayMethods = ['find', 'findIndex', 'findLast', 'filter', 'some', 'every', 'includes', 'indexOf', 'lastIndexOf'];
  for (const m of [...arrayMethods, 'map', 'forEach', 'reduce', 'slice', 'concat', 'flatMap', 'sort', Symbol.iterator])
    wrap(Array.prototype, m, (self) => (self as unknown[]).length);
  for (const proto of [Map.prototype, Set.prototype])
    for (const m of ['forEach', 'entries', 'values', 'keys', Symbol.iterator]) wrap(proto, m, (self) => (self as Set<unknown>).size);
  for (const m of ['keys', 'entries', 'values']) wrap(Object, m, (_self, result) => (result as unknown[]).length);
  try {
    await fn();
  } finally {
    for (const r of restore.reverse()) r();
  }
  return count;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rule-scale-'));
  const lines: string[] = [];
  for (let i = 0; i < 400; i++)
    lines.push(JSON.stringify({ time: iso(T0 - 60 * MIN + i * 9_000), level: LEVELS[i % 5], user: `u${i % 6}`, amount: i % 10 }));
  await writeFile(join(dir, 'app.log'), lines.join('\n') + '\n');
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

/** Delivers every decision (each a delivered webhook), so state, lifecycle settling and pruning all run. */
const deliverAll: Deliverer = {
  async deliver(decisions, _file, state) {
    const outcomes: DeliveryOutcome[] = decisions.map((d) => ({
      rule_id: d.rule.id,
      rule_name: d.rule.name,
      channel: 'webhook',
      triggered_at: d.triggered_at,
      ...(d.group ? { group: d.group } : {}),
      ...(d.resolved_at ? { event: 'alert.resolved' as const, resolved_at: d.resolved_at } : {}),
      status: 'delivered',
      attempts: 1,
    }));
    return { outcomes, state };
  },
};

async function scansFor(n: number): Promise<{ evaluate: number; preflight: number; backtest: number; fired: number }> {
  const rulesPath = join(dir, `rules-${n}.yml`);
  const statePath = join(dir, `state-${n}.json`);
  await writeFile(rulesPath, ruleYaml(n, 'app.log'));
  const env = { HOOK_SECRET: 'a'.repeat(64) };
  let fired = 0;
  const evaluate = await bigScans(n / 2, async () => {
    // A first run (catching up 30 minutes of ticks), then the next tick from the saved state.
    await runEvaluation({ rulesPath, statePath, now: new Date(T0 - 30 * MIN), dryRun: false, env, deliverer: deliverAll });
    const r = await runEvaluation({ rulesPath, statePath, now: new Date(T0), dryRun: false, env, deliverer: deliverAll });
    const dry = await runEvaluation({ rulesPath, statePath, now: new Date(T0 + 5 * MIN), dryRun: true, env });
    fired = r.decisions.length + dry.decisions.length;
  });
  const file = parseRules(ruleYaml(n, 'app.log'), rulesPath);
  const preflight = await bigScans(n / 2, async () =>
    neededVariables(file, { sources: file.sources, ignoreRuleSources: false, dryRun: false, heartbeatEvent: false }),
  );
  const backtest = await bigScans(n / 2, () => runBacktest({ rulesPath, from: new Date(T0 - 60 * MIN), to: new Date(T0), env }));
  return { evaluate, preflight, backtest, fired };
}

describe('rule-file scale (issue 12 item 8)', () => {
  it('scans collections as large as the rule list a fixed number of times, whatever the number of rules', async () => {
    const small = await scansFor(200);
    const large = await scansFor(800);
    // The runs did decide and deliver (the fixture is not vacuous).
    expect(small.fired).toBeGreaterThan(50);
    expect(large.fired).toBeGreaterThan(4 * 50);
    // Linear: the same fixed number of big scans; a per-rule scan adds hundreds at 800 rules.
    expect(large.evaluate).toBeLessThanOrEqual(small.evaluate + 5);
    expect(large.preflight).toBeLessThanOrEqual(small.preflight + 5);
    expect(large.backtest).toBeLessThanOrEqual(small.backtest + 5);
  }, 120_000);
});
