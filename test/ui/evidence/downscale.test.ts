import { describe, expect, it } from 'vitest';
import { encodeWithin, fitWithin, MAX_SIDE, QUALITIES, SMALLER_SIDE, TARGET_BYTES } from '../../../src/ui/evidence/downscale';
import { formatBytes, isLowOnSpace, LOW_SPACE_BYTES } from '../../../src/ui/evidence/storage-use';

describe('fitWithin', () => {
  it('brings the longest side of a 12-MP photo to 1600 px, either way round, keeping the ratio', () => {
    expect(fitWithin(4000, 3000, MAX_SIDE)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3000, 4000, MAX_SIDE)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin(4032, 1816, MAX_SIDE)).toEqual({ width: 1600, height: 721 });
  });

  it('never enlarges a small photo', () => {
    expect(fitWithin(800, 600, MAX_SIDE)).toEqual({ width: 800, height: 600 });
    expect(fitWithin(1, 1, MAX_SIDE)).toEqual({ width: 1, height: 1 });
  });
});

/** An encoder whose output shrinks with side and quality, as JPEG's does. */
const fakeEncoder = (bytesAt: (side: number, q: number) => number, calls: [number, number][] = []) => {
  return {
    calls,
    encode: (side: number, q: number) => {
      calls.push([side, q]);
      return Promise.resolve(new Blob([new Uint8Array(Math.round(bytesAt(side, q)))]));
    },
  };
};

describe('encodeWithin', () => {
  it('stops at the first quality that fits the 300 KB target', async () => {
    const enc = fakeEncoder((side, q) => side * side * q * 0.2);
    const { blob, side } = await encodeWithin(enc.encode);
    expect(side).toBe(MAX_SIDE);
    expect(blob.size).toBeLessThanOrEqual(TARGET_BYTES);
    // 1600² × 0.2 × q ≤ 307,200 → q ≤ 0.6: the two qualities above are tried and refused first.
    expect(enc.calls).toEqual([
      [MAX_SIDE, QUALITIES[0]],
      [MAX_SIDE, QUALITIES[1]],
      [MAX_SIDE, QUALITIES[2]],
    ]);
  });

  it('goes down to 1280 px when no quality at 1600 px fits', async () => {
    const enc = fakeEncoder((side, q) => side * side * q * 0.3);
    const { blob, side } = await encodeWithin(enc.encode);
    expect(side).toBe(SMALLER_SIDE);
    expect(blob.size).toBeLessThanOrEqual(TARGET_BYTES);
  });

  it('keeps the smallest encoding made when nothing fits (a photo is never refused for it)', async () => {
    const enc = fakeEncoder((side, q) => 1_000_000 + side * q);
    const { blob, side } = await encodeWithin(enc.encode);
    expect(enc.calls).toHaveLength(QUALITIES.length * 2);
    expect(side).toBe(SMALLER_SIDE);
    expect(blob.size).toBe(Math.round(1_000_000 + SMALLER_SIDE * QUALITIES[QUALITIES.length - 1]!));
  });
});

describe('storage warnings', () => {
  it('warns below 50 MB free, or below 5 % of a large quota', () => {
    const gb = 1024 ** 3;
    expect(isLowOnSpace({ usage: 2 * gb - LOW_SPACE_BYTES + 1, quota: 2 * gb })).toBe(true);
    expect(isLowOnSpace({ usage: 1 * gb, quota: 2 * gb })).toBe(false);
    expect(isLowOnSpace({ usage: 96 * gb, quota: 100 * gb })).toBe(true);
    expect(isLowOnSpace({ usage: 90 * gb, quota: 100 * gb })).toBe(false);
    expect(isLowOnSpace(null)).toBe(false);
  });

  it('sizes read as people say them', () => {
    const f = (n: number, digits: number) => n.toFixed(digits);
    expect(formatBytes(300 * 1024, f)).toBe('300 KB');
    expect(formatBytes(20 * 1024 * 1024, f)).toBe('20.0 MB');
    expect(formatBytes(10, f)).toBe('1 KB');
  });
});
