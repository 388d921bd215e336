export declare const TIME_FORM_HINT = "an ISO 8601 time with a zone, e.g. 2026-04-26T12:00:00Z or 2026-04-26T14:00:00+02:00 (a date alone means UTC midnight)";
/** The time as epoch ms, or why the text is not one: `{ problem }`. */
export declare function readCalendarTime(value: string): {
    ms: number;
} | {
    problem: string;
};
/**
 * A time the user gave (`what` names it: `--now`, `input now`, …) as a Date, or a UserError with
 * exit code 2 naming it. `now` stands for the current time where `allowNow` says so.
 */
export declare function parseCalendarTime(value: string, what: string, opts?: {
    allowNow?: boolean;
    clock?: () => number;
}): Date;
