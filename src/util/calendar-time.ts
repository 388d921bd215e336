import { EXIT, UserError } from './errors.js';

/**
 * Every time a user gives the toolkit — `--now`, `--from`, `--to`, the evaluate action's `now`
 * input, rule fields such as `webhook_reenabled_at` — is read here: an ISO 8601 / RFC 3339 time with
 * an explicit zone, checked as a real calendar time (2026-02-30, 25:00 or +24:00 are refused, not
 * rolled over as `new Date` does). A date alone (`2026-04-26`) means UTC midnight of that day.
 */

const FORM = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?([Zz]|([+-])(\d{2}):?(\d{2}))?)?$/;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y: number, m: number) => [31, leap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;

const TIME_FORM_HINT =
  'an ISO 8601 time with a zone, e.g. 2026-04-26T12:00:00Z or 2026-04-26T14:00:00+02:00 (a date alone means UTC midnight)';

/** The time as epoch ms, or why the text is not one: `{ problem }`. */
export function readCalendarTime(value: string): { ms: number } | { problem: string } {
  const m = FORM.exec(value.trim());
  if (!m) return { problem: `must be ${TIME_FORM_HINT}` };
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12) return { problem: `has no month ${m[2]}` };
  if (d < 1 || d > daysIn(y, mo)) return { problem: `is not a real date: ${MONTHS[mo - 1]} ${y} has ${daysIn(y, mo)} days` };
  if (m[4] === undefined) return { ms: Date.UTC(y, mo - 1, d) };
  const [h, mi, s] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (h > 23) return { problem: `is not a real time: hour ${m[4]} (00–23)` };
  if (mi > 59) return { problem: `is not a real time: minute ${m[5]} (00–59)` };
  if (s > 59) return { problem: `is not a real time: second ${m[6]} (00–59; leap seconds are not representable)` };
  if (m[8] === undefined) return { problem: `has no zone: add Z for UTC or an offset such as +02:00` };
  let offsetMin = 0;
  if (m[9]) {
    const [oh, om] = [Number(m[10]), Number(m[11])];
    if (oh > 23 || om > 59) return { problem: `has no such zone offset ${m[9]}${m[10]}:${m[11]}` };
    offsetMin = (m[9] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  const ms = Math.floor(Number(`0${m[7] ?? ''}`) * 1000);
  const t = Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetMin * 60_000;
  if (!Number.isFinite(t) || Math.abs(t) > 8.64e15) return { problem: 'is out of range' };
  return { ms: t };
}

/**
 * A time the user gave (`what` names it: `--now`, `input now`, …) as a Date, or a UserError with
 * exit code 2 naming it. `now` stands for the current time where `allowNow` says so.
 */
export function parseCalendarTime(value: string, what: string, opts: { allowNow?: boolean; clock?: () => number } = {}): Date {
  if (opts.allowNow && value.trim() === 'now') return new Date((opts.clock ?? Date.now)());
  const r = readCalendarTime(value);
  if ('problem' in r) throw new UserError(`${what} ${r.problem} (got "${value}")`, { exitCode: EXIT.badInput });
  return new Date(r.ms);
}
