import type { CriteriaSet, CriteriaSetDiff, IndicatorDiff, IndicatorRef } from '../../../domain/criteria';
import { isEmptyDiff } from '../../../domain/criteria/diff';
import { useLanguage, useT } from '../../../i18n';
import { ruleText } from '../criteria-sets-view';

type T = ReturnType<typeof useT>;

/** One line per change of an indicator, saying how where a short answer exists (20 → 25). */
function changeLines(c: IndicatorDiff, sets: { from: CriteriaSet; to: CriteriaSet }, lang: string, t: T): string[] {
  const groupName = (s: CriteriaSet, id: string) => {
    const g = s.groups.find((x) => x.id === id);
    return g ? `${g.id} ${lang === 'en' ? g.en : g.vi}` : id;
  };
  const yes = (b: boolean) => t(b ? 'criteriaSets.yes' : 'criteriaSets.no');
  const areas = (a: readonly string[] | undefined) =>
    a ? a.map((x) => t(`common:areaType.${x}`)).join(', ') : t('criteriaSets.everyCommune');
  return c.changes.map((kind) => {
    const key = `criteriaSets.change.${kind}`;
    switch (kind) {
      case 'group':
        return t(key, { from: groupName(sets.from, c.from.group), to: groupName(sets.to, c.to.group) });
      case 'points':
        return t(key, { from: c.from.points, to: c.to.points });
      case 'rule':
        return t(key, { from: ruleText(c.from, lang), to: ruleText(c.to, lang) });
      case 'required':
        return t(key, { from: yes(c.from.required), to: yes(c.to.required) });
      case 'applicability':
        return t(key, { from: areas(c.from.areaTypes), to: areas(c.to.areaTypes) });
      default:
        return t(key);
    }
  });
}

function RefTable({ caption, rows, lang, t }: { caption: string; rows: readonly IndicatorRef[]; lang: string; t: T }) {
  if (rows.length === 0) return null;
  return (
    <div class="rv-table-wrap">
      <table class="rv-table rv-cs__stack">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('criteriaSets.colCode')}</th>
            <th scope="col">{t('criteriaSets.colIndicator')}</th>
            <th scope="col">{t('criteriaSets.colGroup')}</th>
            <th scope="col" class="rv-num">
              {t('criteriaSets.colPoints')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code}>
              <th scope="row" data-label={t('criteriaSets.colCode')}>
                {r.code}
              </th>
              <td data-label={t('criteriaSets.colIndicator')}>{lang === 'en' ? r.label.en : r.label.vi}</td>
              <td data-label={t('criteriaSets.colGroup')}>{r.group}</td>
              <td data-label={t('criteriaSets.colPoints')} class="rv-num">
                {r.points}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The diff the phone shows too (src/domain/criteria/diff.ts), as the reviewer reads it. */
export function DiffView({ diff, from, to }: { diff: CriteriaSetDiff; from: CriteriaSet; to: CriteriaSet }) {
  const t = useT('reviewer');
  const lang = useLanguage();
  if (isEmptyDiff(diff)) return <p>{t('criteriaSets.noDiff')}</p>;
  const g = diff.groupsChanged;
  const label = (x: { id: string; label: { vi: string; en: string } }) => `${x.id} ${lang === 'en' ? x.label.en : x.label.vi}`;
  return (
    <div class="stack rv-cs__diff">
      <p>
        {t('criteriaSets.diffSummary', { added: diff.added.length, removed: diff.removed.length, changed: diff.changed.length })}
      </p>
      {diff.changed.length > 0 && (
        <div class="rv-table-wrap">
          <table class="rv-table rv-cs__stack">
            <caption>{t('criteriaSets.changedCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('criteriaSets.colCode')}</th>
                <th scope="col">{t('criteriaSets.colIndicator')}</th>
                <th scope="col">{t('criteriaSets.colChanges')}</th>
              </tr>
            </thead>
            <tbody>
              {diff.changed.map((c) => (
                <tr key={c.code}>
                  <th scope="row" data-label={t('criteriaSets.colCode')}>
                    {c.code}
                  </th>
                  <td data-label={t('criteriaSets.colIndicator')}>{lang === 'en' ? c.label.en : c.label.vi}</td>
                  <td data-label={t('criteriaSets.colChanges')}>
                    <ul class="rv-cs__changes">
                      {changeLines(c, { from, to }, lang, t).map((line) => (
                        <li key={line}>{line}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <RefTable caption={t('criteriaSets.addedCaption')} rows={diff.added} lang={lang} t={t} />
      <RefTable caption={t('criteriaSets.removedCaption')} rows={diff.removed} lang={lang} t={t} />
      {g.added.length > 0 && <p>{t('criteriaSets.groupsAdded', { list: g.added.map(label).join('; ') })}</p>}
      {g.removed.length > 0 && <p>{t('criteriaSets.groupsRemoved', { list: g.removed.map(label).join('; ') })}</p>}
      {g.changed.length > 0 && <p>{t('criteriaSets.groupsChanged', { list: g.changed.map(label).join('; ') })}</p>}
      {diff.setChanges.length > 0 && (
        <p>{t('criteriaSets.setChanged', { list: diff.setChanges.map((k) => t(`criteriaSets.setChange.${k}`)).join(', ') })}</p>
      )}
    </div>
  );
}
