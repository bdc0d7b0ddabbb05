import { formatDateTime, formatNumber, useLanguage, useT } from '../../../i18n';
import { Button } from '../../components/Button';
import type { CriteriaSetMeta } from '../types';
import { DownloadButton } from './DownloadButton';

/** The province's versions, newest first: published ones with when, drafts with who uploaded them. */
export function VersionTable({
  sets,
  onPreview,
  onPublish,
}: {
  sets: readonly CriteriaSetMeta[];
  onPreview: (s: CriteriaSetMeta) => void;
  onPublish: (s: CriteriaSetMeta) => void;
}) {
  const t = useT('reviewer');
  const lang = useLanguage();
  if (sets.length === 0) return <p class="card rv-empty">{t('criteriaSets.noVersions')}</p>;
  return (
    <div class="rv-table-wrap">
      <table class="rv-table rv-cs__versions rv-cs__stack">
        <caption>{t('criteriaSets.versionsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('criteriaSets.colSet')}</th>
            <th scope="col">{t('criteriaSets.colVersion')}</th>
            <th scope="col">{t('criteriaSets.colStatus')}</th>
            <th scope="col">{t('criteriaSets.colWhen')}</th>
            <th scope="col" class="rv-num">
              {t('criteriaSets.colIndicators')}
            </th>
            <th scope="col">{t('criteriaSets.colActions')}</th>
          </tr>
        </thead>
        <tbody>
          {sets.map((s) => {
            const names = { set: s.setId, version: s.version };
            return (
              <tr key={s.id}>
                <th scope="row">
                  {lang === 'en' ? s.title.en : s.title.vi}
                  <span class="rv-code">{s.setId}</span>
                </th>
                <td data-label={t('criteriaSets.colVersion')}>{s.version}</td>
                <td data-label={t('criteriaSets.colStatus')}>
                  <span class={`rv-cs__status rv-cs__status--${s.status}`}>{t(`criteriaSets.${s.status}`)}</span>
                </td>
                <td>
                  {s.publishedAt && (
                    <span class="rv-cs__when">{t('criteriaSets.publishedAt', { at: formatDateTime(s.publishedAt, lang) })}</span>
                  )}
                  <span class="rv-cs__when muted">
                    {t('criteriaSets.uploadedAt', { at: formatDateTime(s.createdAt, lang), by: s.createdBy })}
                  </span>
                </td>
                <td class="rv-num" data-label={t('criteriaSets.colIndicators')}>
                  {formatNumber(s.indicatorCount, {}, lang)}
                </td>
                <td class="rv-cs__actions">
                  <DownloadButton
                    from={s}
                    label={t('criteriaSets.downloadVersion')}
                    aria={t('criteriaSets.downloadVersionOf', names)}
                  />
                  {s.status === 'draft' && (
                    <>
                      <Button aria-label={t('criteriaSets.previewOf', names)} onClick={() => onPreview(s)}>
                        {t('criteriaSets.preview')}
                      </Button>
                      <Button variant="primary" aria-label={t('criteriaSets.publishOf', names)} onClick={() => onPublish(s)}>
                        {t('criteriaSets.publish')}
                      </Button>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
