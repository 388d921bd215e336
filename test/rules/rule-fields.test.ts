import { describe, expect, it } from 'vitest';
import { parseRules } from '../../src/rules/load.js';
import { levelLabel, selectedLevels } from '../../src/rules/selection.js';
import { compileRules } from '../../src/evaluate/compile.js';
import { UserError } from '../../src/util/errors.js';

const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function file(rules: Record<string, unknown>[]): string {
  return JSON.stringify({
    project: 'p',
    sources: [{ name: 'app', path: 'app.log' }],
    rules: rules.map((r, i) => ({
      id: ID(i + 1),
      name: `rule ${i + 1}`,
      threshold: 1,
      window_minutes: 5,
      channels: ['webhook'],
      notify_webhook: 'https://h.example.com/x',
      ...r,
    })),
  });
}
const parse = (rules: Record<string, unknown>[]) => parseRules(file(rules), 'alerts.yml');

function failure(rules: Record<string, unknown>[]): UserError {
  try {
    parse(rules);
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).exitCode).toBe(2);
    return err as UserError;
  }
  throw new Error('expected the rule file to be refused');
}

describe('rule fields (issue 14)', () => {
  it('a plain rule keeps its exact parsed shape: no new key appears, level stays the lower-case name', () => {
    const r = parse([{ level: 'error' }]).rules[0]!;
    expect(Object.keys(r).sort()).toEqual([
      'allow_http',
      'channels',
      'enabled',
      'id',
      'level',
      'name',
      'notify_webhook',
      'threshold',
      'webhook_scheme',
      'window_minutes',
    ]);
    expect(r.level).toBe('error');
    expect(levelLabel(r)).toBe('error');
  });

  it('level names are case-insensitive with the log-line aliases, normalized on load', () => {
    const rules = parse([
      { level: 'ERROR' },
      { level: 'warning' },
      { level: 'critical' },
      { level: ['Fatal', 'err', 'ERROR'] },
      { min_level: 'WARNING' },
    ]).rules;
    expect(rules.map((r) => r.level)).toEqual(['error', 'warn', 'fatal', ['fatal', 'error', 'error'], undefined]);
    expect(rules.map(levelLabel)).toEqual(['error', 'warn', 'fatal', 'error,fatal', 'warn,error,fatal']);
    expect(selectedLevels(rules[4]!)).toEqual(['warn', 'error', 'fatal']);
    expect(failure([{ level: 'oops' }]).message).toMatch(/rules\[0\] "rule 1" → level: unknown level "oops"/);
  });

  it('where: operators and their aliases normalize to names; any level when no level is given', () => {
    const r = parse([
      {
        where: [
          { field: 'event', op: '=', value: 'payment_failed' },
          { field: 'amount', op: '>=', value: 100 },
          { field: 'user.id', op: 'exists' },
          { field: 'status', op: 'in', value: [500, '502'] },
          { field: 'message', op: '=~', value: 'time(d )?out' },
          { field: 'env', op: '!=', value: 'test' },
        ],
      },
    ]).rules[0]!;
    expect(r.where!.map((f) => f.op)).toEqual(['equals', 'gte', 'exists', 'one_of', 'matches', 'not_equals']);
    expect(levelLabel(r)).toBe('any');
    expect(selectedLevels(r)).toEqual(['debug', 'info', 'warn', 'error', 'fatal']);
  });

  it.each([
    [{ level: 'error', where: [{ field: 'amount', op: '=>', value: 1 }] }, /rule 1" → where\.0\.op: unknown op "=>" for field "amount"/],
    [
      { level: 'error', where: [{ field: 'msg', op: 'matches', value: 'a(b' }] },
      /where\.0\.value: pattern "a\(b": not a valid regular expression.*field "msg"/,
    ],
    [{ level: 'error', where: [{ field: 'msg', op: 'matches', value: '(?<=x)y' }] }, /look-around.*field "msg"/],
    [{ level: 'error', where: [{ field: 'msg', op: 'matches', value: '(a)\\1' }] }, /backreferences.*field "msg"/],
    [{ level: 'error', where: [{ field: 'disk', op: 'gte', value: '90' }] }, /"90" is not a number.*field "disk"/],
    [{ level: 'error', where: [{ field: 'x', op: 'exists', value: true }] }, /exists takes no value/],
    [{ level: 'error', where: [{ field: 'x', op: 'one_of', value: 'a' }] }, /one_of needs a non-empty list/],
    [{ level: 'error', where: [{ field: 'x', op: 'equals' }] }, /a value is required/],
    [{ level: 'error', where: [{ field: 'x', op: 'equals', value: 1, extra: 1 }] }, /unknown field "extra"/],
    [{ level: 'error', min_level: 'warn' }, /give level or min_level, not both/],
    [{ group_by: ['user'] }, /level: required unless the rule has where, denominator or value/],
    [{ level: 'error', threshold: 0.5 }, /threshold: must be a whole number/],
    [{ level: 'error', min_denominator: 5 }, /min_denominator: only for ratio rules/],
    [{ level: 'error', max_groups: 5 }, /max_groups: only for grouped rules/],
    [{ level: 'error', group_lookback_minutes: 60 }, /group_lookback_minutes: only for grouped fewer_than/],
    [{ level: 'error', group_by: ['h'], comparison: 'fewer_than', group_lookback_minutes: 5 }, /must be longer than window_minutes/],
    [{ level: 'error', comparison: 'below' }, /comparison/],
  ])('refuses %j with a message naming the rule and field', (rule, message) => {
    expect(failure([rule]).message).toMatch(message);
  });

  it('accepts fractional thresholds on ratio rules, and every documented field together', () => {
    const r = parse([
      {
        level: ['error', 'fatal'],
        denominator: { min_level: 'debug', where: [{ field: 'kind', op: 'equals', value: 'request' }] },
        min_denominator: 20,
        threshold: 0.05,
        group_by: ['service'],
        max_groups: 10,
      },
      {
        level: 'info',
        where: [{ field: 'job', op: 'equals', value: 'backup' }],
        comparison: 'fewer_than',
        group_by: ['host'],
        group_lookback_minutes: 2880,
        window_minutes: 1500,
      },
    ]).rules;
    expect(r[0]).toMatchObject({ threshold: 0.05, min_denominator: 20, denominator: { min_level: 'debug' } });
    expect(r[1]).toMatchObject({ comparison: 'fewer_than', group_lookback_minutes: 2880 });
  });

  it('identical selections across rules share one series and identical windows one window', () => {
    const rules = parse([
      { level: 'error' },
      { level: 'ERROR', window_minutes: 5 },
      { level: ['error'] },
      { level: 'error', where: [{ field: 'a', op: '==', value: 1 }] },
      { level: 'error', where: [{ field: 'a', op: 'equals', value: 1 }], window_minutes: 10 },
      { level: 'error', group_by: ['a'] },
      { level: 'warn', sources: ['app'] },
    ]).rules;
    const plans = compileRules(rules, [0, 300_000]);
    expect(plans).toHaveLength(2);
    const [all, app] = plans;
    expect(all!.query.series).toHaveLength(3);
    expect(all!.rules.map((r) => r.series)).toEqual([0, 0, 0, 1, 1, 2]);
    expect(all!.query.windows).toHaveLength(4);
    expect(app!.query.sources).toEqual(['app']);
  });
});
