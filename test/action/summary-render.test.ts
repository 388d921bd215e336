/// <reference lib="dom" />
// Every Mermaid block the evaluate summary can produce, rendered by the real `mermaid` package in
// headless Chromium (Debian's /usr/bin/chromium driven by playwright-core): any parse or render error
// fails. With SUMMARY_SCREENSHOTS=<dir>, PNGs of a one-tick and a 48-tick summary are written there.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { renderEvaluateSummary, SUMMARY_HISTORY_TICKS } from '../../src/action/evaluate-summary.js';
import { renderChart, tickLabels, type ChartTick } from '../../src/action/summary-chart.js';
import type { EvaluateReport, RuleReport } from '../../src/evaluate/types.js';

const CHROMIUM = '/usr/bin/chromium';
const MERMAID = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function rule(name: string, counts: number[], extra: Partial<RuleReport> = {}): RuleReport {
  return { id: `id-${name}`, name, level: 'error', threshold: 5, window_minutes: 15, enabled: true, counts, fired: [], ...extra };
}

/** A report of `n` ticks of this run ending at `end`, with `h` history ticks before them (5-minute grid). */
function report(end: string, n: number, h: number, rules: (ticks: string[]) => RuleReport[]): EvaluateReport {
  const last = Date.parse(end);
  const all = Array.from({ length: n + h }, (_, i) => iso(last - (n + h - 1 - i) * 5 * MINUTE));
  const ticks = all.slice(h);
  return {
    project: 'payments',
    ticks,
    ...(h > 0 ? { historyTicks: all.slice(0, h) } : {}),
    skippedTicks: 0,
    rules: rules(ticks),
    decisions: [],
    outcomes: [],
    stats: [{ source: 'logs/app.log', linesRead: 1200, unreadable: 0 }],
    dryRun: false,
    stateSaved: true,
  };
}

const wave = (n: number, peak: number) =>
  Array.from({ length: n }, (_, i) => Math.round(peak * Math.max(0, Math.sin((i / n) * Math.PI * 2))));

/** A one-tick run without history: the bare case the issue found (one bar, no threshold line). */
const oneTick = report('2026-12-01T10:05:00Z', 1, 0, (t) => [rule('Payment failures', [7], { fired: [t[0]!] }), rule('Quiet rule', [0])]);

/** An on-time run as the action makes it: one tick of its own and 23 counted before it. */
const onTime = report('2026-12-01T10:05:00Z', 1, 23, (t) => [
  rule('Payment failures', [7], { fired: [t[0]!], history: [0, 0, 1, 0, 2, 3, 1, 0, 0, 0, 1, 4, 6, 5, 2, 1, 0, 0, 0, 1, 2, 3, 4] }),
  rule('Quiet rule', [0], { history: new Array(23).fill(0) }),
]);

/** 48 ticks across midnight: fired, held back by dedup, below; a second rule; quiet and disabled rules. */
const fortyEight = report('2026-12-02T01:55:00Z', 24, 24, (t) => {
  const counts = wave(24, 12);
  const history = wave(24, 9);
  const fired = counts.map((c, i) => (c >= 5 && (i === 0 || counts[i - 1]! < 5) ? t[i]! : '')).filter(Boolean);
  return [
    rule('Payment failures', counts, { fired, history }),
    rule(
      'Checkout 5xx "edge" <eu> #1; tab',
      counts.map((c) => Math.floor(c / 3)),
      { history: history.map((c) => Math.floor(c / 2)), threshold: 3, level: 'warn' },
    ),
    rule('Quiet rule', new Array(24).fill(0), { history: new Array(24).fill(0) }),
    rule('Switched off', [], { enabled: false }),
  ];
});

/** Every kind of block: each summary's charts plus edge cases of the chart itself. */
function allBlocks(): { name: string; code: string }[] {
  const fromSummary = (name: string, r: EvaluateReport) =>
    [...renderEvaluateSummary(r).matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((m, i) => ({ name: `${name} #${i + 1}`, code: m[1]! }));
  const tick = (at: string, value: number, kind: ChartTick['kind']): ChartTick => ({ at, value, kind });
  const chart = (name: string, ticks: ChartTick[], threshold = 5) => ({
    name,
    code: renderChart({ title: name, unit: 'entries', threshold, ticks }).replace(/^```mermaid\n|\n```$/g, ''),
  });
  const many = (n: number, stepMin: number) =>
    Array.from({ length: n }, (_, i) =>
      tick(iso(Date.parse('2026-12-01T00:00:00Z') + i * stepMin * MINUTE), i % 7, i % 7 >= 5 ? (i % 2 ? 'fired' : 'held') : 'below'),
    );
  return [
    ...fromSummary('one tick', oneTick),
    ...fromSummary('on-time run', onTime),
    ...fromSummary('48 ticks', fortyEight),
    ...fromSummary(
      'catch-up of 60 ticks',
      report('2026-12-01T12:00:00Z', 60, 0, () => [rule('Catch-up', wave(60, 20))]),
    ),
    chart('single held tick', [tick('2026-12-01T00:00:00Z', 6, 'held')]),
    chart('two ticks, all zero', [tick('2026-12-01T00:00:00Z', 0, 'below'), tick('2026-12-01T00:05:00Z', 0, 'below')]),
    chart('huge counts', [tick('2026-12-01T00:00:00Z', 123456, 'fired'), tick('2026-12-01T00:05:00Z', 99999, 'held')], 100000),
    chart(
      'fractional threshold (a ratio)',
      [tick('2026-12-01T00:00:00Z', 0.02, 'below'), tick('2026-12-01T00:05:00Z', 0.07, 'fired')],
      0.05,
    ),
    chart('96 hourly ticks over four days', many(96, 60)),
    chart('title "quotes" `ticks` <b>html</b> \\ back#slash; é ✓', many(3, 5)),
  ];
}

let browser: Browser | undefined;
let page: Page;
let profile = '';

beforeAll(async () => {
  profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
  // A persistent context is the way to give Chromium a fresh --user-data-dir of our own.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1400, height: 900 },
  });
  browser = context.browser() ?? undefined;
  page = context.pages()[0] ?? (await context.newPage());
  await page.setContent('<!doctype html><html><body style="font-family: sans-serif; background: white"><div id="out"></div></body></html>');
  await page.addScriptTag({ path: MERMAID });
  await page.evaluate(() =>
    (window as unknown as { mermaid: { initialize(c: object): void } }).mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' }),
  );
  pageContext = context;
}, 120_000);

let pageContext: { close(): Promise<void> } | undefined;
afterAll(async () => {
  await pageContext?.close();
  await browser?.close();
  rmSync(profile, { recursive: true, force: true });
});

/** Parses and renders one block in the page; resolves to the SVG or rejects with Mermaid's error. */
async function render(code: string, id: string): Promise<string> {
  return page.evaluate(
    async ({ code, id }) => {
      const mermaid = (
        window as unknown as { mermaid: { parse(c: string): Promise<unknown>; render(id: string, c: string): Promise<{ svg: string }> } }
      ).mermaid;
      await mermaid.parse(code);
      return (await mermaid.render(id, code)).svg;
    },
    { code, id },
  );
}

/** The y-axis tick labels of a rendered xychart. */
function yLabels(svg: string): string[] {
  const axis = /<g class="left-axis">([\s\S]*?)<\/g><\/g>/.exec(svg)?.[1] ?? svg;
  return [...axis.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
}

describe('evaluate summary: Mermaid blocks render in headless Chromium', () => {
  it('the harness catches a block Mermaid cannot parse (so this test can fail)', async () => {
    await expect(render('xychart-beta\n  x-axis [a, "b"\n  bar [1, x]', 'bad')).rejects.toThrow();
  }, 60_000);

  it('renders every block the summary and the chart can produce, without an error', async () => {
    const blocks = allBlocks();
    expect(blocks.length).toBeGreaterThanOrEqual(10);
    for (const [i, b] of blocks.entries()) {
      const svg = await render(b.code, `chart${i}`).catch((err: unknown) => {
        throw new Error(`${b.name}: ${String(err)}\n${b.code}`);
      });
      expect(svg, b.name).toContain('<svg');
      expect(svg, b.name).not.toMatch(/Syntax error|class="error-icon"|aria-roledescription="error"/);
      if (!b.name.startsWith('fractional')) {
        // Count axes: whole numbers only.
        const labels = yLabels(svg).filter((l) => /^-?[\d.]+$/.test(l));
        expect(labels.length, b.name).toBeGreaterThan(0);
        for (const l of labels) expect(Number.isInteger(Number(l)), `${b.name}: y label ${l}`).toBe(true);
      }
    }
  }, 300_000);

  it('draws the threshold in every chart: a line, or its own bar with a single tick', async () => {
    const [one] = allBlocks();
    expect(one!.code).toContain('"threshold"');
    const svg = await render(one!.code, 'one');
    expect([...svg.matchAll(/<rect[^>]*class="bar-plot/g)].length + [...svg.matchAll(/<rect /g)].length).toBeGreaterThan(0);
    const many = allBlocks().find((b) => b.name === '48 ticks #1')!;
    expect(many.code).toMatch(/\n {2}line \[5(, 5){47}\]/);
    expect(many.code.match(/\n {2}bar \[/g)).toHaveLength(3);
    expect(await render(many.code, 'many')).toMatch(/<path[^>]*class="line-plot-\d+"|class="line-plot/);
  }, 120_000);

  it('labels carry the date across midnight and stay unique', () => {
    const labels = tickLabels(['2026-12-01T23:55:00Z', '2026-12-02T00:00:00Z']);
    expect(labels).toEqual(['12-01 23:55', '12-02 00:00']);
    expect(tickLabels(['2026-12-01T10:00:00Z', '2026-12-01T10:05:00Z'])).toEqual(['10:00', '10:05']);
    const hourly = Array.from({ length: 96 }, (_, i) => iso(Date.parse('2026-12-01T00:00:00Z') + i * 60 * MINUTE));
    expect(new Set(tickLabels(hourly)).size).toBe(96);
  });

  it('writes screenshots of a one-tick and a 48-tick summary when SUMMARY_SCREENSHOTS is set', async () => {
    const dir = process.env.SUMMARY_SCREENSHOTS;
    if (!dir) return;
    mkdirSync(dir, { recursive: true });
    for (const [name, r] of [
      ['summary-1-tick', onTime],
      ['summary-1-tick-no-history', oneTick],
      ['summary-48-ticks', fortyEight],
    ] as const) {
      const md = renderEvaluateSummary(r);
      const blocks = [...md.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((m) => m[1]!);
      const svgs: string[] = [];
      for (const [i, code] of blocks.entries()) svgs.push(await render(code, `${name}-${i}`));
      const text = md.replace(/```mermaid\n[\s\S]*?\n```/g, '@@CHART@@');
      await page.evaluate(
        ({ text, svgs }) => {
          const out = document.getElementById('out')!;
          const parts = text.split('@@CHART@@');
          out.innerHTML = '';
          parts.forEach((p, i) => {
            const pre = document.createElement('pre');
            pre.style.whiteSpace = 'pre-wrap';
            pre.style.fontSize = '12px';
            pre.textContent = p;
            out.appendChild(pre);
            if (svgs[i]) {
              const div = document.createElement('div');
              div.innerHTML = svgs[i]!;
              out.appendChild(div);
            }
          });
        },
        { text, svgs },
      );
      await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
      expect(existsSync(join(dir, `${name}.png`))).toBe(true);
    }
    expect(SUMMARY_HISTORY_TICKS).toBe(24);
  }, 120_000);
});
