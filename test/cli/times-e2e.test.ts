// Times the user gives, through the BUILT CLI and evaluate action: an impossible date is bad input
// (exit 2 naming the flag, input or rule field, state untouched); a date alone is UTC midnight.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { renderLine } from '../helpers/log-lines.js';
import { builtBundle, runNode, tempDir } from '../events/support.js';

const cli = (args: string[]) => runNode(builtBundle('cli'), args, {});
const RULE = {
  id: '11111111-2222-4333-8444-555555555555',
  name: 'Errors',
  level: 'error',
  threshold: 1,
  window_minutes: 5,
  channels: ['email'],
  notify_email: 'ops@example.com',
};

function setup(rule: Record<string, unknown> = {}): { dir: string; rules: string; state: string } {
  const dir = tempDir('times-e2e-');
  writeFileSync(join(dir, 'app.log'), renderLine({ ts: Date.UTC(2026, 3, 25, 23, 58), level: 'error' }, 0) + '\n');
  const rules = join(dir, 'alerts.yml');
  writeFileSync(rules, stringify({ project: 'p', sources: [{ name: 'app', path: 'app.log' }], rules: [{ ...RULE, ...rule }] }));
  return { dir, rules, state: join(dir, 'state.json') };
}

describe('impossible times are bad input everywhere a time is given', () => {
  it('--now, --from, --to (evaluate, backtest, verify) exit 2 naming the flag', async () => {
    const { dir, rules, state } = setup();
    const cases: [string[], string][] = [
      [
        ['evaluate', '--rules', rules, '--state', state, '--now', '2026-02-30T10:00:00Z'],
        '--now is not a real date: February 2026 has 28 days',
      ],
      [['evaluate', '--rules', rules, '--state', state, '--now', '2026-04-26T24:00:00Z'], '--now is not a real time: hour 24'],
      [['evaluate', '--rules', rules, '--state', state, '--now', '2026-04-26T10:00:00'], '--now has no zone'],
      [
        ['backtest', '--rules', rules, '--from', '2026-04-31T00:00:00Z', '--to', '2026-05-01T00:00:00Z'],
        '--from is not a real date: April 2026 has 30 days',
      ],
      [
        ['backtest', '--rules', rules, '--from', '2026-04-01T00:00:00Z', '--to', '2026-02-29'],
        '--to is not a real date: February 2026 has 28 days',
      ],
      [['verify', '--request', join(dir, 'none.http'), '--now', '2026-02-30T00:00:00Z'], '--now is not a real date'],
    ];
    for (const [args, message] of cases) {
      const r = await cli(args);
      expect([r.code, r.stderr], args.join(' ')).toEqual([2, expect.stringContaining(message)]);
    }
    expect(existsSync(state)).toBe(false);
  });

  it('a date alone is UTC midnight, for --now and backtest alike', async () => {
    const { rules, state } = setup();
    const r = await cli(['evaluate', '--rules', rules, '--state', state, '--now', '2026-04-26', '--dry-run', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { ticks: string[]; decisions: { triggered_at: string }[] };
    expect(report.ticks.at(-1)).toBe('2026-04-26T00:00:00Z');
    expect(report.decisions.map((d) => d.triggered_at)).toEqual(['2026-04-26T00:00:00Z']);
    const b = await cli(['backtest', '--rules', rules, '--from', '2026-04-25T23:50:00Z', '--to', '2026-04-26', '--json']);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stdout).toContain('2026-04-26T00:00:00Z');
  });

  it("the evaluate action's now input: exit 2 naming the input, nothing saved", async () => {
    const { dir, rules, state } = setup();
    const out = join(dir, 'out.txt');
    writeFileSync(out, '');
    const r = await runNode(builtBundle('evaluate'), [], {
      INPUT_RULES: rules,
      INPUT_STATE: state,
      INPUT_NOW: '2026-02-30T10:00:00Z',
      GITHUB_OUTPUT: out,
    });
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toContain('input now is not a real date: February 2026 has 28 days');
    expect(readFileSync(out, 'utf8')).toMatch(/state_saved<<[^\n]*\nfalse\n/);
    expect(existsSync(state)).toBe(false);
  });

  it('a rule field (webhook_reenabled_at) with an impossible date: exit 2 naming the rule and field', async () => {
    const { rules, state } = setup({
      channels: ['webhook'],
      notify_webhook: 'https://hooks.example.com/h',
      webhook_reenabled_at: '2026-02-30T10:00:00Z',
    });
    const r = await cli(['evaluate', '--rules', rules, '--state', state, '--now', '2026-04-26T00:00:00Z', '--dry-run']);
    expect([r.code, r.stderr]).toEqual([
      2,
      expect.stringMatching(/rules\[0\] "Errors" → webhook_reenabled_at: is not a real date: February 2026 has 28 days/),
    ]);
  });
});
