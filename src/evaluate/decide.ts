/** A rule's parameters that decide whether it fires. */
export interface RuleTerms {
  enabled: boolean;
  threshold: number;
  window_minutes: number;
}

export interface Fire {
  tickMs: number;
  match_count: number;
}

export interface RuleDecision {
  fires: Fire[];
  /** last_triggered_at after these ticks (epoch ms), unchanged when nothing fired. */
  lastTriggeredMs: number | null;
}

/**
 * The seed's rule, applied tick by tick so catch-up never double-fires: at tick t the rule fires when
 * count >= threshold, unless it fired less than window_minutes before t. Disabled rules never fire.
 * `counts[i]` is the count in (ticks[i] − window, ticks[i]].
 */
export function decideRule(rule: RuleTerms, ticks: number[], counts: number[], lastTriggeredMs: number | null): RuleDecision {
  const fires: Fire[] = [];
  let last = lastTriggeredMs;
  if (!rule.enabled) return { fires, lastTriggeredMs: last };
  const windowMs = rule.window_minutes * 60_000;
  ticks.forEach((t, i) => {
    const count = counts[i] ?? 0;
    if (count < rule.threshold) return;
    if (last !== null && t - last < windowMs) return;
    fires.push({ tickMs: t, match_count: count });
    last = t;
  });
  return { fires, lastTriggeredMs: last };
}
