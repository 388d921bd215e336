import type { SourceStats } from '../model/count.js';
/**
 * What the CLI (stderr), the action (annotations, summary) and errors say about how a source's lines
 * were read: one wording everywhere (docs/formats.md).
 */
/** A source whose lines are mostly unreadable: how many, a sample line, the formats tried, what to do. */
export declare function unreadableMessage(sourceName: string | undefined, s: SourceStats): string;
/** `formats tried: json, logfmt, …` when detected, else `format: <name>`. */
export declare function triedText(s: SourceStats): string;
/** Every warning the stats call for, one line each. */
export declare function sourceWarnings(stats: SourceStats[]): string[];
/**
 * `format python-logging (detected)`, for a report line; empty for stores (no format). A detected
 * format that still left most lines unreadable says so (with no format reading the sample, JSON is
 * what was kept, not what was found).
 */
export declare function formatNote(s: SourceStats): string;
