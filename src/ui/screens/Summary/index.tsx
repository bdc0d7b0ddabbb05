/**
 * #/a/:id/summary — the result: index, level, gates, completeness, scores by layer and group
 * (table, and a radar chart loaded on demand), the gap list, and a link to the printable report.
 * Under a criteria set: its points per group and level instead (CriteriaSummary).
 */
import { useMemo } from 'preact/hooks';
import { useLanguage, useT } from '../../../i18n';
import { Page } from '../../components/Page';
import { ReviewComments } from '../../sync/ReviewComments';
import { VerifiedResult } from '../../sync/VerifiedResult';
import { SubmitPanel } from '../../sync/SubmitPanel';
import { LoadState } from '../assessment/LoadState';
import { useAssessmentData } from '../assessment/use-assessment-data';
import type { AssessmentData } from '../assessment/use-assessment-data';
import { CriteriaSummary } from './CriteriaSummary';
import { GapsAndActions } from './GapsAndActions';
import { Headline } from './Headline';
import { RadarChart } from './RadarChart';
import { ScoreTable } from './ScoreTable';
import { useResult } from './use-result';
import { useRadar } from './use-radar';
import { gapRows } from './view-model';
import './style.css';

export default function Summary({ id }: { id: string }) {
  const t = useT('summary');
  const loaded = useAssessmentData(id);
  if (loaded.status !== 'ready') return <LoadState loaded={loaded} title={t('title')} />;
  const set = loaded.data.criteriaSet;
  if (set) return <CriteriaSummary data={loaded.data} set={set} />;
  return <SummaryBody data={loaded.data} />;
}

function SummaryBody({ data }: { data: AssessmentData }) {
  const t = useT('summary');
  const lang = useLanguage();
  const { score, gaps } = useResult(data);
  const { assessment: a, methodology: m } = data;
  const { input: radarInput, ariaLabel } = useRadar(score, m, lang);
  const rows = useMemo(() => gapRows(gaps, data.catalogue, data.translation), [gaps, data]);

  return (
    <Page title={t('title')}>
      <p class="summary-where">{t('where', { commune: data.commune?.name ?? a.communeCode, period: a.period })}</p>
      <Headline score={score} gaps={gaps} methodology={m} lang={lang} />
      <ReviewComments assessmentId={a.id} />
      <VerifiedResult assessmentId={a.id} />
      <SubmitPanel assessmentId={a.id} />
      <section aria-labelledby="sum-scores">
        <h2 id="sum-scores">{t('scores.title')}</h2>
        <ScoreTable result={score} catalogue={data.catalogue} methodology={m} translation={data.translation} lang={lang} />
        <RadarChart input={radarInput} ariaLabel={ariaLabel} caption={t('radar.caption')} />
      </section>
      <GapsAndActions
        assessmentId={a.id}
        rows={rows}
        methodology={m}
        lang={lang}
        hint={t('gaps.hint')}
        toChecklist={t('toChecklist')}
      />
    </Page>
  );
}
