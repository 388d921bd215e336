import { type RulesFile } from './schema.js';
/**
 * Reads a rule file (YAML, which includes JSON) and validates it with the one schema.
 * Every problem is reported with the file, the rule (index and name) and the field, and
 * all problems at once, so a user fixes the file in one pass. Bad input exits 2.
 */
export declare function loadRules(path: string): Promise<RulesFile>;
export declare function parseRules(text: string, path: string): RulesFile;
