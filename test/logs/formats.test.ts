import { describe, expect, it } from 'vitest';
import { normalizeLevel, parseLine } from '../../src/logs/formats.js';

const MS = Date.parse('2026-04-26T12:00:00.250Z');

describe('parseLine', () => {
  it.each([
    ['pino/bunyan numeric level, time in ms', `{"level":50,"time":${MS},"pid":1,"msg":"boom"}`, 'error'],
    ['pino fatal', `{"level":60,"time":${MS},"msg":"x"}`, 'fatal'],
    ['winston level + ISO timestamp', '{"level":"warn","message":"slow","timestamp":"2026-04-26T12:00:00.250Z"}', 'warn'],
    ['ECS flat keys', '{"@timestamp":"2026-04-26T12:00:00.250Z","log.level":"ERROR","message":"x"}', 'error'],
    ['ECS nested log object', '{"@timestamp":"2026-04-26T12:00:00.250Z","log":{"level":"info"},"message":"x"}', 'info'],
    ['zap ts in seconds', `{"level":"error","ts":${MS / 1000},"msg":"x"}`, 'error'],
    ['zerolog time as ISO', '{"level":"debug","time":"2026-04-26T12:00:00.250Z","message":"x"}', 'debug'],
    ['logrus', '{"level":"warning","msg":"x","time":"2026-04-26T12:00:00.250Z"}', 'warn'],
    ['logfmt with quoted values', 'ts=2026-04-26T12:00:00.250Z level=error msg="db down: \\"primary\\"" attempt=3', 'error'],
    ['logfmt with epoch seconds', `level=crit ts=${MS / 1000} msg=x`, 'fatal'],
  ])('%s', (_name, line, level) => {
    expect(parseLine(line)).toMatchObject({ ts: MS, level });
  });

  it("returns a JSON line's parsed object as its fields, and its message", () => {
    const line = `{"level":50,"time":${MS},"pid":1,"msg":"boom","user":{"id":7},"amount":120.5}`;
    expect(parseLine(line)).toEqual({ ts: MS, level: 'error', fields: JSON.parse(line), message: 'boom' });
    const winston = parseLine('{"level":"warn","message":"slow","timestamp":"2026-04-26T12:00:00.250Z"}');
    expect(winston?.message).toBe('slow');
    expect(parseLine(`{"level":"warn","time":${MS},"msg":42}`)).toEqual({
      ts: MS,
      level: 'warn',
      fields: { level: 'warn', time: MS, msg: 42 },
    });
  });

  it("returns a logfmt line's key/values as strings, and its message", () => {
    const rec = parseLine('ts=2026-04-26T12:00:00.250Z level=error msg="db down: \\"primary\\"" attempt=3 empty= constructor=x');
    expect(rec).toEqual({
      ts: MS,
      level: 'error',
      fields: { ts: '2026-04-26T12:00:00.250Z', level: 'error', msg: 'db down: "primary"', attempt: '3', empty: '', constructor: 'x' },
      message: 'db down: "primary"',
    });
    expect(Object.hasOwn(rec!.fields, 'toString')).toBe(false);
    expect(parseLine(`level=info ts=${MS / 1000}`)).not.toHaveProperty('message');
  });

  it.each([
    ['empty', ''],
    ['not JSON, not logfmt', 'Apr 26 12:00:00 host kernel: something'],
    ['truncated JSON', '{"level":"error","time":'],
    ['JSON array', '[1,2,3]'],
    ['no level', `{"time":${MS},"msg":"x"}`],
    ['unknown level', `{"level":"loud","time":${MS}}`],
    ['bad time', '{"level":"error","time":"yesterday"}'],
    ['binary', '\u0000\u0001\u0002\uFFFD\uFFFD'],
  ])('cannot read: %s', (_name, line) => {
    expect(parseLine(line)).toBeUndefined();
  });
});

describe('normalizeLevel', () => {
  it('maps aliases case-insensitively', () => {
    expect(['WARNING', 'Err', 'critical', 'CRIT', 'panic', 'trace', '40'].map(normalizeLevel)).toEqual([
      'warn',
      'error',
      'fatal',
      'fatal',
      'fatal',
      'debug',
      'warn',
    ]);
  });
});
