import { describe, expect, it } from 'vitest';
import { proxyFor } from '../../src/util/proxy.js';

const https = new URL('https://api.apialerts.com/event');
const http = new URL('http://api.apialerts.com:8080/event');

describe('proxyFor', () => {
  it('uses https_proxy for https and http_proxy for http, lower case first', () => {
    expect(proxyFor(https, { https_proxy: 'http://p:3128', HTTPS_PROXY: 'http://q:1' })?.href).toBe('http://p:3128/');
    expect(proxyFor(https, { HTTPS_PROXY: 'q:1' })?.href).toBe('http://q:1/');
    expect(proxyFor(https, { http_proxy: 'http://p:3128' })).toBeUndefined();
    expect(proxyFor(http, { http_proxy: 'http://p:3128' })?.host).toBe('p:3128');
  });

  it.each([
    ['*', true],
    ['apialerts.com', true],
    ['.apialerts.com', true],
    ['*.apialerts.com', true],
    ['api.apialerts.com:443', true],
    ['api.apialerts.com:8443', false],
    ['example.com, localhost', false],
    ['pialerts.com', false],
    ['localhost,API.APIALERTS.COM', true],
  ])('no_proxy=%s bypasses: %s', (noProxy, bypass) => {
    const p = proxyFor(https, { https_proxy: 'http://p:3128', no_proxy: noProxy });
    expect(p === undefined).toBe(bypass);
  });

  it('reads NO_PROXY too', () => {
    expect(proxyFor(https, { https_proxy: 'http://p:3128', NO_PROXY: 'apialerts.com' })).toBeUndefined();
  });
});
