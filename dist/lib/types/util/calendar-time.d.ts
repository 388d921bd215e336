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
