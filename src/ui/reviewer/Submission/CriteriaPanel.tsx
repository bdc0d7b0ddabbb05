import { useEffect, useState } from 'preact/hooks';
import type { CriteriaScore, CriteriaSet } from '../../../domain/criteria';
import { loadCriteriaSet } from '../../../data/load';
import { formatNumber, useLanguage, useT } from '../../../i18n';
import { criteriaGroupRows } from '../criteria-points';

const points = (n: number | null, lang: string) => (n === null ? '–' : formatNumber(n, { maximumFractionDigits: 1 }, lang));

/** Points per group under the submission's criteria set, as the server scored them with that exact set and version. */
export function CriteriaPanel({ criteria }: { criteria: CriteriaScore }) {
  const t = useT('reviewer');
  const lang = useLanguage();
  const [set, setSet] = useState<CriteriaSet | undefined>();
  useEffect(() => {
    let live = true;
    // Names only: without the chunk (an unknown set, offline) the codes are shown instead.
    loadCriteriaSet(criteria.setId, criteria.setVersion).then(
      (s) => live && setSet(s),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [criteria.setId, criteria.setVersion]);
  const title = set ? (lang === 'vi' ? set.title.vi : set.title.en) : criteria.setId;
  const notice = set?.notice && (lang === 'vi' ? set.notice.vi : set.notice.en);
  return (
    <section class="rv-sub__criteria" aria-labelledby="rv-criteria-title">
      <h2 id="rv-criteria-title">{t('criteria.title', { name: title, version: criteria.setVersion })}</h2>
      {notice && <p class="muted">{notice}</p>}
      <p>
        <span class="rv-sub__big">{points(criteria.total, lang)}</span>
        <span class="muted">{t('criteria.outOf', { max: points(criteria.max, lang) })}</span>
        <span class="rv-sub__label">{t('criteria.level', { level: criteria.level })}</span>
      </p>
      <div class="rv-table-wrap">
        <table class="rv-table">
          <caption>{t('criteria.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('criteria.group')}</th>
              <th scope="col" class="rv-num">
                {t('criteria.points')}
              </th>
              <th scope="col" class="rv-num">
                {t('score.answered')}
              </th>
            </tr>
          </thead>
          <tbody>
            {criteriaGroupRows(criteria, set, lang).map((r) => (
              <tr key={r.id}>
                <th scope="row">{`${'– '.repeat(r.depth)}${r.name}`}</th>
                <td class="rv-num">{t('criteria.pointsOf', { points: points(r.points, lang), max: points(r.max, lang) })}</td>
                <td class="rv-num">{t('score.answeredOf', { answered: r.answered, total: r.counted })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
