import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeLevel, parseLine } from '../../src/logs/formats.js';
import { canonicalUtcMs, createTimeReader } from '../../src/logs/formats-time.js';

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

describe('normalizeLevel: own names only', () => {
  it('reads a name written exactly or with case and spaces the same, and no Object.prototype key as a level', () => {
    expect([' error ', 'error', 'ERROR', 'warn'].map(normalizeLevel)).toEqual(['error', 'error', 'error', 'warn']);
    expect(['constructor', 'toString', '__proto__', 'hasOwnProperty', ' Constructor'].map(normalizeLevel)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(parseLine('{"level":"constructor","time":"2026-04-26T12:00:00Z"}')).toBeUndefined();
  });
});

describe('time reader: the canonical UTC form', () => {
  it('reads YYYY-MM-DDThh:mm:ss[.f]Z exactly as Date.parse does, impossible dates and times included', () => {
    const reader = createTimeReader();
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const canonical = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), two(13), two(32), two(25), two(61), two(61), fc.option(fc.stringMatching(/^\d{1,12}$/)))
      .map(([y, mo, d, h, mi, s, f]) => `${String(y).padStart(4, '0')}-${mo}-${d}T${h}:${mi}:${s}${f === null ? '' : `.${f}`}Z`);
    fc.assert(
      fc.property(canonical, (text) => {
        const ms = Date.parse(text);
        expect(reader.read(text)).toBe(Number.isNaN(ms) ? undefined : ms);
      }),
      { numRuns: 3000 },
    );
    expect(reader.read('2026-02-30T10:00:00Z')).toBe(Date.parse('2026-02-30T10:00:00Z')); // V8 rolls it over to 2 March
    expect(reader.zoneless).toBe(0);
  });

  it('reads the millisecond and whole-second forms in arithmetic exactly as Date.parse does, or leaves them to it', () => {
    // canonicalUtcMs answers NaN where it does not know; where it answers, Date.parse must agree.
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const text = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), two(13), two(32), two(25), two(61), two(61), fc.option(fc.integer({ min: 0, max: 999 })))
      .map(
        ([y, mo, d, h, mi, s, f]) =>
          `${String(y).padStart(4, '0')}-${mo}-${d}T${h}:${mi}:${s}${f === null ? '' : `.${String(f).padStart(3, '0')}`}Z`,
      );
    // Any one character replaced: a digit by a non-digit, a separator by something else.
    const garbled = fc
      .tuple(text, fc.nat(23), fc.constantFrom('a', ' ', '/', ':', '-', '.', '9', '\u0660'))
      .map(([t, i, c]) => t.slice(0, i) + c + t.slice(i + 1));
    let read = 0;
    fc.assert(
      fc.property(fc.oneof(text, garbled), (t) => {
        const fast = canonicalUtcMs(t);
        if (Number.isNaN(fast)) return;
        read++;
        expect(fast).toBe(Date.parse(t));
      }),
      { numRuns: 5000 },
    );
    expect(read).toBeGreaterThan(1000);
    expect(canonicalUtcMs('2026-11-20T13:44:05.123Z')).toBe(Date.UTC(2026, 10, 20, 13, 44, 5, 123));
    expect(canonicalUtcMs('0099-02-28T00:00:00Z')).toBeNaN(); // left to Date.parse: Date.UTC reads year 99 as 1999
    expect(canonicalUtcMs('0100-02-28T00:00:00Z')).toBe(Date.parse('0100-02-28T00:00:00Z'));
    expect(canonicalUtcMs('2026-04-31T00:00:00Z')).toBe(Date.parse('2026-04-31T00:00:00Z')); // rolls over to 1 May
    expect(canonicalUtcMs('2026-01-01T24:00:00Z')).toBeNaN(); // left to Date.parse
  });
});
