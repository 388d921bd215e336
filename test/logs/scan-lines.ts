import fc from 'fast-check';
import { Readable } from 'node:stream';
import { LEVELS, type Level } from '../../src/model/levels.js';
import { collectTimestamps } from '../helpers/reference-scan.js';
import { BlockScanner, type ScanResult, type ScanSpec } from '../../src/logs/scan/block-scanner.js';
import type { Window } from '../../src/model/window.js';

/** Shared generators and helpers for the scan tests: lines that try hard to fool a byte prefilter. */

export const MIN = 60_000;
export const T0 = Date.UTC(2026, 3, 26, 12, 0, 0);

const NAMES: Record<Level, string[]> = {
  debug: ['debug', 'trace', 'verbose'],
  info: ['info', 'information', 'notice'],
  warn: ['warn', 'warning'],
  error: ['error', 'err'],
  fatal: ['fatal', 'critical', 'crit', 'panic', 'emerg', 'alert', 'dpanic'],
};
const PINO: Record<Level, number[]> = { debug: [10, 20, 29], info: [30, 35], warn: [40, 49], error: [50, 55, 59], fatal: [60, 99, 1000] };

/** Random upper/lower case, as a logger with odd casing would write it. */
function casing(name: string, seed: number): string {
  return [...name].map((c, i) => ((seed >> i) & 1 ? c.toUpperCase() : c)).join('');
}

/** \uXXXX-escapes one letter of a JSON string value (JSON.stringify never does). */
function escapeOne(json: string, value: string, seed: number): string {
  const i = seed % value.length;
  const esc = value.slice(0, i) + '\\u' + value.charCodeAt(i).toString(16).padStart(4, '0') + value.slice(i + 1);
  return json.replace(`"${value}"`, `"${esc}"`);
}

export interface GenEntry {
  ts: number;
  level: Level;
  style: number;
  seed: number;
}

/** One readable entry in one of many shapes; every shape reads back as (ts, level). */
export function renderTricky(e: GenEntry): string {
  const iso = new Date(e.ts).toISOString();
  const names = NAMES[e.level];
  const name = casing(names[e.seed % names.length]!, e.seed >> 3);
  const num = PINO[e.level][e.seed % PINO[e.level].length]!;
  const other = LEVELS[(LEVELS.indexOf(e.level) + 1 + (e.seed % 4)) % 5]!; // a different level, for decoys
  const decoy = NAMES[other][0]!;
  switch (e.style % 20) {
    case 0:
      return JSON.stringify({ level: num, time: e.ts, msg: 'x' });
    case 1:
      return JSON.stringify({ level: String(num), time: e.ts, msg: `${decoy} happened` });
    case 2:
      return JSON.stringify({ level: name, timestamp: iso, message: `level=${decoy} "level":"${decoy}"` });
    case 3:
      return JSON.stringify({ '@timestamp': iso, 'log.level': name, message: 'x', ctx: { level: decoy } });
    case 4:
      return JSON.stringify({ '@timestamp': iso, log: { level: name }, message: decoy });
    case 5:
      return JSON.stringify({ level: name, ts: e.ts / 1000, msg: 'x' });
    case 6:
      return `ts=${iso} level=${name} msg="${decoy} in text"`;
    case 7:
      return `level="${name}" time=${e.ts / 1000} msg=${decoy}`;
    case 8:
      return escapeOne(JSON.stringify({ level: name, time: iso, msg: 'escaped' }), name, e.seed);
    case 9:
      return `  ${JSON.stringify({ level: `\u00a0 ${name}\u00a0`, time: String(e.ts), msg: 'spaces and NBSP' })}\r`;
    case 10:
      return JSON.stringify({ severity: name, time: iso, note: { level: decoy, time: T0 } });
    case 11:
      return JSON.stringify({ lvl: name, time: e.ts, level: null, msg: '\u00e9\u2713 non-ASCII' });
    case 12:
      return JSON.stringify({ level: decoy, time: T0 - 99 * MIN }).slice(0, -1) + `,"level":"${name}","time":"${iso}"}`; // duplicate keys: last wins
    case 13:
      return `{"level" : ${num} , "time" : ${e.ts}}`;
    case 14:
      return `t=${e.ts / 1000} lvl=${name} level=${name}`;
    case 15:
      return `{"level":${num / 10}e1,"time":${e.ts},"msg":"exponent"}`;
    case 16:
      return `{"level":${num}.0${e.seed % 2 ? '0' : ''},"time":"${iso}"}`;
    // A date only the UTF-8 decoding can read (V8 rejects it byte by byte).
    case 17:
      return JSON.stringify({ level: name, time: e.ts % 1000 === 0 ? `${new Date(e.ts).toUTCString()}\u00a0` : iso });
    case 18:
      return `level=${name} time="${e.ts % 1000 === 0 ? `${new Date(e.ts).toUTCString()}\u00a0` : iso}"`;
    default:
      return JSON.stringify({ level: name, time: iso, msg: `a \\"quoted\\" ${decoy}` });
  }
}

/** Lines a reader must count as unreadable or skip as blank, never as entries. */
export const junkLine = fc.oneof(
  fc.constantFrom(
    '',
    '   ',
    '\r',
    '\u00a0\u3000',
    'garbage line',
    '{"level":"error","time":',
    '{"level":"error"}',
    '{"level":"loud","time":1}',
    '{"level":"error","time":"yesterday"}',
    '[1,2,3]',
    '\u0000\u0001\u0002',
    '{"level":50.5,"time":"bad"}',
    'level=err',
    `{"level":"error","time":${T0}`,
  ),
  fc.string({ maxLength: 40 }),
  fc.uint8Array({ maxLength: 40 }), // raw bytes: invalid UTF-8, stray \n and \r
);

/** Lines (strings are written as UTF-8, byte arrays as they are) joined by \n or \r\n. */
export function joinLines(lines: (string | Uint8Array)[], crlf: boolean[], finalNewline: boolean): Buffer {
  const parts: Buffer[] = [];
  lines.forEach((l, i) => {
    parts.push(typeof l === 'string' ? Buffer.from(l, 'utf8') : Buffer.from(l));
    if (i < lines.length - 1 || finalNewline) parts.push(Buffer.from(crlf[i % Math.max(1, crlf.length)] ? '\r\n' : '\n'));
  });
  return Buffer.concat(parts);
}

export const entryArb = (spanMin = 40) =>
  fc.record({
    ts: fc.tuple(fc.integer({ min: -spanMin, max: spanMin }), fc.constantFrom(-1, 0, 1, 500, 0, 0)).map(([m, d]) => T0 + m * MIN + d),
    level: fc.constantFrom(...LEVELS),
    style: fc.nat(),
    seed: fc.nat(),
  });

/** Windows with ends on whole minutes, so entries land exactly on their boundaries. */
export const windowsArb = fc.array(
  fc
    .tuple(fc.integer({ min: -30, max: 30 }), fc.integer({ min: 1, max: 20 }))
    .map(([end, len]): Window => ({ fromMs: T0 + (end - len) * MIN, toMs: T0 + end * MIN })),
  { minLength: 1, maxLength: 3 },
);

export const specOf = (levels: Level[], windows: Window[]): ScanSpec => ({
  levels,
  fromMs: Math.min(...windows.map((w) => w.fromMs)),
  toMs: Math.max(...windows.map((w) => w.toMs)),
});

/** The fast scanner fed with the bytes cut at the given points. */
export function scanBytes(bytes: Buffer, spec: ScanSpec, cuts: number[]): ScanResult {
  const scanner = new BlockScanner(spec);
  let prev = 0;
  for (const c of [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)) {
    scanner.feed(bytes.subarray(prev, c));
    prev = c;
  }
  scanner.feed(bytes.subarray(prev));
  return scanner.end();
}

/** The reference: parseLine on every line (src/logs/file-counts.ts). */
export function slowScan(bytes: Buffer, levels: Level[], windows: Window[]) {
  return collectTimestamps('mem', Readable.from([bytes]), levels, windows);
}

export const sorted = (m: Map<Level, number[]>, levels: Level[]) => levels.map((l) => [...(m.get(l) ?? [])].sort((a, b) => a - b));
