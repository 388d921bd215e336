import type { Level } from '../model/levels.js';
import { type PartialRecord } from './formats.js';
import { type TimeReader } from './formats-time.js';
/**
 * Plain-text layouts: each a regex with named groups. `time`, `level` and `message` are read as such;
 * every group that matched (those three included) becomes a field, as a string. What each layout
 * accepts is listed in docs/formats.md.
 */
export interface TextLayout {
    name: string;
    re: RegExp;
    /** The level when the line holds none in a `level` group (syslog: from PRI, or a default). */
    level?: (g: Record<string, string | undefined>) => Level | undefined;
    /**
     * Whether the level was guessed rather than read from its own place in the line (syslog without
     * PRI: a level word starting the message, or the default `info`). Detection prefers, among formats
     * that read as many lines, the one that guessed fewer levels (docs/formats.md).
     */
    guessed?: (g: Record<string, string | undefined>) => boolean;
    /** Extra fields from the message (nginx's `, client: …` pairs, syslog 5424 structured data). */
    more?: (g: Record<string, string | undefined>, fields: Record<string, unknown>) => void;
    /**
     * For the byte prefilter (scan/prefilter.ts): the levels a line can get without a level word in it.
     * `pri`: from a leading `<PRI>` (any line starting with `<` is a candidate); `info`: syslog lines
     * with neither PRI nor a level word count as info.
     */
    wordless?: {
        pri?: boolean;
        defaultLevel?: Level;
    };
}
export declare const LAYOUTS: readonly TextLayout[];
/** Only inside Docker lines (the time is Docker's): `ERROR:root:boom` (Python's default), `[warn] x`, `INFO x`. */
export declare const LEVEL_ONLY: TextLayout;
/** One line by a layout: undefined when it does not match; a partial record otherwise. */
export declare function parseText(layout: TextLayout, text: string, time: TimeReader, referenceMs: number): PartialRecord | undefined;
/** A user's regex as a layout. */
export declare function regexLayout(source: string, flags?: string): TextLayout;
