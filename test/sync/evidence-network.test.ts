import { describe, expect, it } from 'vitest';
import { connectionKind, evidenceMaySend } from '../../src/sync/evidence-network';

describe('evidence over Wi-Fi only', () => {
  it('the setting off (the default): evidence goes on any connection', () => {
    for (const type of ['cellular', 'wifi', 'none', undefined]) expect(evidenceMaySend(false, { type })).toBe(true);
    expect(evidenceMaySend(false, undefined)).toBe(true);
  });

  it('the setting on: held on mobile data, sent on Wi-Fi or Ethernet', () => {
    expect(evidenceMaySend(true, { type: 'cellular' })).toBe(false);
    expect(evidenceMaySend(true, { type: 'bluetooth' })).toBe(false);
    expect(evidenceMaySend(true, { type: 'wifi' })).toBe(true);
    expect(evidenceMaySend(true, { type: 'ethernet' })).toBe(true);
  });

  it('the setting on but the browser cannot tell: sent (held for ever would be worse)', () => {
    expect(evidenceMaySend(true, undefined)).toBe(true);
    expect(evidenceMaySend(true, {})).toBe(true);
    expect(evidenceMaySend(true, { type: 'unknown' })).toBe(true);
    expect(evidenceMaySend(true, { type: 'other' })).toBe(true);
    expect(connectionKind({ type: 'unknown' })).toBe('unknown');
  });
});
