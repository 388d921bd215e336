import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runEvaluation } from '../../src/evaluate/run.js';
import { runBacktest } from '../../src/evaluate/backtest.js';
import type { Deliverer } from '../../src/deliver/types.js';
import type { Decision } from '../../src/evaluate/types.js';
import { webhookBody, webhookHeaders } from '../../src/deliver/webhook.js';
import { emailContent } from '../../src/deliver/email.js';
import { pushEvent } from '../../src/deliver/push.js';
import { evaluateJson, formatBacktest, formatEvaluate } from '../../src/cli/evaluate-format.js';

/**
 * Rules without the issue 14 fields decide, deliver and store byte for byte as before them. The golden
 * transcript (fixtures/plain-golden.json) was produced by this very test on main before the rule
 * language grew (commit 259e35f); regenerate it only for an intended change, with UPDATE_GOLDEN=1.
 */
const MIN = 60_000;
const T0 = Date.UTC(2026, 3, 26, 12, 0, 0);
const GOLDEN = join(import.meta.dirname, 'fixtures', 'plain-golden.json');
const SECRET = 'ab'.repeat(32);

const RULES = `project: shop
sources:
  - name: app
    path: app.log
rules:
  - id: 00000000-0000-4000-8000-000000000001
    name: Errors
    level: error
    threshold: 3
    window_minutes: 10
    channels: [webhook, email, apialerts]
    notify_webhook: https://hooks.example.com/a
    notify_webhook_secret_env: HOOK_SECRET
    notify_email: ops@example.com
  - id: 00000000-0000-4000-8000-000000000002
    name: Fatal "now" <b>
    level: fatal
    threshold: 1
    window_minutes: 5
    channels: [webhook]
    notify_webhook: https://hooks.example.com/b
    webhook_scheme: both
    notify_webhook_secret_env: HOOK_SECRET
  - id: 00000000-0000-4000-8000-000000000003
    name: Warnings
    level: warn
    threshold: 50
    window_minutes: 60
    channels: [email]
    notify_email: ops@example.com
  - id: 00000000-0000-4000-8000-000000000004
    name: Off
    level: error
    threshold: 1
    window_minutes: 5
    enabled: false
    channels: [email]
    notify_email: ops@example.com
`;

/** A deterministic log in JSON and logfmt: a burst of errors, a few fatals, steady warnings. */
function logText(): string {
  const lines: string[] = [];
  for (let m = -120; m <= 60; m++) {
    const ts = T0 + m * MIN;
    lines.push(JSON.stringify({ level: 'warn', time: ts + 1000, msg: 'slow' }));
    if (m % 7 === 0) lines.push(`ts=${new Date(ts + 2000).toISOString()} level=error msg="db timeout"`);
    if (m >= -20 && m <= -12) lines.push(JSON.stringify({ level: 50, time: ts, msg: 'burst' }));
    if (m === -3 || m === 31) lines.push(`level=fatal ts=${(ts + 500) / 1000} msg=down`);
  }
  return lines.join('\n') + '\n';
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plain-identity-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function recording(): Deliverer & { seen: Decision[] } {
  const seen: Decision[] = [];
  return {
    seen,
    async deliver(decisions, _file, state) {
      seen.push(...decisions);
      return {
        state,
        outcomes: decisions.map((d) => ({
          rule_id: d.rule.id,
          rule_name: d.rule.name,
          channel: 'webhook' as const,
          triggered_at: d.triggered_at,
          status: 'delivered' as const,
          attempts: 1,
        })),
      };
    },
  };
}

/** Everything a plain rule produces that leaves the process, as text. */
function transcriptOf(d: Decision) {
  const body = webhookBody(d);
  const headers = webhookHeaders(d, body, [SECRET], 1_777_000_000, 'apialerts-evaluate/test');
  if (headers['x-krafter-webhook-id']) headers['x-krafter-webhook-id'] = '(random uuid)';
  return { body: body.toString('utf8'), headers, email: emailContent(d, 'shop'), push: pushEvent(d, 'shop') };
}

describe('plain rules are byte-identical to before the rule language grew', () => {
  it('payloads, headers, email, push, state file, text and JSON reports, backtest', async () => {
    await writeFile(join(dir, 'alerts.yml'), RULES);
    await writeFile(join(dir, 'app.log'), logText());
    const rulesPath = join(dir, 'alerts.yml');
    const statePath = join(dir, 'state.json');
    // Set so preflight passes; the recording deliverer sends nothing.
    const env = { HOOK_SECRET: SECRET, SMTP_URL: 'smtp://127.0.0.1:1', APIALERTS_API_KEY: 'k' };
    const out: Record<string, unknown> = {};
    const runs: unknown[] = [];
    const states: string[] = [];
    const texts: string[] = [];
    const jsons: string[] = [];
    // Three scheduled runs, the second catching up an hour of missed ticks.
    for (const now of [T0 - 30 * MIN, T0 + 33 * MIN, T0 + 61 * MIN]) {
      const deliverer = recording();
      const report = await runEvaluation({ rulesPath, statePath, now: new Date(now), dryRun: false, env, deliverer });
      runs.push(deliverer.seen.map(transcriptOf));
      states.push(await readFile(statePath, 'utf8'));
      texts.push(formatEvaluate({ ...report, stats: [] }, 'state.json'));
      jsons.push(JSON.stringify(evaluateJson({ ...report, stats: [] })));
    }
    const backtest = await runBacktest({ rulesPath, from: new Date(T0 - 120 * MIN), to: new Date(T0 + 60 * MIN), env });
    Object.assign(out, {
      runs,
      states,
      texts,
      jsons,
      backtest: formatBacktest({ ...backtest, stats: [] }),
      backtestJson: JSON.stringify({ ...backtest, stats: [] }),
    });

    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, JSON.stringify(out, null, 1) + '\n');
    const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as typeof out;
    expect(JSON.parse(JSON.stringify(out))).toEqual(golden);
    // A fire happened on every channel kind, so the comparison covers them.
    expect((runs as unknown[][]).flat().length).toBeGreaterThan(3);
  });
});
