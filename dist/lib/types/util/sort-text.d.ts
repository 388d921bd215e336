/**
 * Sorts `items` in place, stably, by a text key in `localeCompare` order: the same result as
 * `items.sort((a, b) => key(a).localeCompare(key(b)))`, with one `localeCompare` per pair of distinct
 * keys' neighbours instead of per comparison. Decisions are sorted by their tick's time, and a run of
 * 10,000 rules has tens of thousands of decisions over a handful of ticks (issue 12 item 8).
 */
export declare function sortByText<T>(items: T[], key: (item: T) => string): T[];
