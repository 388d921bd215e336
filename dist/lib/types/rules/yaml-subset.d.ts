/**
 * A fast reader for the plain subset of YAML that rule files are written in (issue 12 item 8): block
 * mappings and sequences, single-line plain, single-quoted and double-quoted (no escapes) scalars,
 * and single-line flow sequences and mappings of those, with comments. Scalars resolve exactly as the
 * `yaml` package's YAML 1.2 core schema does (`yes`/`no` are strings, `0755` is 755, `0o755` is 493,
 * `~` is null, …), and the data is exactly what `parse(text, { uniqueKeys: true })` returns.
 *
 * It never guesses: anything outside the subset — anchors, aliases, tags, block scalars, multi-line
 * scalars or flows, escapes, tabs, CR, control characters, directives, document markers, duplicate
 * keys, keys that are not plain names, odd indentation, every construct the `yaml` package reports an
 * error or warning for — returns `undefined`, and the caller reads the file with the `yaml` package,
 * which then produces its usual data or its usual error message. test/rules/yaml-subset.test.ts
 * compares the two on every rule file in the repository, on edge cases and on generated documents.
 */
/** The data of `text` when it is inside the subset, else undefined (read it with the `yaml` package). */
export declare function readYamlSubset(text: string): unknown;
