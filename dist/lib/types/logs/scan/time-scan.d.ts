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
export declare function createTimeScan(lo: number, hi: number): TimeScan | undefined;
