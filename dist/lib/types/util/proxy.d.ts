/**
 * Picks the proxy for a URL from the usual environment variables, as curl and
 * @actions/http-client do: https_proxy/HTTPS_PROXY for https URLs, http_proxy/HTTP_PROXY
 * for http URLs, unless no_proxy/NO_PROXY lists the host (`*`, `host`, `.domain`,
 * `domain` for it and its subdomains, optionally `:port`).
 */
export declare function proxyFor(target: URL, env?: NodeJS.ProcessEnv): URL | undefined;
