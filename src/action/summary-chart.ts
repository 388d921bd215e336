/**
 * The job summary's timeline chart of one rule (Mermaid xychart-beta, rendered by GitHub).
 *
 * Each tick is one bar, in one of three colours (three bar series that overlap, each zero where the
 * tick is not of its kind): grey below the threshold, red fired, amber at or above the threshold but
 * held back by dedup (the rule fired less than window_minutes before). The threshold is a line across
 * every tick, always inside the y range; with a single tick (a line needs two points) it is a bar of
 * its own beside the count. Count axes end at 10 or more, so the axis ticks are whole numbers; labels
 * carry the date when the ticks span midnight, and long charts get wider with slanted labels.
 */

export type TickKind = 'below' | 'fired' | 'held';

export interface ChartTick {
  /** ISO time of the tick (UTC). */
  at: string;
  value: number;
  kind: TickKind;
}

interface ChartSpec {
  title: string;
  /** y-axis title, e.g. "error entries per 15 min". */
  unit: string;
  threshold: number;
  ticks: ChartTick[];
}

/** Colours of the tick kinds and of the threshold. */
const CHART_COLOURS = { below: '#9ca3af', fired: '#dc2626', held: '#f59e0b', threshold: '#2563eb' } as const;

/** Past this many ticks the labels are slanted and the chart widens by TICK_WIDTH per tick. */
const SLANT_FROM = 12;
const TICK_WIDTH = 24;

/** Text inside a Mermaid quoted string: no quotes, backslashes, backticks, newlines, angle brackets. */
function mermaidText(text: string, max = 80): string {
  return text
    .replace(/["\\`\r\n]/g, ' ')
    .replace(/[<>#;]/g, '')
    .slice(0, max);
}

/** Tick labels: HH:MM, or MM-DD HH:MM on every tick when the ticks span more than one UTC date. */
export function tickLabels(ticks: readonly string[]): string[] {
  const dates = new Set(ticks.map((t) => t.slice(0, 10)));
  return ticks.map((t) => (dates.size > 1 ? `${t.slice(5, 10)} ${t.slice(11, 16)}` : t.slice(11, 16)));
}

/**
 * The top of the y axis: above every value and the threshold, so the threshold line is always drawn
 * inside the chart; for counts at least 10, so Mermaid's axis ticks (d3's, about ten) are whole numbers.
 */
function axisTop(values: readonly number[], threshold: number): number {
  const max = Math.max(threshold, ...values);
  const counts = Number.isInteger(threshold) && values.every(Number.isInteger);
  if (!counts) return Number((max * 1.2 || 1).toPrecision(2));
  return Math.max(10, Math.ceil(max * 1.15), max + 1);
}

/** The Mermaid block for one rule. */
export function renderChart(spec: ChartSpec): string {
  const single = spec.ticks.length === 1;
  const labels = tickLabels(spec.ticks.map((t) => t.at));
  const values = spec.ticks.map((t) => t.value);
  const series = (kind: TickKind) => spec.ticks.map((t) => (t.kind === kind ? t.value : 0));
  const slant = spec.ticks.length > SLANT_FROM;
  // Mermaid draws a bar of 0 as a few pixels above the axis, so each tick shows every series' stub:
  // the grey series comes last, its stub a grey baseline under every bar. Colours follow series order.
  const palette = [
    CHART_COLOURS.fired,
    CHART_COLOURS.held,
    ...(single ? [CHART_COLOURS.threshold] : []),
    CHART_COLOURS.below,
    CHART_COLOURS.threshold,
  ];
  const config = {
    xyChart: {
      width: Math.max(640, spec.ticks.length * TICK_WIDTH + 140),
      height: slant ? 380 : 340,
      xAxis: { labelFontSize: slant ? 11 : 13, ...(slant ? { labelRotation: -60 } : {}) },
      yAxis: { labelFontSize: 12 },
    },
    themeVariables: { xyChart: { plotColorPalette: palette.join(', ') } },
  };
  const lines = [
    '```mermaid',
    `%%{init: ${JSON.stringify(config)}}%%`,
    'xychart-beta',
    `  title "${mermaidText(spec.title)}"`,
    `  x-axis [${[...labels, ...(single ? ['threshold'] : [])].map((l) => `"${l}"`).join(', ')}]`,
    `  y-axis "${mermaidText(spec.unit, 60)}" 0 --> ${axisTop(values, spec.threshold)}`,
  ];
  const pad = single ? [0] : [];
  for (const kind of ['fired', 'held'] as const) lines.push(`  bar [${[...series(kind), ...pad].join(', ')}]`);
  if (single) lines.push(`  bar [0, ${spec.threshold}]`); // the threshold's own bar (a line needs two points)
  lines.push(`  bar [${[...series('below'), ...pad].join(', ')}]`);
  if (!single) lines.push(`  line [${spec.ticks.map(() => spec.threshold).join(', ')}]`);
  lines.push('```');
  return lines.join('\n');
}

/** The legend under the charts (Mermaid xychart draws none). */
export const CHART_LEGEND =
  'Bars: entries in the window at each tick (UTC): grey below the threshold, 🔴 red fired, 🟠 amber at or above the threshold but held back by dedup (fired less than a window before). Blue line: the threshold.';
