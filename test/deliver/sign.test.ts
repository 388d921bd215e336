import { describe, expect, it } from 'vitest';
import { parseSecrets, standardKey, toWhsec } from '../../src/deliver/sign.js';

// Pins what the mutation run (docs/testing.md) showed the webhook tests leave open: the secret format
// check is anchored at both ends, an empty value is refused by name, and the Standard Webhooks key is
// the secret's raw bytes (the round-trip tests derive both sides from standardKey, so they cannot see it).
const A = 'ab'.repeat(32);
const B = '0f'.repeat(32);

describe('parseSecrets', () => {
  it('splits on any whitespace run and ignores surrounding whitespace', () => {
    expect(parseSecrets(`  ${A} \t\n ${B}  `, 'HOOK')).toEqual([A, B]);
  });

  it('refuses an empty or blank value, naming the env var', () => {
    expect(() => parseSecrets('', 'HOOK')).toThrow(/^env HOOK is empty$/);
    expect(() => parseSecrets(' \n ', 'HOOK')).toThrow(/^env HOOK is empty$/);
  });

  it('refuses a secret with anything before or after the 64 hex characters, without printing it', () => {
    for (const bad of [`x${A}`, `${A}x`, `${A}${A}`, A.toUpperCase(), A.slice(1)]) {
      let message = '';
      try {
        parseSecrets(`${B} ${bad}`, 'HOOK');
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toBe('env HOOK: secret #2 is not 64 lowercase hex characters');
    }
  });
});

describe('Standard Webhooks key', () => {
  it('is the 32 raw bytes of the hex secret', () => {
    expect(standardKey(B)).toEqual(Buffer.alloc(32, 0x0f));
    expect(toWhsec(B)).toBe(`whsec_${Buffer.alloc(32, 0x0f).toString('base64')}`);
  });
});
