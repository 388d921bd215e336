// scripts/test-services.sh starts both test databases or neither (issue 16 item 7): a missing
// program starts nothing and says how to install it; a database that fails to start stops the other.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ROOT, tempDir } from '../events/support.js';

const SCRIPT = join(ROOT, 'scripts/test-services.sh');

function run(env: Record<string, string>) {
  const r = spawnSync('bash', [SCRIPT, 'start'], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 240_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const pgBin = existsSync('/usr/lib/postgresql')
  ? readdirSync('/usr/lib/postgresql')
      .map((v) => `/usr/lib/postgresql/${v}/bin`)
      .find((b) => existsSync(join(b, 'initdb')))
  : undefined;
const canStartPostgres = pgBin !== undefined && process.getuid?.() === 0 && spawnSync('id', ['postgres']).status === 0;

describe('scripts/test-services.sh start: both or neither', () => {
  it('with a program missing, starts nothing, names what is missing and how to install it (exit 1)', () => {
    const dir = join(tempDir('test-services-'), 'svc');
    const r = run({ TEST_SERVICES_DIR: dir, PG_BIN: '/nonexistent/bin' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not installed, so neither database was started');
    expect(r.stderr).toContain('PostgreSQL server (postgres, initdb, pg_ctl)');
    expect(r.stderr).toContain('scripts/test-services.sh install');
    expect(r.stdout).toBe('');
    expect(existsSync(dir)).toBe(false);
  });

  it.skipIf(!canStartPostgres)(
    'when ClickHouse fails to start, the PostgreSQL it started is stopped and its files removed (exit 1)',
    () => {
      // Under /tmp itself: the servers run as their own users, who cannot enter the test run's 0700 temp root.
      const base = mkdtempSync('/tmp/test-services-');
      onTestFinished(() => rmSync(base, { recursive: true, force: true }));
      chmodSync(base, 0o755);
      const dir = join(base, 'svc');
      const stubs = join(base, 'bin');
      mkdirSync(stubs);
      const stub = join(stubs, 'clickhouse-server');
      writeFileSync(stub, '#!/bin/sh\necho "stub: clickhouse will not start" >&2\nexit 1\n');
      chmodSync(stub, 0o755);
      const r = run({ TEST_SERVICES_DIR: dir, TEST_SERVICES_WAIT: '2', PATH: `${stubs}:${process.env.PATH ?? ''}` });
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain('clickhouse did not become ready in 2 s');
      expect(r.stderr).toContain('start failed; stopping what was started');
      expect(r.stdout).not.toContain('TEST_POSTGRES_URL');
      // PostgreSQL was started (the failure came after it) and is gone: no server on that data directory.
      const ps = spawnSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).stdout;
      expect(ps).not.toContain(join(dir, 'pg'));
      expect(existsSync(dir)).toBe(false);
    },
    300_000,
  );
});
