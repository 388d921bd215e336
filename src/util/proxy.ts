/**
 * Picks the proxy for a URL from the usual environment variables, as curl and
 * @actions/http-client do: https_proxy/HTTPS_PROXY for https URLs, http_proxy/HTTP_PROXY
 * for http URLs, unless no_proxy/NO_PROXY lists the host (`*`, `host`, `.domain`,
 * `domain` for it and its subdomains, optionally `:port`).
 */
export function proxyFor(target: URL, env: NodeJS.ProcessEnv = process.env): URL | undefined {
  const raw = target.protocol === 'https:' ? env.https_proxy || env.HTTPS_PROXY : env.http_proxy || env.HTTP_PROXY;
  if (!raw) return undefined;
  if (bypassed(target, env.no_proxy || env.NO_PROXY || '')) return undefined;
  try {
    return new URL(raw.includes('://') ? raw : `http://${raw}`);
  } catch {
    throw new Error(`the proxy setting "${raw}" is not a valid URL`);
  }
}

function bypassed(target: URL, noProxy: string): boolean {
  const host = target.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  for (const entry of noProxy.split(/[,\s]+/)) {
    let e = entry.trim().toLowerCase();
    if (!e) continue;
    if (e === '*') return true;
    let entryPort: string | undefined;
    const m = /^(.*):(\d+)$/.exec(e);
    if (m && !e.endsWith(']') && m[1] && !m[1].includes(':')) {
      e = m[1];
      entryPort = m[2];
    }
    e = e.replace(/^\*?\./, '').replace(/^\[|\]$/g, '');
    if (entryPort && entryPort !== port) continue;
    if (host === e || host.endsWith(`.${e}`)) return true;
  }
  return false;
}
