/**
 * A request saved verbatim (`nc -l 8080 > req.http`, or a receiver that writes what it got): the
 * request line, headers, a blank line, then the body bytes exactly as received. Chunked bodies are
 * de-chunked, since the signature covers the payload, not the transfer framing.
 */
export interface SavedRequest {
  headers: Record<string, string>;
  body: Buffer;
}

export function parseSavedRequest(raw: Buffer): SavedRequest {
  let split = raw.indexOf('\r\n\r\n');
  let sep = 4;
  if (split < 0) {
    split = raw.indexOf('\n\n');
    sep = 2;
  }
  if (split < 0) throw new Error('no blank line between the headers and the body');
  const lines = raw.subarray(0, split).toString('latin1').split(/\r?\n/);
  const first = lines[0] ?? '';
  const headerLines = /^[A-Z]+ \S+ HTTP\/\d(\.\d)?$/.test(first) ? lines.slice(1) : lines;
  const headers = parseHeaderLines(headerLines);
  let body = raw.subarray(split + sep);
  if (/chunked/i.test(headers['transfer-encoding'] ?? '')) body = dechunk(body);
  else if (headers['content-length'] !== undefined) {
    const n = Number(headers['content-length']);
    if (!Number.isInteger(n) || n < 0) throw new Error(`Content-Length "${headers['content-length']}" is not a number`);
    if (body.length < n) throw new Error(`the body has ${body.length} bytes, Content-Length says ${n}: the request was cut short`);
    body = body.subarray(0, n);
  }
  return { headers, body };
}

/** `Name: value` lines; names lower-cased, as Node presents them. */
export function parseHeaderLines(lines: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of lines) {
    if (line.trim() === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`not a header line: "${line.slice(0, 60)}"`);
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

function dechunk(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = data.indexOf('\r\n', at);
    if (eol < 0) throw new Error('truncated chunked body');
    const size = parseInt(data.subarray(at, eol).toString('latin1').split(';')[0]!, 16);
    if (Number.isNaN(size)) throw new Error('malformed chunk size in a chunked body');
    if (size === 0) return Buffer.concat(parts);
    parts.push(data.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
}
