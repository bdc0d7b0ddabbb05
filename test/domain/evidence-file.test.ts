import { describe, expect, it } from 'vitest';
import { sniffEvidenceType } from '../../src/domain/evidence-file';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? Array.from(p, (c) => c.charCodeAt(0)) : p)));

describe('sniffEvidenceType', () => {
  it('knows JPEG, PNG, WebP and PDF by their first bytes', () => {
    expect(sniffEvidenceType(bytes([0xff, 0xd8, 0xff, 0xe1], 'Exif'))).toBe('image/jpeg');
    expect(sniffEvidenceType(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe('image/png');
    expect(sniffEvidenceType(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))).toBe('image/webp');
    expect(sniffEvidenceType(bytes('%PDF-1.7\n'))).toBe('application/pdf');
  });

  it('refuses anything else, whatever it claims to be', () => {
    expect(sniffEvidenceType(bytes('<html><body>'))).toBeNull();
    expect(sniffEvidenceType(bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt '))).toBeNull();
    expect(sniffEvidenceType(bytes('GIF89a'))).toBeNull();
    expect(sniffEvidenceType(bytes([0xff, 0xd8]))).toBeNull();
    expect(sniffEvidenceType(bytes(' %PDF-1.4'))).toBeNull();
    expect(sniffEvidenceType(new Uint8Array())).toBeNull();
  });
});
