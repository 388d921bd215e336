/**
 * Reference for the alert lifecycle (docs/lifecycle.md), written from the documentation without the
 * state machine: it looks at the whole series at once. "Fires after N consecutive breaches" is checked
 * by looking back over the last N evaluated ticks; deliveries are a list of attempts with the run
 * (batch) they happened in, and what a run may know about an attempt is whether it was in an earlier run.
 */
export interface OracleRule {
  comparison: 'at_least' | 'fewer_than';
  threshold: number;
  recovery_threshold?: number;
  pending_ticks: number;
  renotify_minutes?: number;
  notify_resolved: boolean;
  no_data: 'keep' | 'ok' | 'alert';
}
export interface OracleTick {
  tickMs: number;
  value: number | null;
  /** The run that evaluated this tick (ticks of one run are consecutive in the series). */
  batch: number;
}
export type OracleEvent =
  | { kind: 'fire'; tickMs: number; retry: boolean }
  | { kind: 'renotify'; tickMs: number }
  | { kind: 'resolve'; tickMs: number; sent: boolean };

export function oracleLifecycle(rule: OracleRule, ticks: OracleTick[], fireDelivered: boolean[]): OracleEvent[] {
  const recovery = rule.recovery_threshold ?? rule.threshold;
  const kind = (v: number | null): 'breach' | 'recovered' | 'hold' | 'skip' => {
    if (v === null) return { keep: 'skip' as const, ok: 'recovered' as const, alert: 'breach' as const }[rule.no_data];
    if (rule.comparison === 'at_least') {
      if (v >= rule.threshold) return 'breach';
      return v < recovery ? 'recovered' : 'hold';
    }
    if (v < rule.threshold) return 'breach';
    return v >= recovery ? 'recovered' : 'hold';
  };
  const kinds = ticks.map((t) => kind(t.value));
  const out: OracleEvent[] = [];
  let firing = false;
  let attempts: { batch: number; ok: boolean }[] = [];
  let lastNotified = 0;
  let nextOutcome = 0;
  const attempt = (batch: number) => attempts.push({ batch, ok: fireDelivered[nextOutcome++] ?? true });

  ticks.forEach((t, i) => {
    if (kinds[i] === 'skip') return;
    if (!firing) {
      const recent: string[] = [];
      for (let j = i; j >= 0 && recent.length < rule.pending_ticks; j--) if (kinds[j] !== 'skip') recent.push(kinds[j]!);
      if (recent.length === rule.pending_ticks && recent.every((k) => k === 'breach')) {
        firing = true;
        attempts = [];
        attempt(t.batch);
        lastNotified = t.tickMs;
        out.push({ kind: 'fire', tickMs: t.tickMs, retry: false });
      }
      return;
    }
    if (kinds[i] === 'recovered') {
      out.push({ kind: 'resolve', tickMs: t.tickMs, sent: rule.notify_resolved && attempts.some((a) => a.ok) });
      firing = false;
      return;
    }
    const earlier = attempts.filter((a) => a.batch < t.batch);
    const lastKnown = attempts.at(-1)!.batch < t.batch;
    if (lastKnown && attempts.every((a) => !a.ok)) {
      attempt(t.batch);
      lastNotified = t.tickMs;
      out.push({ kind: 'fire', tickMs: t.tickMs, retry: true });
    } else if (
      earlier.some((a) => a.ok) &&
      rule.renotify_minutes !== undefined &&
      t.tickMs - lastNotified >= rule.renotify_minutes * 60_000
    ) {
      lastNotified = t.tickMs;
      out.push({ kind: 'renotify', tickMs: t.tickMs });
    }
  });
  return out;
}
