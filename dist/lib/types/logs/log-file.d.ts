import type { Readable } from 'node:stream';
/** Lines longer than this are counted unreadable and skipped without being buffered whole. */
export declare const MAX_LINE_BYTES: number;
/** A file as a byte stream, gunzipped when its name ends in .gz. */
export declare function openFile(path: string): Readable;
