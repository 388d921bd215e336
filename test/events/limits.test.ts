import { describe, expect, it } from 'vitest';
import { LIMITS, prepareEvent } from '../../src/events/limits.js';
import { parseEvent } from '../../src/events/schema.js';

describe('prepareEvent', () => {
  it('omits empty optional fields and keeps the rest in order', () => {
    const p = prepareEvent({ message: 'hi', channel: ' ', event: '', title: 'T', tags: [' a ', '', 'b'], link: '', data: {} });
    expect(p.json).toBe('{"message":"hi","title":"T","tags":["a","b"]}');
    expect(p.warnings).toEqual([]);
  });

  it('cuts over-long texts at the documented limits with one warning each', () => {
    const p = prepareEvent({ message: 'm'.repeat(501), event: 'e'.repeat(129), title: 't'.repeat(200), channel: 'c'.repeat(65) });
    expect(p.body.message).toHaveLength(LIMITS.message);
    expect(p.body.event).toHaveLength(128);
    expect(p.body.title).toHaveLength(128);
    expect(p.body.channel).toHaveLength(64);
    expect(p.warnings).toEqual([
      'message is 501 characters; cut to the limit of 500',
      'channel is 65 characters; cut to the limit of 64',
      'event is 129 characters; cut to the limit of 128',
      'title is 200 characters; cut to the limit of 128',
    ]);
  });

  it('never splits an emoji when cutting', () => {
    const p = prepareEvent({ message: '🔥'.repeat(501) });
    expect(Array.from(p.body.message)).toHaveLength(500);
    expect(p.body.message).toBe('🔥'.repeat(500));
  });

  it('keeps the first 10 tags, cuts each at 50 and says what was dropped', () => {
    const tags = Array.from({ length: 12 }, (_, i) => `t${i}`);
    tags[0] = 'x'.repeat(60);
    const p = prepareEvent({ message: 'm', tags });
    expect(p.body.tags).toHaveLength(10);
    expect(p.body.tags?.[0]).toBe('x'.repeat(50));
    expect(p.warnings).toEqual([
      '12 tags given; only the first 10 are sent (dropped: t10, t11)',
      `tag "${'x'.repeat(20)}…" is 60 characters; cut to the limit of 50`,
    ]);
  });

  it.each(['https://x.io/a', 'http://x', 'mailto:ops@x.io', 'tel:+100', 'HTTPS://X.IO'])('accepts the link %s', (link) => {
    expect(prepareEvent({ message: 'm', link }).body.link).toBe(link);
  });

  // v2 sent any link as given; so do we, with a warning, so a green v2 workflow stays green.
  it.each(['ftp://x', 'javascript:alert(1)', 'x.io/path', '/a/path'])('sends the link %s as given, with a warning', (link) => {
    const prepared = prepareEvent({ message: 'm', link });
    expect(prepared.body.link).toBe(link);
    expect(prepared.warnings).toEqual([
      `link "${link}" does not start with http://, https://, mailto: or tel:; sent as given, the server may ignore or reject it`,
    ]);
  });

  it('sends a link over 1000 characters as given, with a warning (the server decides)', () => {
    const link = `https://x.io/${'a'.repeat(1000)}`;
    const prepared = prepareEvent({ message: 'm', link });
    expect(prepared.body.link).toBe(link);
    expect(prepared.warnings).toEqual(['link is 1013 characters, over the limit of 1000; sent as given, the server may reject it']);
  });

  it.each([
    [[1], 'an array'],
    ['text', 'a string'],
    [3, 'a number'],
    [true, 'a boolean'],
    [null, 'null'],
  ])('sends data %j as given, with a warning', (data, kind) => {
    const prepared = prepareEvent({ message: 'm', data });
    expect(prepared.body.data).toEqual(data);
    expect(prepared.json).toBe(JSON.stringify({ message: 'm', data }));
    expect(prepared.warnings).toEqual([
      `data is ${kind}, not a JSON object like {"version":"1.2.3"}; sent as given, the server may ignore it`,
    ]);
  });

  it('a data object is sent without a warning; an empty one is left out', () => {
    expect(prepareEvent({ message: 'm', data: { a: 1 } })).toMatchObject({ body: { data: { a: 1 } }, warnings: [] });
    expect(prepareEvent({ message: 'm', data: {} }).body).toEqual({ message: 'm' });
  });

  it('rejects a body over 256 KB', () => {
    expect(() => prepareEvent({ message: 'm', data: { blob: 'x'.repeat(256 * 1024) } })).toThrow(
      /event body is \d+ bytes; the limit is 262144/,
    );
    expect(prepareEvent({ message: 'm', data: { blob: 'x'.repeat(200 * 1024) } }).body.data).toBeDefined();
  });
});

describe('parseEvent', () => {
  it('names the bad field', () => {
    expect(() => parseEvent({ message: '' })).toThrow(/message: message is required/);
    expect(() => parseEvent({ message: 'm', tags: 'a,b' })).toThrow(/tags:/);
  });
});

describe('prepareEvent at the limits exactly', () => {
  it('a text, tag, tag count and link at their limit are sent whole, without a warning', () => {
    const p = prepareEvent({
      message: 'm'.repeat(500),
      event: 'e'.repeat(128),
      title: 't'.repeat(128),
      channel: 'c'.repeat(64),
      tags: Array.from({ length: 10 }, (_, i) => `${i}`.padEnd(50, 'x')),
      link: `https://x.io/${'a'.repeat(1000 - 'https://x.io/'.length)}`,
    });
    expect(p.warnings).toEqual([]);
    expect(p.body.message).toHaveLength(500);
    expect(p.body.tags).toHaveLength(10);
    expect(p.body.tags!.every((t) => t.length === 50)).toBe(true);
    expect(p.body.link).toHaveLength(1000);
  });

  it('a body of exactly 256 KB is sent; one byte more is refused', () => {
    const overhead = JSON.stringify({ message: 'm', data: { blob: '' } }).length;
    const exact = prepareEvent({ message: 'm', data: { blob: 'x'.repeat(256 * 1024 - overhead) } });
    expect(Buffer.byteLength(exact.json)).toBe(262144);
    expect(() => prepareEvent({ message: 'm', data: { blob: 'x'.repeat(256 * 1024 - overhead + 1) } })).toThrow(
      'event body is 262145 bytes; the limit is 262144 (256 KB): shorten data or message',
    );
  });

  it('event, title and link are trimmed like channel and tags', () => {
    const p = prepareEvent({ message: 'm', event: ' ci.deploy ', title: '\tDeploy\n', link: ' https://x.io ' });
    expect(p.json).toBe('{"message":"m","event":"ci.deploy","title":"Deploy","link":"https://x.io"}');
  });
});

describe('parseEvent messages', () => {
  it('names the event itself when it is not an object, a nested path with dots, and every problem', () => {
    expect(() => parseEvent('just text')).toThrow(/^invalid event: event: /);
    expect(() => parseEvent({ message: 'm', tags: ['a', 3] })).toThrow(/^invalid event: tags\.1: /);
    expect(() => parseEvent({ message: '', title: 3 })).toThrow(
      /^invalid event: message: message is required and must not be empty; title: /,
    );
  });
});
