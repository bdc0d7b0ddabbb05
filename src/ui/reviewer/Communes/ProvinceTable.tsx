import { formatNumber, useLanguage, useT } from '../../../i18n';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { api } from '../api';
import { submissionRatio } from '../chart-data';
import { formatIndex, formatShare } from '../format';
import { LoadFailed } from '../LoadFailed';
import { reviewPaths } from '../routes';
import { useLoad } from '../use-load';

/** #/review for an admin: every province side by side, each leading to its communes and dashboard. */
export function ProvinceTable() {
  const t = useT('reviewer');
  const lang = useLanguage();
  const [state, reload] = useLoad((signal) => api.provinces(signal), []);
  const data = state.data;
  return (
    <Page title={t('provinces.title')} class="rv-page">
      {state.status === 'error' && <LoadFailed error={state.error} onRetry={reload} />}
      {!data && state.status === 'loading' && <Loading label={t('common:loading')} />}
      {data && (
        <>
          <p>
            {t('provinces.national', {
              submitted: formatNumber(data.national.communes.submitted, {}, lang),
              total: formatNumber(data.national.communes.total, {}, lang),
              index: formatIndex(data.national.averageIndex, lang),
            })}
          </p>
          <div class="rv-table-wrap" tabIndex={0} role="region" aria-labelledby="rv-provinces-caption">
            <table class="rv-table">
              <caption id="rv-provinces-caption">{t('provinces.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('provinces.province')}</th>
                  <th scope="col" class="rv-num">
                    {t('provinces.communes')}
                  </th>
                  <th scope="col" class="rv-num">
                    {t('provinces.submitted')}
                  </th>
                  <th scope="col" class="rv-num">
                    {t('provinces.share')}
                  </th>
                  <th scope="col" class="rv-num">
                    {t('provinces.averageIndex')}
                  </th>
                  {[1, 2, 3, 4].map((l) => (
                    <th key={l} scope="col" class="rv-num">
                      {t('provinces.layer', { n: l })}
                    </th>
                  ))}
                  <th scope="col">{t('provinces.dashboard')}</th>
                </tr>
              </thead>
              <tbody>
                {data.provinces.map((p) => (
                  <tr key={p.code}>
                    <th scope="row">
                      <a href={`#${reviewPaths.communes(p.code)}`}>{p.name}</a>
                    </th>
                    <td class="rv-num">{p.communes.total}</td>
                    <td class="rv-num">{p.communes.submitted}</td>
                    <td class="rv-num">{formatShare(submissionRatio(p.communes), lang)}</td>
                    <td class="rv-num">{formatIndex(p.averageIndex, lang)}</td>
                    {[1, 2, 3, 4].map((l) => (
                      <td key={l} class="rv-num">
                        {formatIndex(p.layers.find((x) => x.layer === l)?.score, lang)}
                      </td>
                    ))}
                    <td>
                      <a href={`#${reviewPaths.dashboard(p.code)}`} aria-label={t('provinces.dashboardOf', { province: p.name })}>
                        {t('provinces.dashboard')}
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Page>
  );
}
