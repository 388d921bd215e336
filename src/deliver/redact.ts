import { Redactor } from '../util/redact.js';

/**
 * Belt and braces: a secret-bearing value never reaches an outcome, whatever a library put in its
 * message. The toolkit's one redaction (src/util/redact.ts): the value, its URL-password forms and
 * every URL's credentials.
 */
export function redact(message: string, secret: string): string {
  const redactor = new Redactor();
  redactor.add(secret);
  return redactor.redact(message);
}
