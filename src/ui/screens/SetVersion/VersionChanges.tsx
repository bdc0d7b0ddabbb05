/**
 * What a newer version changes, from diffCriteriaSets: indicators added, removed (their answers
 * stay on the phone, not counted) and changed (what changed in each: points with both values,
 * rule, input…), then the set-wide changes (levels, gates, total, groups).
 */
import type { CriteriaSetDiff, IndicatorDiff } from '../../../domain/criteria/diff';
import { useLanguage, useT, type TFn } from '../../../i18n';

function changeWords(t: TFn, d: IndicatorDiff): string {
  return d.changes
    .map((c) =>
      c === 'points' ? t('version.change.pointsFromTo', { from: d.from.points, to: d.to.points }) : t(`version.change.${c}`),
    )
    .join('; ');
}

export function VersionChanges({ diff, keptUncounted }: { diff: CriteriaSetDiff; keptUncounted: number }) {
  const t = useT('criteria');
  const lang = useLanguage();
  const label = (x: { vi: string; en: string }) => (lang === 'en' ? x.en : x.vi);
  const { added, removed, changed, groupsChanged: g } = diff;
  const setWide = [
    diff.levelsChanged && t('version.set.levels'),
    diff.setChanges.includes('gates') && t('version.set.gates'),
    diff.setChanges.includes('total') && t('version.set.total'),
    g.added.length + g.removed.length + g.changed.length > 0 && t('version.set.groups'),
  ].filter((x): x is string => typeof x === 'string');
  return (
    <>
      {added.length > 0 && (
        <section aria-labelledby="ver-added">
          <h2 id="ver-added">{t('version.added', { n: added.length })}</h2>
          <ul>
            {added.map((r) => (
              <li key={r.code}>
                <strong>{r.code}</strong> {label(r.label)} ({t('version.indicatorPoints', { points: r.points })})
              </li>
            ))}
          </ul>
        </section>
      )}
      {removed.length > 0 && (
        <section aria-labelledby="ver-removed">
          <h2 id="ver-removed">{t('version.removed', { n: removed.length })}</h2>
          <ul>
            {removed.map((r) => (
              <li key={r.code}>
                <strong>{r.code}</strong> {label(r.label)}
              </li>
            ))}
          </ul>
          {keptUncounted > 0 && <p>{t('version.removedKept', { n: keptUncounted })}</p>}
        </section>
      )}
      {changed.length > 0 && (
        <section aria-labelledby="ver-changed">
          <h2 id="ver-changed">{t('version.changed', { n: changed.length })}</h2>
          <ul>
            {changed.map((d) => (
              <li key={d.code}>
                <strong>{d.code}</strong> {label(d.label)}
                <br />
                {t('version.changesLine', { list: changeWords(t, d) })}
              </li>
            ))}
          </ul>
        </section>
      )}
      {setWide.length > 0 && (
        <ul aria-label={t('version.setWide')}>
          {setWide.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {added.length + removed.length + changed.length + setWide.length === 0 && <p>{t('version.noChanges')}</p>}
    </>
  );
}
