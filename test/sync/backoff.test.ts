import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, backoffCeiling, backoffDelay } from '../../src/sync/backoff';

describe('backoff', () => {
  it('the delay is always within [0, cap] and within the ceiling of its attempt (full jitter)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempts, r) => {
          const delay = backoffDelay(attempts, () => r);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThanOrEqual(BACKOFF_CAP_MS);
          expect(delay).toBeLessThanOrEqual(backoffCeiling(attempts));
          expect(Number.isInteger(delay)).toBe(true);
        },
      ),
    );
  });

  it('stays in bounds even with a broken random source', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.double(), (attempts, r) => {
        const delay = backoffDelay(attempts, () => r);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(backoffCeiling(attempts));
      }),
    );
  });

  it('the ceiling doubles from 2 s and is capped at 30 min', () => {
    expect(backoffCeiling(1)).toBe(BACKOFF_BASE_MS);
    expect(backoffCeiling(2)).toBe(2 * BACKOFF_BASE_MS);
    expect(backoffCeiling(5)).toBe(16 * BACKOFF_BASE_MS);
    expect(backoffCeiling(11)).toBe(BACKOFF_CAP_MS);
    expect(backoffCeiling(1_000_000)).toBe(BACKOFF_CAP_MS);
    fc.assert(fc.property(fc.integer({ min: 1, max: 500 }), (n) => backoffCeiling(n + 1) >= backoffCeiling(n)));
  });
});
