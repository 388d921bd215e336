import { urlPasswordForms } from '../util/userinfo.js';

/** Belt and braces: a secret-bearing value never reaches an outcome, whatever a library put in its message. */
export function redact(message: string, secret: string): string {
  let out = secret ? message.split(secret).join('(redacted)') : message;
  for (const p of urlPasswordForms(secret)) out = out.split(p).join('(redacted)');
  return out;
}
