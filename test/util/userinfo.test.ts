import { describe, expect, it } from 'vitest';
import { decodeUserinfo } from '../../src/util/userinfo.js';

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
    for (const raw of ['plain', 'a%20b', 'u%3Ap%40h', 'snow%E2%98%83man', encodeURIComponent('p@ss:w/rd?#%')]) expect(decodeUserinfo(raw)).toBe(decodeURIComponent(raw));
  });

  it('through WHATWG URL, as the callers use it', () => {
    expect(decodeUserinfo(new URL('smtp://u:p%40ss%zz@host').password)).toBe('p@ss%zz');
  });
});
