// FilterSet (src/model/filter.ts): many filters judged together, per field, on the same entries — what
// the file scan runs for 200 rules at once. Checked against the oracle's one-filter-at-a-time reading
// (test/helpers/oracle.ts), with several filters per field and operator, so the shared lookups
// (equalities in one Map, numeric bounds in one loop, regex prefixes) cannot mix filters up.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileWhere, FilterSet, literalPrefix } from '../../src/model/filter.js';
import type { Filter } from '../../src/model/series.js';
import { oracleFilter } from '../helpers/oracle.js';

const routes = ['/api/orders/1', '/api/orders/12', '/api/users/3', '/healthz', 'api/orders', '', '/API/orders/1'];
const valueArb = fc.oneof(
  fc.constantFrom<unknown>(...routes, 7, '7', 7.5, '07', -1, 0, '1e3', true, 'true', null, undefined, { a: 1 }, [1]),
  fc.integer({ min: -5, max: 20 }),
);
const patterns = [
  '^/api/orders/1',
  '^/api/orders/\\d+$',
  '^/api/(orders|users)',
  '^\\/api\\/u',
  '^/api/orders/1?2',
  '^/healthz$',
  'orders',
  '^7',
  '^a*',
  '^/api/.*',
];
const filterArb: fc.Arbitrary<Filter> = fc.oneof(
  fc.record({
    field: fc.constantFrom('route', 'n'),
    op: fc.constantFrom('equals' as const, 'not_equals' as const),
    value: fc.constantFrom<string | number | boolean>(...routes, 7, '7', true),
  }),
  fc.record({
    field: fc.constantFrom('route', 'n'),
    op: fc.constant('one_of' as const),
    value: fc.subarray<string | number>([...routes, 7, '7.5'], { minLength: 1 }),
  }),
  fc.record({ field: fc.constantFrom('route', 'n'), op: fc.constant('contains' as const), value: fc.constantFrom('orders', '1', '') }),
  fc.record({ field: fc.constantFrom('route', 'n'), op: fc.constant('matches' as const), value: fc.constantFrom(...patterns) }),
  fc.record({ field: fc.constantFrom('route', 'n', 'obj.x'), op: fc.constant('exists' as const) }),
  fc.record({
    field: fc.constantFrom('n', 'route'),
    op: fc.constantFrom('gt' as const, 'gte' as const, 'lt' as const, 'lte' as const),
    value: fc.constantFrom(-1, 0, 7, 7.5, 10, 1000),
  }),
);

describe('FilterSet', () => {
  it('judges every filter as the oracle does one at a time, whichever are asked and in any order', () => {
    fc.assert(
      fc.property(
        fc.array(filterArb, { minLength: 1, maxLength: 40 }),
        fc.array(fc.record({ route: valueArb, n: valueArb, x: valueArb }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 60 }),
        (filters, rows, order) => {
          const set = new FilterSet(filters);
          for (const row of rows) {
            const fields: Record<string, unknown> = {};
            if (row.route !== undefined) fields.route = row.route;
            if (row.n !== undefined) fields.n = row.n;
            if (row.x !== undefined) fields.obj = { x: row.x };
            const entry = { ts: 0, level: 'info' as const, fields };
            set.reset();
            // Some filters asked in a random order (repeats included), then all of them.
            for (const id of [...order.map((k) => k % filters.length), ...filters.keys()])
              expect({ filter: filters[id], fields, holds: set.holds(id, entry) }).toEqual({
                filter: filters[id],
                fields,
                holds: oracleFilter(entry, filters[id]!),
              });
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it("reads only an entry's own fields: names an object inherits are not fields, a parsed __proto__ key is", () => {
    const filters: Filter[] = [
      { field: 'constructor', op: 'exists' },
      { field: 'toString', op: 'matches', value: '^f' },
      { field: 'hasOwnProperty', op: 'equals', value: 'x' },
      { field: '__proto__', op: 'exists' },
      { field: '__proto__', op: 'equals', value: 'p' },
      { field: 'valueOf.name', op: 'exists' },
    ];
    const set = new FilterSet(filters);
    const judge = (fields: Record<string, unknown>) => {
      set.reset();
      return filters.map((_, id) => set.holds(id, { fields }));
    };
    expect(judge({})).toEqual([false, false, false, false, false, false]);
    expect(judge(Object.create(null) as Record<string, unknown>)).toEqual([false, false, false, false, false, false]);
    // JSON.parse makes __proto__ an own key; logfmt fields have no prototype at all.
    expect(
      judge(JSON.parse('{"constructor":"c","toString":"f1","hasOwnProperty":"x","__proto__":"p"}') as Record<string, unknown>),
    ).toEqual([true, true, true, true, true, false]);
  });

  it('starts each entry afresh after reset()', () => {
    const set = new FilterSet([{ field: 'host', op: 'equals', value: 'web-1' }]);
    set.reset();
    expect(set.holds(0, { fields: { host: 'web-1' } })).toBe(true);
    set.reset();
    expect(set.holds(0, { fields: { host: 'web-2' } })).toBe(false);
    expect(compileWhere([])({ fields: {} })).toBe(true);
    const both = compileWhere([
      { field: 'host', op: 'equals', value: 'web-1' },
      { field: 'n', op: 'gte', value: 3 },
    ]);
    expect([both({ fields: { host: 'web-1', n: 3 } }), both({ fields: { host: 'web-1', n: 2 } }), both({ fields: { n: 3 } })]).toEqual([
      true,
      false,
      false,
    ]);
  });
});

describe('literalPrefix', () => {
  it('finds the text every match of an anchored pattern starts with, and whether that is the whole pattern', () => {
    expect(literalPrefix('^/api/orders/3')).toEqual({ prefix: '/api/orders/3', whole: true });
    expect(literalPrefix('^/api/orders/\\d+')).toEqual({ prefix: '/api/orders/', whole: false });
    expect(literalPrefix('^\\/api\\.v1')).toEqual({ prefix: '/api.v1', whole: true });
    expect(literalPrefix('^abc?')).toEqual({ prefix: 'ab', whole: false }); // c is optional
    expect(literalPrefix('^ab*')).toEqual({ prefix: 'a', whole: false });
    expect(literalPrefix('^ab{2}')).toEqual({ prefix: 'a', whole: false });
    expect(literalPrefix('^ok$')).toEqual({ prefix: 'ok', whole: false });
    expect(literalPrefix('^(ab)')).toEqual({ prefix: '', whole: false });
    expect(literalPrefix('^ab|cd')).toEqual({ prefix: '', whole: false }); // either side
    expect(literalPrefix('ab')).toEqual({ prefix: '', whole: false }); // not anchored
    expect(literalPrefix('^')).toEqual({ prefix: '', whole: true });
  });

  it('never claims a prefix a match can lack', () => {
    const chars = fc.constantFrom('a', 'b', '/', '.', '\\.', '\\d', '?', '*', '+', '{1,2}', '[ab]', '(a)', '$', '\\/', 'x');
    fc.assert(
      fc.property(
        fc.array(chars, { maxLength: 8 }).map((parts) => '^' + parts.join('')),
        fc.array(fc.constantFrom('a', 'b', '/', '.', '1', 'x'), { maxLength: 8 }),
        (pattern, text) => {
          let re: RegExp;
          try {
            re = new RegExp(pattern);
          } catch {
            return; // not a pattern a rule file could hold
          }
          const s = text.join('');
          const { prefix, whole } = literalPrefix(pattern);
          if (re.test(s)) expect({ pattern, s, starts: s.startsWith(prefix) }).toEqual({ pattern, s, starts: true });
          if (whole) expect({ pattern, s, same: s.startsWith(prefix) }).toEqual({ pattern, s, same: re.test(s) });
        },
      ),
      { numRuns: 3000 },
    );
  });
});
