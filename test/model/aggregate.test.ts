import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregate, exactSum, numericValue, percentileRank } from '../../src/model/aggregate.js';
import { AGGREGATES } from '../../src/model/series.js';

/**
 * Each aggregate against an independent, literal reading of its definition (docs/lifecycle.md):
 * percentiles by counting, sums against exact BigInt arithmetic, last by scanning.
 */

// Every finite double is an integer multiple of 2^-1074: the exact value scaled by 2^1074, as a BigInt.
function scaled(x: number): bigint {
  if (x === 0) return 0n;
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const bits = buf.getBigUint64(0);
  const sign = bits >> 63n ? -1n : 1n;
  const exp = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  const mant = exp === 0 ? frac : frac | (1n << 52n);
  const shift = exp === 0 ? 0 : exp - 1; // value = mant · 2^(max(exp,1) − 1075) = mant · 2^(shift) · 2^-1074
  return sign * (mant << BigInt(shift));
}
function nextAfter(x: number, up: boolean): number {
  if (x === 0) return up ? Number.MIN_VALUE : -Number.MIN_VALUE;
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const bits = buf.getBigUint64(0);
  buf.setBigUint64(0, x > 0 === up ? bits + 1n : bits - 1n);
  return buf.getFloat64(0);
}
const abs = (b: bigint) => (b < 0n ? -b : b);

/** pN by definition: the smallest value v such that at least N% of the values are ≤ v. */
function percentileByCounting(p: number, values: number[]): number {
  const candidates = [...values].sort((a, b) => a - b);
  for (const v of candidates) {
    const atOrBelow = values.filter((x) => x <= v).length;
    if (atOrBelow * 100 >= p * values.length) return v;
  }
  throw new Error('unreachable');
}

const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 });
const everyday = fc.oneof(
  fc.integer({ min: -1000, max: 100_000 }),
  fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
  fc.constantFrom(0, 0.1, 0.2, 0.3, 99.5),
);

describe('aggregate', () => {
  it('is null on an empty window for every aggregate', () => {
    for (const a of AGGREGATES) expect(aggregate(a, [], [])).toBeNull();
  });

  it('nearest-rank percentiles: worked examples', () => {
    const v = Array.from({ length: 20 }, (_, i) => i + 1); // 1..20
    expect(aggregate('p50', v)).toBe(10);
    expect(aggregate('p90', v)).toBe(18);
    expect(aggregate('p95', v)).toBe(19);
    expect(aggregate('p99', v)).toBe(20);
    expect(aggregate('p95', [7])).toBe(7);
    expect(aggregate('p50', [3, 1])).toBe(1);
    expect(
      aggregate(
        'p99',
        Array.from({ length: 100 }, (_, i) => i + 1),
      ),
    ).toBe(99);
    expect(
      aggregate(
        'p99',
        Array.from({ length: 101 }, (_, i) => i + 1),
      ),
    ).toBe(100);
  });

  it('percentiles equal the counting definition and are one of the values', () => {
    fc.assert(
      fc.property(fc.array(everyday, { minLength: 1, maxLength: 60 }), fc.constantFrom(50, 90, 95, 99), (values, p) => {
        const got = aggregate(`p${p}` as 'p50', values);
        expect(got).toBe(percentileByCounting(p, values) + 0);
      }),
      { numRuns: 400 },
    );
  });

  it('percentileRank is ceil(p·n/100) and agrees with the float fraction a store computes', () => {
    for (const p of [50, 90, 95, 99])
      for (let n = 1; n <= 5000; n++) {
        expect(percentileRank(p, n)).toBe(Math.ceil((p * n) / 100));
        expect(percentileRank(p, n)).toBe(Math.ceil((p / 100) * n));
      }
  });

  it('max, min, last by scanning; results never depend on order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), everyday), { minLength: 1, maxLength: 40 }),
        fc.infiniteStream(fc.nat()),
        (pairs, rnd) => {
          const ts = pairs.map((p) => p[0]);
          const vs = pairs.map((p) => p[1]);
          const latest = Math.max(...ts);
          const lastExpected = Math.max(...pairs.filter((p) => p[0] === latest).map((p) => p[1]));
          expect(aggregate('max', vs)).toBe(Math.max(...vs) + 0);
          expect(aggregate('min', vs)).toBe(Math.min(...vs) + 0);
          expect(aggregate('last', vs, ts)).toBe(lastExpected + 0);
          // a shuffled copy gives the same answer for every aggregate
          const it = rnd[Symbol.iterator]();
          const order = pairs.map((_, i) => i).sort(() => ((it.next().value as number) % 3) - 1);
          for (const a of AGGREGATES)
            expect(
              aggregate(
                a,
                order.map((i) => vs[i]!),
                order.map((i) => ts[i]!),
              ),
            ).toBe(aggregate(a, vs, ts));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('sum is the exact sum rounded once to the nearest double; avg is that sum / n', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(finite, everyday), { minLength: 1, maxLength: 30 }), (values) => {
        const exact = values.reduce((s, v) => s + scaled(v), 0n);
        const got = aggregate('sum', values)!;
        expect(Number.isFinite(got)).toBe(true);
        const err = abs(exact - scaled(got));
        // no neighbouring double is closer to the exact sum
        for (const up of [true, false]) {
          const other = nextAfter(got, up);
          if (Number.isFinite(other)) expect(err <= abs(exact - scaled(other))).toBe(true);
        }
        expect(aggregate('avg', values)).toBe(got / values.length + 0);
      }),
      { numRuns: 500 },
    );
  });

  it('sum: cancellation and classic float cases', () => {
    expect(exactSum([0.1, 0.2, 0.3])).toBe(0.6);
    expect(exactSum([1e100, 1, -1e100])).toBe(1);
    expect(exactSum([1, 1e-16, 1e-16])).toBe(1.0000000000000002);
    expect(aggregate('sum', [-0])).toBe(0);
    expect(Object.is(aggregate('max', [-0]), 0)).toBe(true);
    expect(aggregate('avg', [1, 2])).toBe(1.5);
  });

  it('numericValue: JSON numbers and finite decimal strings only', () => {
    expect(numericValue(12)).toBe(12);
    expect(numericValue('12')).toBe(12);
    expect(numericValue('-1.5e3')).toBe(-1500);
    expect(numericValue('.5')).toBe(0.5);
    expect(numericValue('5.')).toBe(5);
    for (const bad of ['', ' 12', '12ms', '0x10', 'Infinity', 'NaN', '1e999', '--1', true, null, undefined, {}, [], NaN, Infinity])
      expect(numericValue(bad)).toBeNull();
  });
});
