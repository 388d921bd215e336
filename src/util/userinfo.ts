/**
 * Percent-decode a URL's username or password. WHATWG URL keeps a stray `%` (as in `50%off`) as it
 * is, and decodeURIComponent throws on it; such a password is meant literally, so keep it.
 */
export function decodeUserinfo(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
