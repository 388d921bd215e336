import type { SourceStats } from '../model/count.js';

/**
 * What the CLI (stderr), the action (annotations, summary) and errors say about how a source's lines
 * were read: one wording everywhere (docs/formats.md).
 */

/** A source whose lines are mostly unreadable: how many, a sample line, the formats tried, what to do. */
export function unreadableMessage(sourceName: string | undefined, s: SourceStats): string {
  const label = sourceName === undefined || s.source === sourceName ? `log source ${s.source}` : `log source "${sourceName}" (${s.source})`;
  const share = s.unchecked ? 'most of the first lines' : `${s.unreadable} of ${s.linesRead} lines`;
  const sample = s.unreadableSamples?.[0];
  return (
    `${label}: ${share} could not be read (${triedText(s)})` +
    `${sample !== undefined ? `; e.g. ${JSON.stringify(sample)}` : ''}. ` +
    'Name the format with format: on the source (or --format), see docs/formats.md'
  );
}

/** `formats tried: json, logfmt, …` when detected, else `format: <name>`. */
export function triedText(s: SourceStats): string {
  return s.formatDetected ? `formats tried: ${(s.formatsTried ?? []).join(', ')}` : `format: ${s.format ?? 'json'}`;
}

/** Timestamps without a zone were read in a zone the source did not name. */
function zoneMessage(s: SourceStats): string {
  return (
    `log source ${s.source}: ${s.zonelessTimes} timestamp${s.zonelessTimes === 1 ? '' : 's'} without a zone read as ${s.timezone ?? 'UTC'}; ` +
    'if the logs are written in another zone, set timezone: on the source (or --timezone), e.g. Europe/Berlin or +02:00'
  );
}

/** Every warning the stats call for, one line each. */
export function sourceWarnings(stats: SourceStats[]): string[] {
  const out: string[] = [];
  for (const s of stats) {
    if (s.mostlyUnreadable) out.push(unreadableMessage(undefined, s));
    if (s.timezoneAssumed && s.zonelessTimes) out.push(zoneMessage(s));
  }
  return out;
}

/**
 * `format python-logging (detected)`, for a report line; empty for stores (no format). A detected
 * format that still left most lines unreadable says so (with no format reading the sample, JSON is
 * what was kept, not what was found).
 */
export function formatNote(s: SourceStats): string {
  if (s.format === undefined) return '';
  const zone = s.zonelessTimes && !s.timezoneAssumed ? `, zone-less times in ${s.timezone}` : '';
  const how = s.formatDetected ? (s.mostlyUnreadable ? ' (detected; most lines unreadable)' : ' (detected)') : '';
  return `format ${s.format}${how}${zone}`;
}
