/**
 * Exact non-negative-or-negative rationals on BigInt, so that a criteria set's totals never drift:
 * 1/3 + 1/3 + 1/3 is exactly 1, and 999.95 points round the same on every phone and on the server.
 * Always reduced, denominator positive.
 */
export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function rat(n: bigint | number, d: bigint | number = 1n): Rational {
  let num = BigInt(n);
  let den = BigInt(d);
  if (den === 0n) throw new RangeError('rational with denominator 0');
  if (den < 0n) [num, den] = [-num, -den];
  const g = gcd(num, den);
  return g > 1n ? { n: num / g, d: den / g } : { n: num, d: den };
}

export const ZERO: Rational = { n: 0n, d: 1n };
export const ONE: Rational = { n: 1n, d: 1n };

export const add = (a: Rational, b: Rational): Rational =>
  a.d === b.d ? rat(a.n + b.n, a.d) : rat(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Rational, b: Rational): Rational => rat(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Rational, b: Rational): Rational => rat(a.n * b.n, a.d * b.d);
export const div = (a: Rational, b: Rational): Rational => rat(a.n * b.d, a.d * b.n);
export const cmp = (a: Rational, b: Rational): number => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};
export const min = (a: Rational, b: Rational): Rational => (cmp(a, b) <= 0 ? a : b);
export const isZero = (a: Rational): boolean => a.n === 0n;

/**
 * A finite decimal number (as JSON writes it: 0.5, 12.25, 1e-3) or "a/b", read exactly.
 * Numbers go through their shortest decimal string, which is what the author wrote.
 */
export function parseRational(x: number | string): Rational {
  if (typeof x === 'string') {
    const m = /^(-?\d+)\/(\d+)$/.exec(x);
    if (!m?.[1] || !m[2]) throw new RangeError(`not a fraction "a/b": ${x}`);
    return rat(BigInt(m[1]), BigInt(m[2]));
  }
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const [mantissa = '0', exp = '0'] = String(x).toLowerCase().split('e');
  const [int = '0', frac = ''] = mantissa.split('.');
  const e = Number(exp) - frac.length;
  const digits = BigInt(int + frac);
  return e >= 0 ? rat(digits * 10n ** BigInt(e)) : rat(digits, 10n ** BigInt(-e));
}

/** Rounded to `decimals` places, half away from zero, once; as a JS number for display. */
export function roundTo(a: Rational, decimals: number): number {
  const scale = 10n ** BigInt(decimals);
  const num = a.n * scale;
  const neg = num < 0n;
  const abs = neg ? -num : num;
  let q = abs / a.d;
  if ((abs % a.d) * 2n >= a.d) q += 1n;
  const signed = neg ? -q : q;
  return Number(signed) / Number(scale);
}

/** Unrounded, for comparisons in tests and benches only. */
export const toNumber = (a: Rational): number => Number(a.n) / Number(a.d);
