import type { Level } from '../../src/model/levels.js';

/** Brute force, written as literally as the seed reads, to check the fast paths against. */
export interface Entry {
  ts: number;
  level: Level;
}

/** Entries at `level` with from < ts <= to, by looking at every entry. */
export function oracleCount(entries: Entry[], level: Level, fromMs: number, toMs: number): number {
  let n = 0;
  for (const e of entries) if (e.level === level && e.ts > fromMs && e.ts <= toMs) n++;
  return n;
}

/** The seed's evaluation at each tick in turn: count, compare, dedup on last_triggered_at. */
export function oracleFires(
  entries: Entry[],
  rule: { level: Level; threshold: number; window_minutes: number; enabled: boolean },
  ticks: number[],
  lastTriggeredMs: number | null,
): { tickMs: number; match_count: number }[] {
  const fires: { tickMs: number; match_count: number }[] = [];
  if (!rule.enabled) return fires;
  let last = lastTriggeredMs;
  const w = rule.window_minutes * 60_000;
  for (const t of ticks) {
    const count = oracleCount(entries, rule.level, t - w, t);
    const quiet = last === null || t - last >= w;
    if (count >= rule.threshold && quiet) {
      fires.push({ tickMs: t, match_count: count });
      last = t;
    }
  }
  return fires;
}
