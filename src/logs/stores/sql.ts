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
