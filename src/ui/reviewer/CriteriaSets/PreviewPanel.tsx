import { useState } from 'preact/hooks';
import type { CriteriaSet } from '../../../domain/criteria';
import { formatNumber, useLanguage, useT } from '../../../i18n';
import { Button } from '../../components/Button';
import { Loading } from '../../components/Loading';
import { criteriaApi } from '../criteria-sets-api';
import { previewRows } from '../criteria-sets-view';
import { LoadFailed } from '../LoadFailed';
import type { CommuneRow, CriteriaSetMeta } from '../types';
import { useLoad } from '../use-load';
import { SurveyQuestions } from './SurveyQuestions';

const NONE = Promise.resolve(undefined);

/** A draft scored on a commune that has submitted, per group and in total, beside its current score. */
export function PreviewPanel({
  meta,
  set,
  communes,
  onPublish,
}: {
  meta: CriteriaSetMeta;
  set: CriteriaSet;
  communes: readonly CommuneRow[];
  onPublish: () => void;
}) {
  const t = useT('reviewer');
  const lang = useLanguage();
  const submitted = communes.filter((c) => c.submitted);
  const [commune, setCommune] = useState(submitted[0]?.code ?? '');
  const [state, reload] = useLoad(
    (signal) => (commune ? criteriaApi.preview(meta.id, commune, signal) : NONE),
    [meta.id, commune],
  );
  const names = { set: meta.setId, version: meta.version };
  const num = (n: number) => formatNumber(n, { maximumFractionDigits: set.total.decimals }, lang);
  const points = (p: { score: number | null; max: number } | undefined) =>
    !p
      ? '—'
      : p.score === null
        ? t('criteriaSets.notCounted')
        : t('criteriaSets.points', { points: num(p.score), max: num(p.max) });
  const preview = state.status === 'ready' ? state.data : undefined;
  const current = preview?.current;
  const cols = {
    group: t('criteriaSets.colGroup'),
    draft: t('criteriaSets.colDraft'),
    current: preview?.currentSet ? t('criteriaSets.colCurrent', { set: preview.currentSet }) : t('criteriaSets.colCurrentNone'),
  };
  const communeName = communes.find((c) => c.code === preview?.communeCode)?.name ?? preview?.communeCode ?? '';

  return (
    <section class="card stack rv-cs__preview" aria-labelledby="rv-cs-preview-title">
      <h2 id="rv-cs-preview-title">{t('criteriaSets.previewTitle', names)}</h2>
      <p class="muted">{t('criteriaSets.previewHint')}</p>
      {submitted.length === 0 ? (
        <p>{t('criteriaSets.noSubmission')}</p>
      ) : (
        <div class="rv-field">
          <label for="rv-cs-commune">{t('criteriaSets.commune')}</label>
          <select id="rv-cs-commune" value={commune} onChange={(e) => setCommune(e.currentTarget.value)}>
            {submitted.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {state.status === 'error' && <LoadFailed error={state.error} onRetry={reload} />}
      {state.status === 'loading' && commune && <Loading label={t('common:loading')} />}
      {preview && (
        <>
          {!current && <p class="muted">{t('criteriaSets.noCurrent')}</p>}
          <div class="rv-table-wrap">
            <table class="rv-table rv-cs__scores rv-cs__stack">
              <caption>{t('criteriaSets.previewCaption', { commune: communeName, revision: preview.revision })}</caption>
              <thead>
                <tr>
                  <th scope="col">{cols.group}</th>
                  <th scope="col" class="rv-num">
                    {cols.draft}
                  </th>
                  <th scope="col" class="rv-num">
                    {preview.currentSet
                      ? t('criteriaSets.colCurrent', { set: preview.currentSet })
                      : t('criteriaSets.colCurrentNone')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {previewRows(set, preview.draft, current, lang).map((r) => (
                  <tr key={r.id}>
                    <th scope="row" class={`rv-cs__depth-${Math.min(r.depth, 3)}`} data-label={cols.group}>
                      {r.label}
                    </th>
                    <td class="rv-num" data-label={cols.draft}>
                      {points(r.draft)}
                    </td>
                    <td class="rv-num" data-label={cols.current}>
                      {points(r.current)}
                    </td>
                  </tr>
                ))}
                <tr class="rv-cs__total">
                  <th scope="row">{t('criteriaSets.total')}</th>
                  <td class="rv-num" data-label={cols.draft}>
                    {points({ score: preview.draft.total, max: preview.draft.max })}
                  </td>
                  <td class="rv-num" data-label={cols.current}>
                    {points(current && { score: current.total, max: current.max })}
                  </td>
                </tr>
                <tr>
                  <th scope="row">{t('criteriaSets.level')}</th>
                  <td class="rv-num" data-label={cols.draft}>
                    {t('criteriaSets.levelValue', { level: preview.draft.level })}
                  </td>
                  <td class="rv-num" data-label={cols.current}>
                    {current ? t('criteriaSets.levelValue', { level: current.level }) : '—'}
                  </td>
                </tr>
              </tbody>
            </table>
          </div>
        </>
      )}
      {set.survey && <SurveyQuestions survey={set.survey} published={meta.status === 'published'} />}
      {meta.status === 'draft' && (
        <Button variant="primary" onClick={onPublish}>
          {t('criteriaSets.publishOf', names)}
        </Button>
      )}
    </section>
  );
}
