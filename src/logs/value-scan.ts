import { createInterface } from 'node:readline';
import type { SeriesCounts, SeriesQuery, SeriesSpec } from '../model/series.js';
import type { Source } from '../rules/schema.js';
import { EXIT, UserError, errorMessage } from '../util/errors.js';
import { parseLine } from './formats.js';
import { streamsOf, type ProviderOptions } from './provider.js';
import { sortPoints, valueOf, windowAggregates } from './values.js';

/**
 * Value series (value rules, issue 15) from every source, in one read per source for all value series:
 * files, stdin and URLs line by line (the default JSON/logfmt line formats), PostgreSQL and ClickHouse
 * pushed down (src/logs/stores, the same exact aggregates). Counts and groups follow the series
 * contract (src/model/series.ts); a value series' `values` are the exact aggregates of
 * src/model/aggregate.ts. Used by the evaluator for value rules until the one-pass provider carries values.
 */
export async function valueSeries(sources: Source[], query: SeriesQuery, opts: ProviderOptions): Promise<SeriesCounts[]> {
  const chosen = sources.filter((s) => !query.sources || query.sources.includes(s.name));
  const fromMs = Math.min(...query.windows.map((w) => w.fromMs));
  const toMs = Math.max(...query.windows.map((w) => w.toMs));
  // Per series and group key: timestamps and values of matching entries, and skipped ones.
  const acc = query.series.map(
    () => new Map<string, { key: (string | null)[]; ts: number[]; values: number[]; countTs: number[]; skipped: number }>(),
  );
  const storeParts: SeriesCounts[][] = [];
  for (const source of chosen) {
    if (source.kind === 'postgres' || source.kind === 'clickhouse') {
      const { countSeriesInStore } = await import('./stores/index.js');
      storeParts.push(await countSeriesInStore(source, { series: query.series, windows: query.windows }, opts.env));
      continue;
    }
    for (const { label, open } of await streamsOf(source, opts)) {
      try {
        const lines = createInterface({ input: await open(), crlfDelay: Infinity });
        for await (const line of lines) {
          const rec = parseLine(line);
          if (!rec || rec.ts <= fromMs || rec.ts > toMs) continue;
          query.series.forEach((spec, i) => {
            if (!spec.selection.levels.includes(rec.level)) return;
            const key = (spec.groupBy ?? []).map((f) => groupString(fieldAt(rec.fields, f)));
            const k = JSON.stringify(key);
            let g = acc[i]!.get(k);
            if (!g) acc[i]!.set(k, (g = { key, ts: [], values: [], countTs: [], skipped: 0 }));
            g.countTs.push(rec.ts);
            const v = spec.value ? valueOf(fieldAt(rec.fields, spec.value.field)) : null;
            if (spec.value && v === null) g.skipped++;
            else if (v !== null) {
              g.ts.push(rec.ts);
              g.values.push(v);
            }
          });
        }
      } catch (err) {
        if (err instanceof UserError) throw err;
        throw new UserError(`log source "${source.name}" (${label}) could not be read: ${errorMessage(err)}`, {
          exitCode: EXIT.badInput,
          cause: err,
        });
      }
    }
  }
  return query.series.map((spec: SeriesSpec, i) => {
    const groups = new Map<string, SeriesCounts['groups'][number]>();
    for (const [k, g] of acc[i]!) {
      const counts = sortPoints(g.countTs, g.countTs);
      const points = sortPoints(g.ts, g.values);
      groups.set(k, {
        key: g.key,
        counts: query.windows.map((w) => countIn(counts.ts, w.fromMs, w.toMs)),
        ...(spec.value ? { values: windowAggregates(points, query.windows, spec.value.aggregate), skippedValues: g.skipped } : {}),
      });
    }
    // Store answers are merged by group; a group both in files and a store would need the raw values to merge exactly.
    for (const part of storeParts) {
      for (const sg of part[i]?.groups ?? []) {
        const k = JSON.stringify(sg.key);
        if (groups.has(k))
          throw new UserError(
            'value rules over files and databases at once are not supported: give the rule one kind of source (sources:)',
            { exitCode: EXIT.badInput },
          );
        groups.set(k, sg);
      }
    }
    if (!spec.groupBy?.length && !groups.has('[]'))
      groups.set('[]', {
        key: [],
        counts: query.windows.map(() => 0),
        ...(spec.value ? { values: query.windows.map(() => null), skippedValues: 0 } : {}),
      });
    return { groups: [...groups.values()], truncatedGroups: 0 };
  });
}

/** A field of an entry: the top-level key when present, else the dotted path into nested objects. */
export function fieldAt(fields: Record<string, unknown>, path: string): unknown {
  if (Object.hasOwn(fields, path)) return fields[path];
  let cur: unknown = fields;
  for (const part of path.split('.')) {
    if (typeof cur !== 'object' || cur === null || Array.isArray(cur) || !Object.hasOwn(cur, part)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function groupString(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

function countIn(sorted: Float64Array, fromMs: number, toMs: number): number {
  const ub = (x: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return ub(toMs) - ub(fromMs);
}
