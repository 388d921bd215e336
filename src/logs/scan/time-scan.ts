import { TIME_SCAN_WASM } from './time-scan-wasm.js';

/**
 * The time prefilter over raw bytes in WebAssembly SIMD (time-scan.wat): the same line starts as
 * createTimePrefilter's regex over the latin1 text, without making the text. About 2.5× faster than the
 * regex on the reference data; where WebAssembly SIMD is unavailable the regex serves.
 */
/** The WebAssembly API as used here: the ES library types this project compiles with do not declare it. */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}
interface WasmMemory {
  buffer: ArrayBuffer;
  grow(pages: number): number;
}

let compiled: object | null | undefined;

function timeScanModule(): object | null {
  if (compiled === undefined) {
    try {
      const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
      compiled = api ? new api.Module(Buffer.from(TIME_SCAN_WASM, 'base64')) : null;
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

type ScanExport = (p: number, len: number, out: number, lo: number, hi: number, odd: number, maxLen: number) => number;
let instance: { memory: WasmMemory; scan: ScanExport } | null | undefined;

/** This thread's instance of the module (module-level state is per thread: workers have their own). */
function timeScanInstance(): { memory: WasmMemory; scan: ScanExport } | null {
  if (instance === undefined) {
    const mod = timeScanModule();
    const exports = mod ? new (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly.Instance(mod, {}).exports : undefined;
    instance = exports ? { memory: exports.memory as WasmMemory, scan: exports.scan as ScanExport } : null;
  }
  return instance;
}

/** Where the bytes go in the module's memory; PAD zero bytes follow them (its 64-byte steps and fixed-offset reads stay inside). */
const DATA = 64;
const PAD = 80;
const PAGE = 65_536;

/**
 * How the lines of a slice sort for the scanner's line count, found on the same pass (time-scan.wat):
 * `counted` lines that need no other look (non-empty, first byte visible ASCII, not over maxLen, not a
 * `{` line ending in anything but `}`), and the starts of the other non-empty lines (`odd`).
 */
export interface SliceLines {
  counted: number;
  odd: number[];
}

/** The time scan of one slice (see createTimeScan); `lines`, when given, receives how its lines sort. */
export type TimeScan = (buf: Buffer, start: number, end: number, lines?: SliceLines, maxLen?: number) => number[];

/**
 * Line starts (offsets from `start`) in buf[start, end) — whole lines, each ending in \n — that
 * the time prefilter passes for the seconds [lo, hi] (YYYYMMDDhhmmss as numbers). Undefined without WebAssembly SIMD.
 * Each call owns the instance's memory until it returns, so every scanner of a thread shares one
 * instance (a range's scanner is made per range: an instance each would hold its own memory until a GC).
 */
export function createTimeScan(lo: number, hi: number): TimeScan | undefined {
  const inst = timeScanInstance();
  if (!inst) return undefined;
  const { memory, scan } = inst;
  return (buf, start, end, lines, maxLen = 0x7fffffff) => {
    const len = end - start;
    const out = (DATA + len + PAD + 3) & ~3;
    const odd = out + 4 * len;
    const need = odd + 4 * len; // at most one line per byte, in each list
    if (memory.buffer.byteLength < need) memory.grow(Math.ceil((need - memory.buffer.byteLength) / PAGE));
    const bytes = new Uint8Array(memory.buffer);
    buf.copy(bytes, DATA, start, end);
    bytes.fill(0, DATA + len, DATA + len + PAD);
    const n = scan(DATA, len, out, lo, hi, odd, maxLen);
    if (lines) {
      const counts = new Int32Array(memory.buffer, 0, 2);
      lines.counted = counts[0]!;
      lines.odd = Array.from(new Int32Array(memory.buffer, odd, counts[1]));
    }
    return Array.from(new Int32Array(memory.buffer, out, n));
  };
}
