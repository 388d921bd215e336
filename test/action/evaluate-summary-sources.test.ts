import { describe, expect, it } from 'vitest';
import { renderEvaluateSummary } from '../../src/action/evaluate-summary.js';
import type { EvaluateReport } from '../../src/evaluate/types.js';
import { sourceWarnings } from '../../src/logs/formats-report.js';

const report = (stats: EvaluateReport['stats']): EvaluateReport => ({
  project: 'p',
  ticks: ['2026-11-22T12:00:00Z'],
  skippedTicks: 0,
  rules: [],
  decisions: [],
  outcomes: [],
  stats,
  dryRun: true,
  stateSaved: false,
});

describe('summary: sources whose lines are mostly unreadable', () => {
  it('get a row with the formats tried and a sample line (escaped), others do not', () => {
    const bad = {
      source: 'logs/app.log',
      linesRead: 5,
      unreadable: 5,
      unreadableSamples: ['11:58:01 E | <b>broke</b>'],
      format: 'json',
      formatDetected: true,
      formatsTried: ['docker', 'json', 'logfmt', 'python-logging'],
      mostlyUnreadable: true,
    };
    const md = renderEvaluateSummary(
      report([bad, { source: 'ok.log', linesRead: 9, unreadable: 1, unreadableSamples: ['x'], format: 'logfmt' }]),
    );
    expect(md).toContain(
      '| logs/app.log | 5 | ⚠️ 5 |\n| ↳ ⚠️ most lines unreadable (formats tried: docker, json, logfmt, python-logging) | sample: "11:58:01 E \\| &lt;b&gt;broke&lt;/b&gt;" | |',
    );
    expect(md.match(/most lines unreadable/g)).toHaveLength(1);
    // The action's annotation text (runner.warning) for the same source.
    expect(sourceWarnings([bad])).toEqual([
      'log source logs/app.log: 5 of 5 lines could not be read (formats tried: docker, json, logfmt, python-logging); e.g. "11:58:01 E | <b>broke</b>". Name the format with format: on the source (or --format), see docs/formats.md',
    ]);
  });
});
