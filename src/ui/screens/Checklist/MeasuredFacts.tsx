/**
 * "Số liệu đo được" on NVXHS1, NVXHS3 and ĐLHQ9 (issue #15): what the commune's community digital
 * team logged and surveyed, as the server tallied it and the last sync brought down (kept for
 * offline use, src/sync/community-tally.ts), shown beside the status the officer declares. Facts
 * only: the declared status is the officer's; nothing here changes an answer.
 */
import { getDb } from '../../../db';
import { tallyKey } from '../../../db/team-rows';
import type { CommunityTally } from '../../../domain/community/tally';
import { formatNumber, useT } from '../../../i18n';
import { useLive } from '../../sync/use-live';

/** The components the team's figures speak to. */
export const MEASURED_CODES: ReadonlySet<string> = new Set(['NVXHS1', 'NVXHS3', 'ĐLHQ9']);

async function tallyFor(assessmentId: string): Promise<{ tally: CommunityTally; year: string } | null> {
  const db = getDb();
  const a = await db.assessments.get(assessmentId);
  const year = a ? /^\d{4}/.exec(a.period)?.[0] : undefined;
  if (!a || !year) return null;
  const row = await db.communityTallies.get(tallyKey(a.communeCode, year));
  return row ? { tally: row.tally, year } : null;
}

const VNEID = 'kich-hoat-vneid-muc-2';
const ONLINE = 'dich-vu-cong-truc-tuyen';

export function MeasuredFacts({ assessmentId, code, idBase }: { assessmentId: string; code: string; idBase: string }) {
  const t = useT('assess');
  const found = useLive(() => tallyFor(assessmentId), [assessmentId]);
  if (!found) return null;
  const { tally, year } = found;
  const s = tally.satisfaction;
  const lines: string[] = [];
  if (code === 'NVXHS1') {
    lines.push(t('measured.residents', { count: tally.residentsHelped }));
    lines.push(t('measured.vneid', { count: tally.residentsByKind[VNEID] ?? 0 }));
    lines.push(t('measured.online', { count: tally.residentsByKind[ONLINE] ?? 0 }));
  } else if (code === 'NVXHS3') {
    lines.push(t('measured.sessions', { count: tally.sessions }));
    lines.push(t('measured.residents', { count: tally.residentsHelped }));
  } else {
    lines.push(t('measured.responses', { count: tally.responses }));
    if ('tooFew' in s || s.n === 0 || s.mean === null || s.shareSatisfied === null) lines.push(t('measured.tooFew'));
    else
      lines.push(
        t('measured.satisfaction', {
          mean: formatNumber(s.mean, { maximumFractionDigits: 1, minimumFractionDigits: 1 }),
          share: formatNumber(s.shareSatisfied * 100, { maximumFractionDigits: 0 }),
          n: s.n,
        }),
      );
  }
  return (
    <section class="card-measured" aria-labelledby={`${idBase}-measured`} data-measured={code}>
      <p class="card-measured__label" id={`${idBase}-measured`}>
        {t('measured.title', { year })}
      </p>
      <ul class="card-measured__list">
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
    </section>
  );
}
