import type { Level } from '../../model/levels.js';
import type { SeriesCounts, SeriesQuery } from '../../model/series.js';
import type { Window } from '../../model/window.js';
import type { ClickHouseSource, PostgresSource } from '../../rules/schema.js';
import { EXIT, UserError, describeError, errorMessage } from '../../util/errors.js';
import { Redactor } from '../../util/redact.js';

/**
 * Database log sources: the count is pushed down to the store in ONE query per
 * call. result[i][j] = entries at levels[i] with timestamp in
 * (windows[j].fromMs, windows[j].toMs] (exclusive start, inclusive end).
 * Every failure (unset env var, unreachable store, bad credentials, missing
 * table/column, timeout) is a UserError naming the source, exit code 2.
 */
export async function countInStore(
  source: PostgresSource | ClickHouseSource,
  query: { levels: Level[]; windows: Window[] },
  env: NodeJS.ProcessEnv,
): Promise<number[][]> {
  return inStore(source, env, async (url) => {
    if (source.kind === 'postgres') {
      const { countPostgres } = await import('./postgres.js');
      return countPostgres(source, url, query);
    }
    const { countClickHouse } = await import('./clickhouse.js');
    return countClickHouse(source, url, query);
  });
}

/** Distinct groups per series when the query does not say (src/model/series.ts). */
const GROUP_LIMIT = 100_000;

/**
 * The series contract (src/model/series.ts) pushed down: filters, level sets, group-by and exact
 * value aggregates for every series × window in ONE query to the store. result[i] answers
 * query.series[i]; `query.sources` is the caller's business (this is one source). Fields are read
 * from the source's `columns`, `message_column` and `fields_column` (docs/stores.md); a field the
 * source cannot provide exactly is an error naming the source and the field (exit 2).
 */
export async function countSeriesInStore(
  source: PostgresSource | ClickHouseSource,
  query: SeriesQuery,
  env: NodeJS.ProcessEnv,
): Promise<SeriesCounts[]> {
  const limit = (query as SeriesQuery & { groupLimit?: number }).groupLimit ?? GROUP_LIMIT;
  return inStore(source, env, async (url) => {
    if (source.kind === 'postgres') {
      const { seriesPostgres } = await import('./postgres-series.js');
      return seriesPostgres(source, url, query, limit);
    }
    const { seriesClickHouse } = await import('./clickhouse-series.js');
    return seriesClickHouse(source, url, query, limit);
  });
}

async function inStore<T>(source: PostgresSource | ClickHouseSource, env: NodeJS.ProcessEnv, run: (url: string) => Promise<T>): Promise<T> {
  const label = `source "${source.name}" (${source.kind}, table ${source.table})`;
  const url = env[source.url_env];
  if (url === undefined || url === '') {
    throw new UserError(`${label}: environment variable ${source.url_env} (url_env) is not set; it must hold the connection URL`, {
      exitCode: EXIT.badInput,
    });
  }
  try {
    return await run(url);
  } catch (err) {
    throw new UserError(`${label}: ${scrub(describe(err, source.timeout_seconds), url)}`, {
      exitCode: EXIT.badInput,
      cause: redactCause(err, url),
    });
  }
}

/** A one-line reason, with the store's own words where they are clear, and never the URL's password. */
function describe(err: unknown, timeoutSeconds: number): string {
  const e = err as { code?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : undefined;
  const msg = errorMessage(err).split('\n')[0] ?? '';
  switch (code) {
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EHOSTUNREACH':
    case 'ECONNRESET':
      return `cannot reach the store (${describeError(err)}: ${msg})`;
    case '28P01':
    case '28000':
    case '516':
    case '192':
    case '193':
      return `authentication failed (${msg})`;
    case '42P01':
    case '3F000':
    case '60':
    case '81':
      return `table not found (${msg})`;
    case '42703':
    case '47':
      return `column not found (${msg})`;
    case '57014':
    case '159':
      return `query timed out after ${timeoutSeconds} s (timeout_seconds) (${msg})`;
    default:
      break;
  }
  if (/timeout|timed out/i.test(msg)) return `query timed out after ${timeoutSeconds} s (timeout_seconds) (${msg})`;
  if (/terminat|connection.*(closed|ended)|socket hang up/i.test(msg)) return `connection to the store was lost (${msg})`;
  return msg;
}

/** Keep the cause for debugging, but never carry the connection URL (it may hold a password). */
function redactCause(err: unknown, url: string): unknown {
  return err instanceof Error ? new Error(scrub(err.message, url)) : undefined;
}

/** The connection URL as `<url>`, its password (every form) and any other URL's credentials as `***`. */
function scrub(text: string, url: string): string {
  const redactor = new Redactor();
  redactor.add(url);
  return redactor.redact(text.split(url).join('<url>'));
}
