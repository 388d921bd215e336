import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createLineFormat } from '../../src/logs/formats-source.js';
import { digitRange } from '../../src/logs/scan/prefilter.js';
import { createTimeScan, type SliceLines } from '../../src/logs/scan/time-scan.js';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
/** Anchors where calendar edges meet windows: month ends (30/31 days), February in and out of leap years, a year end. */
const ANCHORS = [
  '2026-11-20T13:59:00Z',
  '2026-03-01T00:00:00Z',
  '2028-03-01T00:00:00Z',
  '2026-12-31T23:59:00Z',
  '2026-05-01T00:00:00Z',
].map(Date.parse);

const two = (n: number) => String(n).padStart(2, '0');

/** A time value as log lines write them: canonical UTC, other ISO spellings, impossible dates, numbers. */
const timeValueArb = (anchor: number) =>
  fc
    .tuple(fc.integer({ min: -3 * DAY, max: 3 * DAY }), fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 10 }))
    .map(([offset, style, digits]) => {
      const ms = anchor + offset;
      const iso = new Date(ms).toISOString(); // 2026-11-20T13:59:00.000Z
      const [date, time] = [iso.slice(0, 10), iso.slice(11, 19)];
      const frac =
        digits === 0
          ? ''
          : '.' +
            String(ms % 1000)
              .padStart(3, '0')
              .padEnd(digits, '7')
              .slice(0, digits);
      switch (style) {
        case 0:
        case 1:
        case 2:
          return `"${iso}"`;
        case 3:
          return `"${date}T${time}${frac}Z"`;
        case 4:
          return `"${date}T${time}${frac}+00:00"`;
        case 5:
          return `"${date} ${time}${frac}Z"`;
        case 6:
          return `"${date}T${time}${frac}z"`;
        case 7: {
          // 29–31 of the month two days back: where it has no such day, Date.parse rolls over into the next month, near ms
          const back = new Date(ms - 2 * DAY);
          return `"${back.getUTCFullYear()}-${two(back.getUTCMonth() + 1)}-${two(29 + (digits % 3))}T${time}Z"`;
        }
        case 8:
          return `"${date}T${time.slice(0, 6)}60Z"`;
        case 9:
          return `"${date}T24:00:00Z"`;
        case 10:
          return String(ms);
        case 11:
          return `"${Math.floor(ms / 1000)}"`;
        case 12:
          return `"${date}T${time}${frac}"`; // zone-less: read in the source's zone
        case 13:
          return `"${iso.slice(0, -1)}Zx"`;
        case 14:
          return `"${iso}é"`;
        default:
          return `  "${iso}"`;
      }
    });

const lineArb = (anchor: number) =>
  fc
    .array(
      fc.tuple(
        fc.constantFrom('time', 'timestamp', '@timestamp', 'ts', 't', 'Time', 'times', 'level'),
        fc.constantFrom(':', ':', ':', ' : ', ':\t', '='),
        timeValueArb(anchor),
      ),
      { minLength: 0, maxLength: 3 },
    )
    .chain((pairs) =>
      // Backslashes and `=` make a line a candidate whatever its times: rare, so the times decide most lines.
      fc
        .oneof({ weight: 12, arbitrary: fc.constant('') }, fc.constantFrom(',"msg":"a\\"b"', ',"url":"/x?a=1"', ',"msg":"time=5"'))
        .map((extra) => {
          const body = pairs.map(([k, sep, v]) => (sep === '=' ? `"x ${k}=${v.replace(/"/g, '')}"` : `"${k}"${sep}${v}`)).join(',');
          return `{"level":"error"${body ? ',' + body : ''}${extra}}`;
        }),
    );

describe('time prefilter (JSON/logfmt): one regex over many lines', () => {
  it('passes every line the line-by-line time filter passes, for windows over month ends, leap days and year ends', () => {
    const format = createLineFormat({});
    fc.assert(
      fc.property(
        fc
          .constantFrom(...ANCHORS)
          .chain((anchor) =>
            fc.tuple(
              fc.constant(anchor),
              fc.integer({ min: -2 * DAY, max: 2 * DAY }),
              fc.oneof(fc.integer({ min: 1, max: 20 * MIN }), fc.integer({ min: 1, max: 3 * DAY })),
              fc.boolean(),
            ),
          ),
        fc.context(),
        ([anchor, offset, span, aligned], ctx) => {
          const from = aligned ? Math.floor((anchor + offset) / MIN) * MIN : anchor + offset;
          const to = from + span;
          const lines = fc.sample(lineArb(anchor), { numRuns: 60, seed: from });
          const text = lines.join('\n') + '\n';
          const exact = format.timeFilter(from, to);
          const bulk = format.timePrefilter!(from, to)!;
          const got = new Set(bulk.candidates(text));
          let start = 0;
          for (const line of lines) {
            if (exact(line) && !got.has(start)) {
              ctx.log(`window (${new Date(from).toISOString()}, ${new Date(to).toISOString()}]`);
              expect.fail(`missed: ${line}`);
            }
            start += line.length + 1;
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('leaves out lines whose canonical UTC times are outside the window, keeps those inside', () => {
    const from = Date.parse('2026-11-20T13:44:00Z');
    const bulk = createLineFormat({}).timePrefilter!(from, from + 15 * MIN)!;
    const lines = [
      '{"level":"error","time":"2026-11-20T13:43:59.999Z"}', // out
      '{"level":"error","time":"2026-11-20T13:44:00.001Z"}', // in
      '{"level":"error","time":"2026-11-20T13:59:00.000Z"}', // in
      '{"level":"error","time":"2026-11-20T13:59:01Z"}', // out: the last minute after its first second
      '{"level":"error","time":"2026-11-20T13:59:00.5Z"}', // the window's last second: maybe (the exact test decides)
      '{"level":"error","time":"2026-11-20T14:00:00Z"}', // out
      '{"level":"error","time":"2025-11-20T13:50:00Z"}', // out: another year
      '{"level":"error","time":"2026-11-20T13:50:00+00:00"}', // not canonical: maybe
      '{"level":"error","time":1795182300000}', // a number: maybe
      '{"level":"error","msg":"no time"}', // no time key: out
      '{"level":"error","time":"2026-11-20T12:00:00Z","ts":"2026-11-20T13:50:00Z"}', // one key inside
      '{"level":"error","time":"2026-11-20T12:00:00Z","msg":"ts=1"}', // a logfmt key may hide: maybe
    ];
    const text = lines.join('\n') + '\n';
    const starts = bulk
      .candidates(text)
      .map((off) => lines.findIndex((_, i) => lines.slice(0, i).join('\n').length + (i > 0 ? 1 : 0) === off));
    expect(starts).toEqual([1, 2, 4, 7, 8, 10, 11]);
    // In the bytes as in the regex.
    const buf = Buffer.from(text, 'latin1');
    expect(bulk.inBytes!(buf, 0, buf.length)).toEqual(bulk.candidates(text));
  });

  it('is second-granular at both edges of a span that does not end on a minute', () => {
    const from = Date.parse('2026-11-20T13:44:30.250Z');
    const bulk = createLineFormat({}).timePrefilter!(from, Date.parse('2026-11-20T13:59:10.500Z'))!;
    const lines = [
      '{"time":"2026-11-20T13:44:29.999Z"}', // out
      '{"time":"2026-11-20T13:44:30.100Z"}', // the first second: maybe
      '{"time":"2026-11-20T13:44:31Z"}', // in
      '{"time":"2026-11-20T13:59:10.900Z"}', // the last second: maybe
      '{"time":"2026-11-20T13:59:11Z"}', // out
    ];
    const text = lines.join('\n') + '\n';
    const offsets = bulk.candidates(text);
    expect(offsets.map((off) => lines.findIndex((_, i) => lines.slice(0, i).join('\n').length + (i > 0 ? 1 : 0) === off))).toEqual([
      1, 2, 3,
    ]);
    const buf = Buffer.from(text, 'latin1');
    expect(bulk.inBytes!(buf, 0, buf.length)).toEqual(offsets);
  });

  it('has no prefilter for spans outside years 0000–9999', () => {
    const format = createLineFormat({});
    expect(format.timePrefilter!(-Infinity, Date.now())).toBeUndefined();
    expect(format.timePrefilter!(Date.UTC(9999, 11, 31, 23, 0), 8.64e15)).toBeUndefined();
    expect(format.timePrefilter!(0, 60_000)).toBeDefined();
  });
});

describe('digitRange', () => {
  it('matches exactly the digit strings between its bounds (all bounds of three digits)', () => {
    const all = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
    for (let lo = 0; lo < 1000; lo += 7) {
      for (let hi = lo; hi < 1000; hi += 13) {
        const re = new RegExp(
          `^(?:${digitRange(all[lo]!, all[hi]!)
            .map((alt) => alt.join(''))
            .join('|')})$`,
        );
        const matched = all.filter((s) => re.test(s));
        expect(matched, `${all[lo]}..${all[hi]}`).toEqual(all.slice(lo, hi + 1));
      }
    }
  });

  it('writes a few alternatives per digit, not one per value', () => {
    expect(digitRange('202611201344', '202611201359').length).toBeLessThanOrEqual(3);
    expect(digitRange('000000000000', '999999999999')).toEqual([Array(12).fill('\\d')]);
    expect(digitRange('202601010000', '202712312359').length).toBeLessThanOrEqual(2 * 12);
  });
});

/** Bytes that stress the byte scanner: pieces of keys and timestamps, quotes, newlines, escapes, high bytes. */
const fragmentArb = fc.oneof(
  fc.constantFrom(
    '"time"',
    '"timestamp"',
    '"@timestamp"',
    '"ts"',
    '"tim"',
    '"@t"',
    '"t',
    ':',
    ' ',
    '\t',
    '\r',
    '"',
    '\\',
    '=',
    'T',
    'Z',
    '.',
    '-',
  ),
  fc.constantFrom(
    '2026-11-20T13:44:05.123Z"',
    '2026-11-20T13:50:00Z"',
    '2026-02-29T13:50:00Z"',
    '2026-11-20T13:44:05.1234567891Z"',
    '2026-11-20T13:50:00.Z"',
  ),
  fc.string({ unit: fc.constantFrom('0', '1', '2', '5', '9', ':', '-', 'T', 'Z', '"', 't', '@', 'é', '\u00ff', '\n'), maxLength: 12 }),
);

describe('time prefilter over raw bytes (WebAssembly SIMD, time-scan.wat)', () => {
  it('is a fresh assembly of time-scan.wat', () => {
    execFileSync(process.execPath, ['scripts/build-wasm.mjs', '--check'], { stdio: 'pipe' });
  });

  it('finds exactly the line starts the regex finds, on generated lines and on fuzzed bytes, from any start', () => {
    const format = createLineFormat({});
    fc.assert(
      fc.property(
        fc.constantFrom(...ANCHORS).chain((anchor) =>
          fc.tuple(
            fc.constant(anchor),
            fc.integer({ min: -2 * DAY, max: 2 * DAY }),
            fc.oneof(fc.integer({ min: 1, max: 20 * MIN }), fc.integer({ min: 1, max: 3 * DAY })),
            fc.array(
              fc.oneof(
                lineArb(anchor),
                fc.array(fragmentArb, { maxLength: 14 }).map((f) => f.join('')),
              ),
              { maxLength: 40 },
            ),
            fc.nat({ max: 40 }),
          ),
        ),
        ([, offset, span, lines, skip]) => {
          const from = ANCHORS[0]! + offset;
          const bulk = format.timePrefilter!(from, from + span)!;
          expect(typeof bulk.inBytes).toBe('function');
          const body = Buffer.from(lines.map((l) => l + '\n').join(''), 'latin1');
          const head = Buffer.from('x'.repeat(skip) + '\n', 'latin1'); // a line before the range
          const buf = Buffer.concat([head, body, Buffer.from('"time":"', 'latin1')]); // and bytes after it
          const start = head.length;
          const end = head.length + body.length;
          expect(bulk.inBytes!(buf, start, end)).toEqual(bulk.candidates(buf.toString('latin1', start, end)));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('sorts the lines for the line count on the same pass: counted, or odd for the scanner to look at', () => {
    const scan = createTimeScan(20261120134400, 20261120135959)!;
    const byte = fc.constantFrom(' ', '\t', '\r', '\v', '\f', '{', '}', 'a', '"', '\x7f', '\x80', '\xa0', '\xff', '\x00', '\x1f', '!');
    const lineArb = fc.oneof(
      fc.string({ unit: byte, maxLength: 12 }),
      fc
        .tuple(fc.constantFrom('{', ' {', '\xa0{'), fc.string({ unit: byte, maxLength: 6 }))
        .map(([a, b]) => `${a}"time":"2026-11-20T13:50:00Z"${b}`),
    );
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 30 }), fc.integer({ min: 0, max: 40 }), fc.nat({ max: 20 }), (lines, maxLen, skip) => {
        const body = Buffer.from(lines.map((l) => l + '\n').join(''), 'latin1');
        const buf = Buffer.concat([Buffer.from('x'.repeat(skip) + '\n', 'latin1'), body]);
        const got: SliceLines = { counted: -1, odd: [] };
        scan(buf, skip + 1, buf.length, got, maxLen);
        // The scanner's per-line reading (BlockScanner.kindOf): what needs a look beyond "counted".
        const odd: number[] = [];
        let counted = 0;
        let at = 0;
        for (const l of lines) {
          const b = l.charCodeAt(0);
          const last = l.replace(/[ \t\n\v\f\r]+$/, '').at(-1);
          const needsLook = l.length > maxLen || !(b > 32 && b < 128) || (l.startsWith('{') && last !== '}');
          if (l.length > 0 && needsLook) odd.push(at);
          else if (l.length > 0) counted++;
          at += l.length + 1;
        }
        expect(got).toEqual({ counted, odd });
      }),
      { numRuns: 1500 },
    );
  });
});
