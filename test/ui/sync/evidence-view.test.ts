import { describe, expect, it } from 'vitest';
import { evidenceView, type FileInput } from '../../../src/ui/sync/EvidenceProgress/view';

const file = (sha: string, row: Partial<FileInput['row']> = {}, extra: Partial<FileInput> = {}): FileInput => ({
  row: { sha256: sha, size: 1000, ...row },
  name: `${sha}.jpg`,
  uploading: false,
  ...extra,
});

describe('evidence progress view', () => {
  it('says per file where it stands, and counts files and bytes in total', () => {
    const view = evidenceView(
      [
        file('a', { uploadedAt: '2026-03-01T00:00:00Z', uploadedBytes: 1000 }),
        file('b', { uploadedBytes: 200 }, { uploading: true, live: 600 }),
        file('c', { uploadFailed: true, uploadError: '[unsupported_type] not an image' }),
        file('d', { uploadError: 'timeout', uploadedBytes: 300 }),
        file('e'),
      ],
      'sent',
      false,
    );
    expect(view.files.map((f) => [f.sha256, f.state, f.sent])).toEqual([
      ['a', 'done', 1000],
      ['b', 'sending', 600],
      ['c', 'refused', 0],
      ['d', 'retrying', 300],
      ['e', 'waiting', 0],
    ]);
    expect(view.files[2]?.reason).toBe('[unsupported_type] not an image');
    expect(view).toMatchObject({ done: 1, totalBytes: 5000, sentBytes: 1900 });
  });

  it('files wait for their submission while it is queued, and for Wi-Fi when the officer holds them', () => {
    expect(evidenceView([file('a')], 'queued', false).files[0]?.state).toBe('after-submission');
    expect(evidenceView([file('a')], 'sent', true).files[0]?.state).toBe('wifi');
    // A file already sent stays sent, whatever the connection.
    expect(evidenceView([file('a', { uploadedAt: 'x' })], 'sent', true).files[0]?.state).toBe('done');
  });

  it('never shows more bytes sent than the file has', () => {
    const view = evidenceView([file('a', { uploadedBytes: 5000 }, { live: 9000 })], 'sent', false);
    expect(view.sentBytes).toBe(1000);
  });
});
