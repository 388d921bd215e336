import type { EventBody } from '../events/limits.js';
import type { SendResult } from '../events/client.js';
import { markdownCell } from '../util/markdown.js';

type SummaryOutcome = { kind: 'sent'; result: SendResult } | { kind: 'dry-run' } | { kind: 'failed'; error: string };

const cell = markdownCell;

/** A short job summary of what was (or would have been) sent; never the key. */
export function renderSummary(body: EventBody | undefined, outcome: SummaryOutcome): string {
  const heading =
    outcome.kind === 'sent'
      ? '### API Alerts: event sent'
      : outcome.kind === 'dry-run'
        ? '### API Alerts: dry run (nothing sent)'
        : '### API Alerts: event NOT sent';
  const rows: [string, string | undefined][] = [];
  if (outcome.kind === 'failed') rows.push(['Error', outcome.error]);
  if (body) {
    rows.push(['Message', body.message], ['Channel', body.channel], ['Event', body.event], ['Title', body.title]);
    rows.push(['Tags', body.tags?.join(', ')], ['Link', body.link]);
  }
  if (outcome.kind === 'sent') {
    const r = outcome.result;
    rows.push(['Workspace', r.workspace], ['Delivered to channel', r.channel], ['Event id', r.uuid], ['HTTP status', String(r.status)]);
    if (r.attempts > 1) rows.push(['Attempts', String(r.attempts)]);
    if (r.warnings.length > 0) rows.push(['Warnings', r.warnings.join('\n')]);
  }
  const table = rows.filter((r): r is [string, string] => !!r[1]).map(([k, v]) => `| ${k} | ${cell(v)} |`);
  return [heading, '', '| | |', '|---|---|', ...table, '', ''].join('\n');
}
