import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRules } from '../../src/rules/load.js';
import { secretEnvs, secretValues } from '../../src/rules/secrets.js';

// The variables a rule file names, read two ways (src/rules/secrets.ts): parsed, for the secrets an
// evaluation keeps; from the text, for what the CLI redacts and the evaluate action masks. The text
// reader must name at least what the parsed file names, or a kept secret could print unmasked.
const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const FILE = `project: p
delivery:
  smtp_url_env: MAIL_URL
sources:
  - { name: db, kind: postgres, url_env: PG_URL, table: logs }
  - name: web
    kind: url
    url: https://logs.example/x
    token_env: "LOG_TOKEN"
rules:
  - id: ${ID(1)}
    name: hook
    level: error
    threshold: 1
    window_minutes: 5
    channels: [webhook]
    notify_webhook: https://h.example/x
    notify_webhook_secret_env: HOOK_SECRETS
`;

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

describe('secret variables of a rule file', () => {
  it('parsed: every *_env field, webhook secrets as lists, sources given instead of the file’s', () => {
    const file = parseRules(FILE, 'alerts.yml');
    expect(secretEnvs(file).sort(byName)).toEqual([
      { name: 'APIALERTS_API_KEY', list: false },
      { name: 'HOOK_SECRETS', list: true },
      { name: 'LOG_TOKEN', list: false },
      { name: 'MAIL_URL', list: false },
      { name: 'PG_URL', list: false },
    ]);
    const extra = { name: 'o', kind: 'postgres', url_env: 'OTHER_PG', table: 't' } as unknown as (typeof file.sources)[number];
    expect(secretEnvs(file, [extra]).map((e) => e.name)).toContain('OTHER_PG');
  });

  for (const [label, text] of [
    ['the file above', FILE],
    ...['alerts.yml', 'five-events.yml'].map((f) => [
      `examples/${f}`,
      readFileSync(join(import.meta.dirname, '../../examples', f), 'utf8'),
    ]),
  ] as const) {
    it(`the text reader names at least what the parsed file names (${label})`, () => {
      const named = secretEnvs(parseRules(text, label));
      const env = Object.fromEntries(named.map((e) => [e.name, `value-of-${e.name}`]));
      expect(secretValues(text, env).sort((a, b) => a.value.localeCompare(b.value))).toEqual(
        named.sort(byName).map((e) => ({ value: `value-of-${e.name}`, list: e.list })),
      );
    });
  }

  it('the text reader: an invalid file still gives up its names, and the delivery defaults always', () => {
    const env = { HOOK_SECRETS: 'a b', PG_URL: 'postgres://u:p@h/db', APIALERTS_API_KEY: 'k', SMTP_URL: 's', UNNAMED: 'x' };
    expect(secretValues(`${FILE}  - this: [is not valid`, env)).toEqual([
      { value: 'k', list: false },
      { value: 's', list: false },
      { value: 'postgres://u:p@h/db', list: false },
      { value: 'a b', list: true },
    ]);
    expect(secretValues('', env).map((v) => v.value)).toEqual(['k', 's']);
  });
});
