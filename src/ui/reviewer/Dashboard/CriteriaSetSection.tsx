import { formatNumber, useLanguage, useT } from '../../../i18n';
import { summaryGroupRows, setAnchor, setLevelShares } from '../criteria-summary';
import type { CriteriaSetSummary } from '../types';
import { LevelCountTable } from './Tables';
import { VerifiedAverages } from './VerifiedAverages';

const points = (n: number | null, lang: string) => (n === null ? '–' : formatNumber(n, { maximumFractionDigits: 1 }, lang));

/**
 * One point-based criteria set of the province: its communes, average total, average points per
 * group and communes per level, computed by the server over the communes under this very set and
 * version only. Tables, no chart: the numbers are what a reviewer compares.
 */
export function CriteriaSetSection({ set }: { set: CriteriaSetSummary }) {
  const t = useT('reviewer');
  const lang = useLanguage();
  const id = setAnchor(set);
  const title = lang === 'vi' ? set.title.vi : set.title.en;
  const notice = set.notice && (lang === 'vi' ? set.notice.vi : set.notice.en);
  const levels = setLevelShares(set);
  return (
    <section class="rv-dash__criteria" aria-labelledby={id}>
      <h2 id={id}>
        {t('criteria.title', { name: title, version: set.setVersion })}
        {set.template && (
          <>
            {' '}
            <span class="rv-template">{t('criteria.template')}</span>
          </>
        )}
      </h2>
      {notice && <p class="muted">{notice}</p>}
      <div class="rv-dash__tiles">
        <p class="rv-dash__tile card">
          <span class="rv-dash__big">{set.communes}</span> <span>{t('criteria.communesUnder')}</span>
        </p>
        <p class="rv-dash__tile card">
          <span class="rv-dash__big">{points(set.averageTotal, lang)}</span>{' '}
          <span>{t('criteria.averageTotal', { max: points(set.max, lang) })}</span>
        </p>
      </div>
      <div class="rv-dash__grid">
        <div class="rv-table-wrap">
          <table class="rv-table">
            <caption>{t('criteria.groupsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('criteria.group')}</th>
                <th scope="col" class="rv-num">
                  {t('criteria.averagePoints')}
                </th>
              </tr>
            </thead>
            <tbody>
              {summaryGroupRows(set, lang).map((g) => (
                <tr key={g.id}>
                  <th scope="row">{`${'– '.repeat(g.depth)}${g.name}`}</th>
                  <td class="rv-num">{t('criteria.pointsOf', { points: points(g.average, lang), max: points(g.max, lang) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <LevelCountTable
          caption={t('criteria.levelsCaption')}
          rows={set.levels.map((l, i) => ({
            key: l.level,
            label: t('criteria.levelFrom', { level: l.level, name: lang === 'vi' ? l.vi : l.en, min: points(l.min, lang) }),
            count: l.count,
            share: levels[i]?.share ?? 0,
          }))}
        />
      </div>
      <VerifiedAverages
        verified={set.verified}
        groupName={(gid) => {
          const g = set.groups.find((x) => x.id === gid);
          return g ? (lang === 'vi' ? g.vi : g.en) : gid;
        }}
        totalLabel={t('dashboard.total')}
        caption={t('dashboard.verifiedCaptionSet')}
      />
    </section>
  );
}
