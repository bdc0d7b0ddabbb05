import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedT, i18n } from '../../../src/i18n/i18n';
import { communityLines, type CommunityTallyView } from '../../../src/ui/reviewer/community';

const locale = (lang: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, `../../../locales/${lang}/reviewer.json`), 'utf8')) as object;

beforeAll(() => {
  i18n.addResourceBundle('vi', 'reviewer', locale('vi'), true, true);
  i18n.addResourceBundle('en', 'reviewer', locale('en'), true, true);
});

const tally = (over: Partial<CommunityTallyView> = {}): CommunityTallyView => ({
  period: '2026',
  residentsHelped: 1234,
  residentsByKind: { 'public-service': 1234 },
  sessions: 30,
  responses: 20,
  satisfaction: { mean: 4.25, shareSatisfied: 0.85, n: 20 },
  ...over,
});

describe('communityLines (reviewer commune list, issue #15)', () => {
  it('shows residents helped, sessions, responses and satisfaction with its n, in Vietnamese', () => {
    expect(communityLines(tally(), fixedT('reviewer', 'vi'), 'vi')).toEqual([
      'Hỗ trợ 1.234 người dân',
      '30 buổi hỗ trợ',
      '20 phiếu khảo sát',
      'Mức hài lòng bình quân 4,3/5; 85% hài lòng (trên 20 phiếu)',
    ]);
  });

  it('says too few to report when the server withheld satisfaction (under 5 responses)', () => {
    const lines = communityLines(tally({ responses: 4, satisfaction: { tooFew: true } }), fixedT('reviewer', 'vi'), 'vi');
    expect(lines[2]).toBe('4 phiếu khảo sát');
    expect(lines[3]).toBe('Mức hài lòng: quá ít để báo cáo (dưới 5 phiếu)');
  });

  it('rests the satisfaction on its own n, not on all responses', () => {
    const lines = communityLines(
      tally({ responses: 7, satisfaction: { mean: 3, shareSatisfied: 0.5, n: 6 } }),
      fixedT('reviewer', 'en'),
      'en',
    );
    expect(lines).toEqual([
      '1,234 residents helped',
      '30 support sessions',
      '7 survey responses',
      'Mean satisfaction 3.0/5; 50% satisfied (of 6 responses)',
    ]);
  });

  it('is empty when the commune has no team data (the cell shows "—")', () => {
    expect(communityLines(null, fixedT('reviewer', 'vi'), 'vi')).toEqual([]);
    expect(communityLines(undefined, fixedT('reviewer', 'vi'), 'vi')).toEqual([]);
  });
});
