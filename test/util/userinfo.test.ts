import { describe, expect, it } from 'vitest';
import { decodeUserinfo, urlPasswordForms } from '../../src/util/userinfo.js';

describe('decodeUserinfo', () => {
  it('decodes escapes, keeps a stray % as written, and never throws', () => {
    expect(decodeUserinfo('p%40ss')).toBe('p@ss');
    expect(decodeUserinfo('50%off')).toBe('50%off');
    expect(decodeUserinfo('p%40ss%zz')).toBe('p@ss%zz');
    expect(decodeUserinfo('%')).toBe('%');
    expect(decodeUserinfo('caf%C3%A9%2')).toBe('café%2'); // one multi-byte character, then a stray
    expect(decodeUserinfo('%C3')).toBe('%C3'); // half a UTF-8 character: literal
  });

  it('agrees with decodeURIComponent whenever that succeeds', () => {
    for (const raw of ['plain', 'a%20b', 'u%3Ap%40h', 'snow%E2%98%83man', encodeURIComponent('p@ss:w/rd?#%')])
      expect(decodeUserinfo(raw)).toBe(decodeURIComponent(raw));
  });

  it('through WHATWG URL, as the callers use it', () => {
    expect(decodeUserinfo(new URL('smtp://u:p%40ss%zz@host').password)).toBe('p@ss%zz');
  });
});

describe('urlPasswordForms', () => {
  it('gives the password as written and decoded, once each, for any scheme', () => {
    expect(urlPasswordForms('postgres://app:p%40ss@db:5432/logs')).toEqual(['p%40ss', 'p@ss']);
    expect(urlPasswordForms('smtp://alerts:50%off@mail:587')).toEqual(['50%off']);
    expect(urlPasswordForms('clickhouse+http://u:s3cret@ch/x')).toEqual(['s3cret']);
  });

  it('gives nothing for a URL without a password or a value that is no URL', () => {
    for (const v of ['https://example.com/hook', 'smtp://alerts@mail', '5f2b1c0d9e8a', 'user:pass@host'])
      expect(urlPasswordForms(v)).toEqual([]);
  });
});
