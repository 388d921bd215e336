/**
 * Line starts (offsets from `start`) in buf[start, end) — whole lines, each ending in \n — that
 * the time prefilter passes for the minutes [lo, hi] (YYYYMMDDhhmm as numbers). Undefined without WebAssembly SIMD.
 * Each call owns the instance's memory until it returns; one instance per scanner.
 */
export declare function createTimeScan(lo: number, hi: number): ((buf: Buffer, start: number, end: number) => number[]) | undefined;
