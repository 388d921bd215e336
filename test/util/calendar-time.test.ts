// Every time the user gives is a real calendar time with a zone; a date alone is UTC midnight.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCalendarTime, readCalendarTime } from '../../src/util/calendar-time.js';

const ms = (v: string) => {
  const r = readCalendarTime(v);
  return 'ms' in r ? r.ms : r.problem;
};

describe('readCalendarTime', () => {
  it.each([
    ['2026-04-26T12:00:00Z', Date.UTC(2026, 3, 26, 12)],
    ['2026-04-26T12:00Z', Date.UTC(2026, 3, 26, 12)],
    ['2026-04-26t12:00:00z', Date.UTC(2026, 3, 26, 12)],
    ['2026-04-26T14:00:00+02:00', Date.UTC(2026, 3, 26, 12)],
    ['2026-04-26T14:00:00+0200', Date.UTC(2026, 3, 26, 12)],
    ['2026-04-26T07:30:00-04:30', Date.UTC(2026, 3, 26, 12)],
    ['2026-04-26T12:00:00.250Z', Date.UTC(2026, 3, 26, 12, 0, 0, 250)],
    ['2026-04-26T12:00:00.123456789Z', Date.UTC(2026, 3, 26, 12, 0, 0, 123)],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
    ['2000-02-29T00:00:00Z', Date.UTC(2000, 1, 29)],
    ['2026-04-26', Date.UTC(2026, 3, 26)], // a date alone: UTC midnight
    ['2026-12-31T23:59:59Z', Date.UTC(2026, 11, 31, 23, 59, 59)],
  ])('%s is a time', (text, expected) => {
    expect(ms(text)).toBe(expected);
  });

  it.each([
    ['2026-02-30T10:00:00Z', 'is not a real date: February 2026 has 28 days'],
    ['2023-02-29T10:00:00Z', 'is not a real date: February 2023 has 28 days'],
    ['1900-02-29', 'is not a real date: February 1900 has 28 days'],
    ['2026-04-31T00:00:00Z', 'is not a real date: April 2026 has 30 days'],
    ['2026-04-00T00:00:00Z', 'is not a real date: April 2026 has 30 days'],
    ['2026-13-01T00:00:00Z', 'has no month 13'],
    ['2026-00-10', 'has no month 00'],
    ['2026-04-26T24:00:00Z', 'is not a real time: hour 24'],
    ['2026-04-26T12:60:00Z', 'is not a real time: minute 60'],
    ['2026-04-26T12:00:60Z', 'is not a real time: second 60'],
    ['2026-04-26T12:00:00', 'has no zone'],
    ['2026-04-26T12:00:00+24:00', 'has no such zone offset +24:00'],
    ['2026-04-26T12:00:00+02:60', 'has no such zone offset'],
    ['yesterday', 'must be an ISO 8601 time with a zone'],
    ['2026-4-26', 'must be an ISO 8601 time'],
    ['1777204800', 'must be an ISO 8601 time'],
    ['Sun, 26 Apr 2026 12:00:00 GMT', 'must be an ISO 8601 time'],
    ['', 'must be an ISO 8601 time'],
  ])('%s is refused: %s', (text, problem) => {
    expect(ms(text)).toContain(problem);
  });

  it('agrees with the calendar for every day of 400 years of dates (a Gregorian cycle)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1600, max: 2399 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T00:00:00Z`;
        const real = new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d; // JS rolls 02-30 over to 03-02
        expect(typeof ms(text) === 'number', text).toBe(real);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads every real time, in any offset, as Date.parse does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2200, 0, 1) }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        (t, offset) => {
          const local = new Date(t + offset * 60_000).toISOString().slice(0, 23);
          const zone =
            offset === 0
              ? 'Z'
              : `${offset < 0 ? '-' : '+'}${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}:${String(Math.abs(offset) % 60).padStart(2, '0')}`;
          const text = local + zone;
          expect(ms(text), text).toBe(Date.parse(text));
          expect(ms(text)).toBe(t);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('parseCalendarTime', () => {
  it('names what was wrong and exits 2', () => {
    expect(() => parseCalendarTime('2026-02-30T10:00:00Z', '--now')).toThrow(
      expect.objectContaining({ exitCode: 2, message: '--now is not a real date: February 2026 has 28 days (got "2026-02-30T10:00:00Z")' }),
    );
  });

  it('reads `now` only where allowed', () => {
    expect(parseCalendarTime('now', '--to', { allowNow: true, clock: () => 42_000 }).getTime()).toBe(42_000);
    expect(() => parseCalendarTime('now', 'input now')).toThrow(/input now must be an ISO 8601 time/);
  });
});
