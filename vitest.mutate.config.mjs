import { defineConfig } from 'vitest/config';

/**
 * The vitest config Stryker uses (stryker.config.json). Same as vitest.config.ts without the JSON report
 * (.ci/run's file); MUTATE_TESTS narrows the test files for a run on one source file, e.g.
 * MUTATE_TESTS='test/deliver/webhook.test.ts,test/deliver/verify.test.ts' npm run mutate -- --mutate src/deliver/sign.ts
 */
const only = process.env.MUTATE_TESTS?.split(',')
  .map((s) => s.trim())
  .filter(Boolean);

export default defineConfig({
  test: {
    include: only?.length ? only : ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Tests that run the built dist/ (which holds no mutant, and is not in Stryker's sandbox) skip on this.
    env: { APIALERTS_MUTATION_RUN: '1' },
  },
});
