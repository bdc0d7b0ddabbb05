import { useMemo } from 'preact/hooks';
import { AREA_TYPES } from '../../../domain/vocabulary';
import { localeOf, useLanguage, useT } from '../../../i18n';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { navigate } from '../../router';
import { api } from '../api';
import { wrapLabel } from '../../charts/wrap-label';
import { layerSeries, levelCounts, niceMax, submissionRatio, LAYERS, LEVELS } from '../chart-data';
import { CsvButton } from '../CsvButton';
import { pointBasedSets } from '../criteria-summary';
import { formatIndex, formatShare } from '../format';
import { LoadFailed } from '../LoadFailed';
import { reviewPaths } from '../routes';
import { useLoad } from '../use-load';
import { layerName, levelName, scoreGroupName, useReference } from '../use-reference';
import { BarChart } from './BarChart';
import { CoverageTable } from './CoverageTable';
import { CriteriaSetSection } from './CriteriaSetSection';
import { LayerTable, LevelTable } from './Tables';
import { VerifiedAverages } from './VerifiedAverages';
import './style.css';

const PROVINCE_COLOR = '#0b5d4b';
const NATIONAL_COLOR = '#a15c00';

/** #/review/dashboard — the province at a glance, by area type, with tables beside every chart. */
export function Dashboard({ province, areaType, admin }: { province: string; areaType?: string; admin: boolean }) {
  const t = useT('reviewer');
  const lang = useLanguage();
  const ref = useReference();
  const area = AREA_TYPES.find((a) => a === areaType);
  const [state, reload] = useLoad((signal) => api.summary(province, area, signal), [province, area]);
  const s = state.data;

  const levelInput = useMemo(() => {
    const counts = levelCounts(s?.levels ?? []);
    return {
      labels: LEVELS.map((l) => [String(l), levelName(ref, l)]),
      series: [{ label: t('dashboard.communes'), values: counts, color: PROVINCE_COLOR }],
      max: niceMax(counts),
      integer: true,
      locale: localeOf(lang),
    };
  }, [s, ref, lang]);
  const layerInput = useMemo(() => {
    const series = layerSeries(s?.layers ?? []);
    return {
      labels: LAYERS.map((l) => wrapLabel(t('score.layer', { n: l, name: layerName(ref, l) }), 18)),
      series: [
        { label: t('dashboard.province'), values: series.province, color: PROVINCE_COLOR },
        { label: t('dashboard.national'), values: series.national, color: NATIONAL_COLOR },
      ],
      max: 100,
      locale: localeOf(lang),
    };
  }, [s, ref, lang]);

  const setArea = (value: string) =>
    navigate(reviewPaths.dashboard(admin ? province : undefined, value || undefined), { replace: true });
  const title = s ? t('dashboard.titleOf', { province: s.provinceName }) : t('dashboard.title');

  return (
    <Page title={title} class="rv-page rv-dash">
      <div class="rv-dash__tools">
        <div class="rv-field">
          <label for="rv-area">{t('dashboard.areaType')}</label>
          <select id="rv-area" value={area ?? ''} onChange={(e) => setArea(e.currentTarget.value)}>
            <option value="">{t('dashboard.allAreas')}</option>
            {AREA_TYPES.map((a) => (
              <option key={a} value={a}>
                {t(`common:areaType.${a}`)}
              </option>
            ))}
          </select>
        </div>
        <CsvButton kind="communes" province={province} />
        <CsvButton kind="wide" province={province} />
        <CsvButton kind="coverage" province={province} areaType={area} />
      </div>
      {state.status === 'error' && <LoadFailed error={state.error} onRetry={reload} />}
      {!s && state.status === 'loading' && <Loading label={t('common:loading')} />}
      {s && (
        <>
          <div class="rv-dash__tiles">
            <p class="rv-dash__tile card">
              <span class="rv-dash__big">
                {s.communes.submitted}/{s.communes.total}
              </span>{' '}
              <span>{t('dashboard.submitted', { share: formatShare(submissionRatio(s.communes), lang) })}</span>
            </p>
            <p class="rv-dash__tile card">
              <span class="rv-dash__big">{formatIndex(s.averageIndex, lang)}</span>{' '}
              <span>{t('dashboard.averageIndex', { national: formatIndex(s.nationalAverageIndex, lang) })}</span>
            </p>
          </div>
          {s.communes.submitted === 0 && <p>{t('dashboard.noneSubmitted')}</p>}
          <div class="rv-dash__grid">
            <section aria-labelledby="rv-levels-title">
              <h2 id="rv-levels-title">{t('dashboard.levels')}</h2>
              <BarChart input={levelInput} label={t('dashboard.levelsChart')} />
              <LevelTable levels={s.levels} reference={ref} />
            </section>
            <section aria-labelledby="rv-layers-title">
              <h2 id="rv-layers-title">{t('dashboard.layers')}</h2>
              <BarChart input={layerInput} label={t('dashboard.layersChart')} />
              <LayerTable summary={s} reference={ref} />
            </section>
          </div>
          <section aria-labelledby="rv-verified-title">
            <h2 id="rv-verified-title">{t('dashboard.verifiedTitle')}</h2>
            <VerifiedAverages
              verified={s.verified}
              groupName={(id) => scoreGroupName(ref, id)}
              totalLabel={t('dashboard.index')}
              caption={t('dashboard.verifiedCaption')}
            />
          </section>
          {pointBasedSets(s.criteriaSets).map((set) => (
            <CriteriaSetSection key={`${set.setId}@${set.setVersion}`} set={set} />
          ))}
          <CoverageTable rows={s.coverage} reference={ref} areaType={area} />
        </>
      )}
    </Page>
  );
}
