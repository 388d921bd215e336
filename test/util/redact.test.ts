import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Redactor, isCredentialName, redactUrl, redactUrls } from '../../src/util/redact.js';

describe('redactUrl', () => {
  it.each([
    ['https://user:pa55word@logs.example.com/app.log', 'https://***@logs.example.com/app.log'],
    ['https://TOKEN123@github.com/o/r.git', 'https://***@github.com/o/r.git'],
    ['postgres://app:s3cret@db:5432/logs?sslmode=require', 'postgres://***@db:5432/logs?sslmode=require'],
    ['smtp://mailer:p%40ss@smtp.example.com:587', 'smtp://***@smtp.example.com:587'],
    ['http://user:pass@proxy.corp:3128', 'http://***@proxy.corp:3128'],
    ['https://logs.example.com/app.log?token=abc&day=1', 'https://logs.example.com/app.log?token=***&day=1'],
    [
      'https://s3.amazonaws.com/b/k.gz?X-Amz-Credential=AKIA%2F2026&X-Amz-Signature=deadbeef&X-Amz-Date=20260101',
      'https://s3.amazonaws.com/b/k.gz?X-Amz-Credential=***&X-Amz-Signature=***&X-Amz-Date=20260101',
    ],
    ['https://acct.blob.core.windows.net/c/x.log?sv=2024&sig=abc%3D', 'https://acct.blob.core.windows.net/c/x.log?sv=2024&sig=***'],
    [
      'https://h/x?apikey=1&api_key=2&key=3&password=4&secret=5&access_token=6&signature=7',
      'https://h/x?apikey=***&api_key=***&key=***&password=***&secret=***&access_token=***&signature=***',
    ],
    ['https://h/cb#access_token=abc&state=x', 'https://h/cb#access_token=***&state=x'],
    ['https://h/x?page=2', 'https://h/x?page=2'],
    ['not a url', 'not a url'],
  ])('%s', (input, expected) => {
    expect(redactUrl(input)).toBe(expected);
  });

  it.each([
    // Known webhook hosts: the secret segments, whatever they look like.
    ['https://hooks.slack.com/services/T000/B000/XXXXXXXX', 'https://hooks.slack.com/services/T000/B000/***'],
    [
      'https://hooks.slack.com/services/T0AB12CD3/B0EF45GH6/abcdefghijklmnopqrstuvwx',
      'https://hooks.slack.com/services/T0AB12CD3/B0EF45GH6/***',
    ],
    ['https://hooks.slack.com/workflows/T000/A000/123/abcdef', 'https://hooks.slack.com/workflows/T000/A000/***/***'],
    ['https://hooks.slack.com/triggers/T000/123/abcdef/', 'https://hooks.slack.com/triggers/T000/123/***/'],
    ['https://HOOKS.SLACK.COM:443/services/T1/B2/secret', 'https://HOOKS.SLACK.COM:443/services/T1/B2/***'],
    ['https://discord.com/api/webhooks/1234567890123456789/tok-en_value', 'https://discord.com/api/webhooks/1234567890123456789/***'],
    ['https://discordapp.com/api/v10/webhooks/123/abc/slack?wait=true', 'https://discordapp.com/api/v10/webhooks/123/***/slack?wait=true'],
    ['https://ptb.discord.com/api/webhooks/123/abc', 'https://ptb.discord.com/api/webhooks/123/***'],
    [
      'https://contoso.webhook.office.com/webhookb2/a1b2@c3d4/IncomingWebhook/abcdef/e5f6/V2xyz',
      'https://contoso.webhook.office.com/webhookb2/a1b2@c3d4/IncomingWebhook/***/***/***',
    ],
    ['https://api.telegram.org/bot123456:ABC-def/sendMessage', 'https://api.telegram.org/***/sendMessage'],
    ['https://hooks.zapier.com/hooks/catch/123456/abcdef1/', 'https://hooks.zapier.com/hooks/catch/123456/***/'],
    ['https://maker.ifttt.com/trigger/deploy/with/key/abcDEF', 'https://maker.ifttt.com/trigger/deploy/with/key/***'],
    // Any host: segments that look like credentials (a run of 16+ letters and digits, 2+ digits, 4+ letters).
    ['https://mm.example.com/hooks/x8k3m9q2w7e4r5t6y1u0i9o8p7', 'https://mm.example.com/hooks/***'],
    ['http://127.0.0.1:8080/api/webhooks/123/Zx9_kQ2-mN7pL4vB8cR1tY6wE3', 'http://127.0.0.1:8080/api/webhooks/123/***'],
    ['https://h/x/9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08/y', 'https://h/x/***/y'],
    ['https://h/v1/eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.sig/x', 'https://h/v1/***/x'],
    ['https://h/a%2Fb/Zx9kQ2mN7pL4vB8cR1%2BtY6wE3', 'https://h/a%2Fb/***'],
    // Ordinary paths stay as they are.
    ['https://api.example.com/api/v1/events', 'https://api.example.com/api/v1/events'],
    [
      'https://h/rules/7b0c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3/history?page=2',
      'https://h/rules/7b0c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3/history?page=2',
    ],
    ['https://logs.example.com/var/log/app-2026-11-22T11-58-01.log', 'https://logs.example.com/var/log/app-2026-11-22T11-58-01.log'],
    ['https://h/export/app.20261122T115801Z.ndjson.gz', 'https://h/export/app.20261122T115801Z.ndjson.gz'],
    ['https://h/orders/12345678901234567890', 'https://h/orders/12345678901234567890'],
    ['https://h/internationalization/configuration-management', 'https://h/internationalization/configuration-management'],
    [
      'https://github.com/apialerts/apialerts-toolkit/releases/download/v1.2.3/x.tgz',
      'https://github.com/apialerts/apialerts-toolkit/releases/download/v1.2.3/x.tgz',
    ],
    ['https://example.com/services/T000/B000/XXXXXXXX', 'https://example.com/services/T000/B000/XXXXXXXX'],
  ])('path: %s', (input, expected) => {
    expect(redactUrl(input)).toBe(expected);
  });

  it('property: the secret segment of a known webhook URL never survives, whatever it is made of', () => {
    // Any segment but `.`/`..` and the forms' own fixed words, hosts and tails (which are printed, so
    // would be found: a secret `x` was, in the tail `#x`).
    const fixed = new Set(
      [
        'services T0123 B0456 api webhooks 123456789012345678 webhookb2 IncomingWebhook g2 hooks catch 99 trigger e with key x',
        'hooks.slack.com discord.com x.webhook.office.com hooks.zapier.com maker.ifttt.com',
      ]
        .join(' ')
        .split(' '),
    );
    const segment = fc.stringMatching(/^[A-Za-z0-9._~-]{1,60}$/).filter((t) => !/^\.{1,2}$/.test(t) && !fixed.has(t));
    const forms = (t: string) => [
      `https://hooks.slack.com/services/T0123/B0456/${t}`,
      `https://discord.com/api/webhooks/123456789012345678/${t}`,
      `https://x.webhook.office.com/webhookb2/g@t/IncomingWebhook/${t}/g2/V2${t}`,
      `https://hooks.zapier.com/hooks/catch/99/${t}/`,
      `https://maker.ifttt.com/trigger/e/with/key/${t}`,
    ];
    fc.assert(
      fc.property(segment, fc.constantFrom('', '?wait=true', '#x'), (t, tail) => {
        for (const url of forms(t)) {
          const out = redactUrl(url + tail);
          expect(out.split(/[/?#]/).includes(t), out).toBe(false);
        }
      }),
    );
  });

  it('property: random tokens in a path are redacted, on any host, inside text too', () => {
    // Tokens as services issue them: 20–64 characters of base62/base64url, or hex, with digits and letters.
    const token = fc
      .oneof(fc.stringMatching(/^[A-Za-z0-9_-]{20,64}$/), fc.stringMatching(/^[0-9a-f]{32,64}$/))
      .filter((t) =>
        (t.match(/[A-Za-z0-9]{16,}/g) ?? []).some((r) => (r.match(/\d/g) ?? []).length >= 2 && (r.match(/[A-Za-z]/g) ?? []).length >= 4),
      );
    fc.assert(
      fc.property(token, fc.constantFrom('https://h.example', 'http://127.0.0.1:9'), (t, origin) => {
        const text = `delivery to ${origin}/hooks/${t}/x?page=1 failed.`;
        expect(redactUrls(text)).toBe(`delivery to ${origin}/hooks/***/x?page=1 failed.`);
      }),
    );
  });

  it('property: ordinary paths (words, numbers, dates, UUIDs, file names) are never redacted', () => {
    const word = fc.stringMatching(/^[a-z]{1,15}(?:[-_][a-z]{1,15}){0,3}$/);
    const segment = fc.oneof(
      word,
      fc.nat().map(String),
      fc.uuid(),
      fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }).map((d) => d.toISOString().replace(/:/g, '-')),
      fc.tuple(word, fc.constantFrom('log', 'json', 'ndjson.gz', 'tgz')).map(([w, e]) => `${w}.${e}`),
      fc.constantFrom('v1', 'v2', 'api', 'services', 'webhooks', 'hooks', 'IncomingWebhook', 'T000', 'B000'),
    );
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 8 }), (parts) => {
        const url = `https://api.example.com/${parts.join('/')}`;
        expect(redactUrl(url)).toBe(url);
      }),
    );
  });

  it('finds URLs inside text', () => {
    expect(redactUrls('log source "web" (https://u:p@h/x?token=t) could not be read: HTTP 500')).toBe(
      'log source "web" (https://***@h/x?token=***) could not be read: HTTP 500',
    );
  });

  it('names that look like credentials', () => {
    for (const n of [
      'token',
      'sig',
      'signature',
      'key',
      'apikey',
      'api_key',
      'API-KEY',
      'password',
      'secret',
      'access_token',
      'X-Amz-Signature',
      'X-Amz-Credential',
      'X-Amz-Security-Token',
      'client_secret',
      'X-Goog-Signature',
    ])
      expect(isCredentialName(n), n).toBe(true);
    for (const n of ['page', 'day', 'format', 'sv', 'limit']) expect(isCredentialName(n), n).toBe(false);
  });
});

describe('Redactor', () => {
  it('masks whole values, their URL-password forms, JSON and URL encodings', () => {
    const r = new Redactor();
    r.add('s3cret "quoted" value');
    r.add('postgres://app:p%40ss%2Fw0rd@db/logs');
    expect(r.redact('a s3cret "quoted" value b')).toBe('a *** b');
    expect(r.redact(JSON.stringify({ v: 's3cret "quoted" value' }))).toBe('{"v":"***"}');
    expect(r.redact('auth failed for p@ss/w0rd and p%40ss%2Fw0rd')).toBe('auth failed for *** and ***');
  });

  it('URLs are redacted before registered values, so a short value inside a host name cannot hide a webhook token', () => {
    const r = new Redactor();
    r.add('k');
    expect(r.redact('server URL "ftp://hooks.slack.com/services/T0/B0/abcdefgh" is wrong')).toBe(
      'server URL "ftp://hoo***s.slac***.com/services/T0/B0/***" is wrong',
    );
  });

  it('never masks the words of a value, only whole values; lists are split into parts of 8+ characters', () => {
    const r = new Redactor();
    r.add('correct horse battery staple');
    expect(r.redact('the table is stable')).toBe('the table is stable');
    const l = new Redactor();
    l.add('0123456789abcdef fedcba9876543210 short', { list: true });
    expect(l.redact('got fedcba9876543210, short')).toBe('got ***, short');
  });

  it('property: a registered secret never survives redaction, wherever it is in the text', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 4, maxLength: 40 }), fc.string(), fc.string(), (secret, before, after) => {
        const r = new Redactor();
        r.add(secret);
        const out = r.redact(`${before}${secret}${after}`);
        // The value may legitimately survive only if it is made of the replacement itself.
        if (!secret.includes('*')) expect(out.includes(secret)).toBe(false);
      }),
    );
  });
});
