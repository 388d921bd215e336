// Every store failure is a UserError (exit code 2) naming the source and what went wrong,
// and never shows the connection URL's password.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createServer, type Socket } from 'node:net';
import { countInStore } from '../../src/logs/stores/index.js';
import { UserError } from '../../src/util/errors.js';
import { CH_URL, PG_URL, chClient, chDrop, chSource, chTable, needServer, pgSource, pgTable, uniqueName, withPg } from './support.js';

const T = 1_763_800_000_000;
const windows = [{ fromMs: T - 60_000, toMs: T + 60_000 }];
const entries = [{ ts: T, level: 'error' as const }];

async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** Runs the count expecting failure; returns the UserError after checking the common contract. */
async function failure(p: Promise<unknown>, sourceName: string, secret?: string): Promise<UserError> {
  const err = await p.then(
    () => {
      throw new Error('expected countInStore to fail');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UserError);
  const u = err as UserError;
  expect(u.exitCode).toBe(2);
  expect(u.message).toContain(`source "${sourceName}"`);
  if (secret) {
    expect(u.message).not.toContain(secret);
    expect(String((u.cause as Error | undefined)?.message ?? '')).not.toContain(secret);
  }
  return u;
}

function withPassword(url: string, password: string): string {
  const u = new URL(url);
  u.password = password;
  return u.toString();
}

describe('store errors without a server', () => {
  it('names the unset url_env variable', async () => {
    const e = await failure(countInStore(pgSource('logs'), { levels: ['error'], windows }, {}), 'pglogs');
    expect(e.message).toMatch(/LOGS_PG_URL.*not set/);
  });

  it('reports an unreachable postgres and clickhouse', async () => {
    const port = await closedPort();
    const pg = await failure(
      countInStore(pgSource('logs'), { levels: ['error'], windows }, { LOGS_PG_URL: `postgres://u:hunter2pw@127.0.0.1:${port}/db` }),
      'pglogs',
      'hunter2pw',
    );
    expect(pg.message).toMatch(/cannot reach the store/);
    const ch = await failure(
      countInStore(chSource('logs'), { levels: ['error'], windows }, { LOGS_CH_URL: `http://u:hunter2pw@127.0.0.1:${port}/db` }),
      'chlogs',
      'hunter2pw',
    );
    expect(ch.message).toMatch(/cannot reach the store/);
  });
});

if (needServer('postgres')) {
  describe('postgres faults', () => {
    const table = uniqueName('faults');
    const slow = uniqueName('slow');
    const env = { LOGS_PG_URL: PG_URL };
    beforeAll(async () => {
      await pgTable(table, entries);
      // A view that takes 3 s per row stands in for a slow query.
      await withPg((c) => c.query(`CREATE VIEW ${slow} AS SELECT ts, level FROM ${table}, LATERAL (SELECT pg_sleep(3)) s`));
    });
    afterAll(() => withPg((c) => c.query(`DROP VIEW IF EXISTS ${slow}; DROP TABLE IF EXISTS ${table}`)));

    it('wrong password', async () => {
      const e = await failure(
        countInStore(pgSource(table), { levels: ['error'], windows }, { LOGS_PG_URL: withPassword(PG_URL, 'wrong_pw_xyz') }),
        'pglogs',
        'wrong_pw_xyz',
      );
      expect(e.message).toMatch(/authentication failed/);
    });

    it('missing table', async () => {
      const e = await failure(countInStore(pgSource('no_such_table'), { levels: ['error'], windows }, env), 'pglogs');
      expect(e.message).toMatch(/table not found.*no_such_table/);
    });

    it('missing column', async () => {
      const e = await failure(countInStore(pgSource(table, { level_column: 'severity' }), { levels: ['error'], windows }, env), 'pglogs');
      expect(e.message).toMatch(/column not found.*severity/);
    });

    it('slow query past timeout_seconds', async () => {
      const e = await failure(countInStore(pgSource(slow, { timeout_seconds: 0.5 }), { levels: ['error'], windows }, env), 'pglogs');
      expect(e.message).toMatch(/timed out after 0.5 s/);
    });

    it('server connection terminated mid-query', async () => {
      // Attach the expectation at once so the rejection is never unhandled while we kill the backend.
      const outcome = failure(countInStore(pgSource(slow, { timeout_seconds: 20 }), { levels: ['error'], windows }, env), 'pglogs');
      // Wait until the query is running, then kill its backend as a server stop would.
      await withPg(async (c) => {
        for (let i = 0; i < 100; i++) {
          const r = await c.query(
            `SELECT pg_terminate_backend(pid) AS t FROM pg_stat_activity WHERE application_name = 'apialerts-evaluate' AND state = 'active'`,
          );
          if (r.rowCount) return;
          await new Promise((res) => setTimeout(res, 50));
        }
        throw new Error('the slow query never showed up in pg_stat_activity');
      });
      const e = await outcome;
      expect(e.message).toMatch(/connection to the store was lost/);
    });
  });
}

if (needServer('clickhouse')) {
  describe('clickhouse faults', () => {
    const table = uniqueName('faults');
    const slow = uniqueName('slow');
    const env = { LOGS_CH_URL: CH_URL };
    beforeAll(async () => {
      await chTable(
        table,
        [
          { ts: T, level: 'error' },
          { ts: T + 1, level: 'error' },
          { ts: T + 2, level: 'error' },
        ],
        'UInt64',
      );
      const c = chClient();
      await c.command({ query: `CREATE VIEW ${slow} AS SELECT ts, level FROM ${table} WHERE sleepEachRow(1) = 0` });
      await c.close();
    });
    afterAll(async () => {
      await chDrop(slow);
      await chDrop(table);
    });

    it('wrong password', async () => {
      const e = await failure(
        countInStore(chSource(table), { levels: ['error'], windows }, { LOGS_CH_URL: withPassword(CH_URL, 'wrong_pw_xyz') }),
        'chlogs',
        'wrong_pw_xyz',
      );
      expect(e.message).toMatch(/authentication|password/i);
    });

    it('missing table', async () => {
      const e = await failure(countInStore(chSource('no_such_table'), { levels: ['error'], windows }, env), 'chlogs');
      expect(e.message).toMatch(/no_such_table does not exist/);
    });

    it('missing timestamp and level columns', async () => {
      const a = await failure(
        countInStore(chSource(table, { timestamp_column: 'created' }), { levels: ['error'], windows }, env),
        'chlogs',
      );
      expect(a.message).toMatch(/no column created/);
      const b = await failure(countInStore(chSource(table, { level_column: 'severity' }), { levels: ['error'], windows }, env), 'chlogs');
      expect(b.message).toMatch(/column not found.*severity|severity/);
    });

    it('slow query past timeout_seconds', async () => {
      const e = await failure(countInStore(chSource(slow, { timeout_seconds: 1 }), { levels: ['error'], windows }, env), 'chlogs');
      expect(e.message).toMatch(/timed out after 1 s/);
    });

    it('server going away mid-query', async () => {
      // A TCP relay in front of ClickHouse stands in for the server: once the slow query is
      // in flight, every connection through it is cut, as a server stop would.
      const target = new URL(CH_URL);
      const sockets = new Set<Socket>();
      const relay = createServer((client) => {
        const upstream = connect(Number(target.port), target.hostname);
        sockets.add(client).add(upstream);
        client.pipe(upstream).pipe(client);
        client.on('error', () => upstream.destroy());
        upstream.on('error', () => client.destroy());
      });
      await new Promise<void>((r) => relay.listen(0, '127.0.0.1', r));
      const via = new URL(CH_URL);
      via.port = String((relay.address() as { port: number }).port);
      try {
        const outcome = failure(
          countInStore(chSource(slow, { timeout_seconds: 20 }), { levels: ['error'], windows }, { LOGS_CH_URL: via.toString() }),
          'chlogs',
        );
        await new Promise((r) => setTimeout(r, 500));
        for (const s of sockets) s.destroy();
        const e = await outcome;
        expect(e.message).toMatch(/lost|cannot reach/);
      } finally {
        relay.close();
      }
    });
  });
}
