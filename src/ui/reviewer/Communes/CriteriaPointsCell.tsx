import { formatNumber, useLanguage, useT } from '../../../i18n';
import { communePoints } from '../criteria-summary';
import type { CommuneRow } from '../types';

/** The commune's points under a point-based criteria set, with the set (id@version) and its level; '–' otherwise. */
export function CriteriaPointsCell({ row }: { row: CommuneRow }) {
  const t = useT('reviewer');
  const lang = useLanguage();
  const c = communePoints(row);
  if (!c) return <td class="rv-num">–</td>;
  const n = (v: number) => formatNumber(v, { maximumFractionDigits: 1 }, lang);
  return (
    <td class="rv-num">
      {t('criteria.pointsOf', { points: n(c.total), max: n(c.max) })}
      {c.template && (
        <>
          {' '}
          <span class="rv-template">{t('criteria.template')}</span>
        </>
      )}
      <span class="rv-code">
        {`${c.setId}@${c.setVersion}`} · {t('criteria.level', { level: c.level })}
      </span>
    </td>
  );
}
