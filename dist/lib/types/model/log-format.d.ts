/**
 * What a log source may say about its lines: the format names a source's `format` option accepts, a
 * user regex's rules, and the `timezone` for zone-less timestamps. Validated here (the rule file's
 * schema uses it); the parsers themselves live in src/logs/formats*.ts.
 */
/** Built-in formats, in the order detection tries them (the more specific first); see docs/formats.md. */
export declare const FORMAT_NAMES: readonly ["json", "logfmt", "docker", "syslog-5424", "syslog-3164", "rails", "nginx-error", "apache-error", "log4j", "python-logging", "go-log"];
type FormatName = (typeof FORMAT_NAMES)[number];
/** Other names accepted for a format (`format: syslog` reads both RFCs, `logback` is log4j's layout). */
export declare const FORMAT_ALIASES: Readonly<Record<string, FormatName | 'syslog' | 'auto'>>;
/** A source's `format` option: a name, or a regex with named groups. */
export type FormatOption = string | {
    regex: string;
    flags?: string;
};
/** Why a user regex cannot be a format, or undefined when it can. */
export declare function regexProblem(source: string, flags?: string): string | undefined;
/** Why a format name is not known, or undefined when it is. */
export declare function formatNameProblem(name: string): string | undefined;
/** A zone in which wall-clock times are read. */
export interface Zone {
    /** As given (`UTC`, `Europe/Berlin`, `+05:30`). */
    readonly name: string;
    /** Wall-clock time written as if it were UTC → the instant it is in this zone. */
    toUtc(wallMs: number): number;
}
export declare const UTC_ZONE: Zone;
/**
 * A zone from a `timezone` option: `UTC`, an offset (`+02:00`, `-0500`, `UTC+1`) or an IANA name
 * (`Europe/Berlin`). Returns an error message for anything else.
 */
export declare function parseZone(name: string): Zone | string;
/** Why a `timezone` option is not usable, or undefined when it is. */
export declare function zoneProblem(name: string): string | undefined;
export {};
