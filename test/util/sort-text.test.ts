import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortByText } from '../../src/util/sort-text.js';

describe('sortByText', () => {
  it('orders exactly as sort by localeCompare, ties in their original order', () => {
    // Few distinct keys (as the ticks of a run), in case and accent variants the collation may tie or order.
    const key = fc.constantFrom(
      '2026-04-26T12:00:00Z',
      '2026-04-26T12:05:00Z',
      '2026-04-26T11:55:00Z',
      'a',
      'A',
      'á',
      'b',
      '',
      'ab',
      'a-b',
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.nat()), { maxLength: 200 }), (items) => {
        const expected = [...items].sort((a, b) => a[0].localeCompare(b[0]));
        expect(sortByText([...items], (x) => x[0])).toEqual(expected);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
