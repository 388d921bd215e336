import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/rules/load.js';
import { UserError } from '../../src/util/errors.js';

const ID = 'f1e2d3c4-b5a6-4788-9c6d-5e4f3a2b1c0d';
const good = `# Example
project: shop-api
sources:
  - name: app
    path: logs/*.log
rules:
  - id: ${ID}
    name: High Error Rate
    level: error
    threshold: 10
    window_minutes: 5
    channels: [email, webhook]
    notify_email: ops@example.com
    notify_webhook: https://example.com/webhooks/alerts
    notify_webhook_secret_env: ALERT_WEBHOOK_SECRET
`;

function write(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'rules-test-')), 'alerts.yml');
  writeFileSync(path, text);
  return path;
}

describe('loadRules', () => {
  it('loads a valid file and applies the documented defaults', async () => {
    const file = await loadRules(write(good));
    expect(file.project).toBe('shop-api');
    expect(file.evaluation).toEqual({ interval_minutes: 5, max_catchup_minutes: 1440 });
    expect(file.rules[0]).toMatchObject({ id: ID, enabled: true, webhook_scheme: 'krafter', allow_http: false });
  });

  it('names the file, the rule and the field of a missing field', async () => {
    const path = write(good.replace('    threshold: 10\n', ''));
    await expect(loadRules(path)).rejects.toThrow(/rule file .*alerts\.yml is invalid:\n {2}- rules\[0\] "High Error Rate" → threshold: /);
  });

  it('rejects unknown fields instead of ignoring them', async () => {
    const path = write(good.replace('    level: error\n', '    level: error\n    treshold: 3\n'));
    await expect(loadRules(path)).rejects.toThrow(/rules\[0\] "High Error Rate": unknown field "treshold"/);
  });

  it('refuses a plain-http webhook unless allow_http is set', async () => {
    const path = write(good.replace('https://example.com', 'http://example.com'));
    await expect(loadRules(path)).rejects.toThrow(/notify_webhook: must be https:\/\//);
    await expect(
      loadRules(write(good.replace('https://example.com', 'http://example.com') + '    allow_http: true\n')),
    ).resolves.toBeDefined();
  });

  it('reports bad YAML and an unreadable file as bad input (exit 2)', async () => {
    const err = await loadRules(write('project: [unclosed\n')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).exitCode).toBe(2);
    expect((err as Error).message).toMatch(/not valid YAML\/JSON/);
    await expect(loadRules('/nonexistent/alerts.yml')).rejects.toThrow(/cannot read rule file \/nonexistent\/alerts\.yml/);
  });
});

describe('examples/alerts.yml', () => {
  it('is a valid rule file (the README points users at it)', async () => {
    const file = await loadRules(new URL('../../examples/alerts.yml', import.meta.url).pathname);
    expect(file.rules.map((r) => r.name)).toEqual(['High Error Rate', 'Any fatal', 'Warning flood', 'Disk almost full', 'Slow checkout']);
    expect(file.rules[2]!.enabled).toBe(false);
  });
});
