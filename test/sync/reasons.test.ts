import { describe, expect, it } from 'vitest';
import vi from '../../locales/vi/sync.json';
import { blockLines, reasonText } from '../../src/ui/sync/SubmitPanel/reasons';

// A tiny stand-in for i18next over the Vietnamese file: enough to check which key is used.
const t = (key: string, opts: Record<string, unknown> = {}) => {
  const path = 'count' in opts && key.startsWith('block.incomplete') ? `${key}_other` : key;
  let node: unknown = vi;
  for (const part of path.split('.')) node = (node as Record<string, unknown>)[part];
  return String(node).replace(/{{(\w+)}}/g, (_, name: string) => String(opts[name]));
};

describe('submit panel wording', () => {
  // Issue #10 item 6 changed this: a server's raw English words are no longer shown as the reason.
  it('translates the local reasons, and a server message the phone has no code for, into its own words', () => {
    expect(reasonText(t, 'unauthorized')).toContain('kết nối lại với tỉnh');
    expect(reasonText(t, 'Failed to fetch')).toBe(vi.reason.network);
    expect(reasonText(t, 'The submission is not valid (HTS3: required-unanswered)')).toBe(vi.serverError.unknown);
    expect(reasonText(t, undefined)).toBe('');
  });

  it('gives one line per reason the button is disabled', () => {
    const lines = blockLines(
      t,
      {
        ok: false,
        blocks: ['incomplete', 'commune-mismatch'],
        missing: 3,
        problems: [{ code: 'HTS9', problem: 'na-reason-required' }],
      },
      'Phường Ba Đình',
    );
    expect(lines).toEqual([
      'Còn 3 thành phần thiết yếu chưa trả lời.',
      vi.block.invalid,
      'Điện thoại này đã kết nối với Phường Ba Đình, không phải xã của bản đánh giá này.',
    ]);
  });

  it('counts required indicators, not essential components, for an assessment under a criteria set', () => {
    const check = { ok: false, blocks: ['incomplete' as const], missing: 2, problems: [] };
    expect(blockLines(t, check, undefined, true)).toEqual(['Còn 2 chỉ tiêu bắt buộc chưa trả lời.']);
  });
});
