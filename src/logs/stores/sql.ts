/**
 * SQL safety for the store adapters. Identifiers come from the rule file and are
 * validated again here (defence in depth: the schema already checks them) before
 * being quoted; nothing else user-supplied is ever put into SQL text.
 */
const IDENT = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** Throws when `name` is not a plain identifier; returns it unchanged otherwise. */
export function checkIdent(name: string, what: string): string {
  if (!IDENT.test(name)) throw new Error(`${what} ${JSON.stringify(name)} is not a plain SQL identifier ([A-Za-z_][A-Za-z0-9_]*)`);
  return name;
}

/** Splits `schema.table` / `table` and validates each part. */
export function splitTable(table: string): { schema?: string; name: string } {
  const parts = table.split('.');
  if (parts.length === 1) return { name: checkIdent(parts[0] ?? '', 'table') };
  if (parts.length === 2) return { schema: checkIdent(parts[0] ?? '', 'schema'), name: checkIdent(parts[1] ?? '', 'table') };
  throw new Error(`table ${JSON.stringify(table)} must be table or schema.table`);
}

/** PostgreSQL: double quotes (a validated identifier has none to escape). */
export function pgIdent(name: string, what = 'identifier'): string {
  return `"${checkIdent(name, what)}"`;
}

/** ClickHouse: back quotes (a validated identifier has none to escape). */
export function chIdent(name: string, what = 'identifier'): string {
  return `\`${checkIdent(name, what)}\``;
}

/** An integer that is safe to write into SQL text as a literal. */
export function intLiteral(n: number, what: string): string {
  if (!Number.isSafeInteger(n)) throw new Error(`${what} must be an integer, got ${String(n)}`);
  return String(n);
}

/**
 * ClickHouse has no query parameters on 18.16 (Debian's; `{name:Type}` arrived in 19.x), so a value
 * from a rule file (a filter's string, a pattern, a JSON key) is written as a string literal: every
 * backslash and quote escaped, every control character and DEL as \xHH, everything else (UTF-8)
 * as is. The result cannot end the literal early: test/stores/literals.test.ts round-trips hostile
 * strings through the server.
 */
export function chString(value: string): string {
  let out = "'";
  for (const ch of value) {
    const code = ch.codePointAt(0) as number;
    if (ch === '\\') out += '\\\\';
    else if (ch === "'") out += "\\'";
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code >= 0xd800 && code <= 0xdfff) throw new Error('a lone surrogate cannot be written as UTF-8');
    else out += ch;
  }
  return `${out}'`;
}

/**
 * A finite number as a ClickHouse Float64 that is exactly the same double: its IEEE-754 bits as an
 * integer, reinterpreted (18.16's float parser is not correctly rounded — toFloat64('2.897') is
 * 2.8970000000000002 — so a decimal literal would not do).
 */
export function chFloat(n: number, what: string): string {
  if (!Number.isFinite(n)) throw new Error(`${what} must be a finite number, got ${String(n)}`);
  const bits = Buffer.alloc(8);
  bits.writeDoubleLE(n);
  return `reinterpretAsFloat64(reinterpretAsString(toUInt64(${bits.readBigUInt64LE(0).toString()})))`;
}
