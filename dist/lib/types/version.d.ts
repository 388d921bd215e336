/** Kept in step with package.json by test/version.test.ts. */
export declare const VERSION = "1.0.0";
