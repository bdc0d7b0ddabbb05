/**
 * The summary of an assessment under a criteria set: the total in points, the level (and a gate
 * that caps it), the points per group, from scoreCriteria on every view; sending, as for any
 * assessment; then the prioritised indicators with the points each could still add (criteriaGaps).
 */
import { useMemo } from 'preact/hooks';
import type { CriteriaSet } from '../../../domain/criteria/schema';
import { useLanguage, useT } from '../../../i18n';
import { Page } from '../../components/Page';
import { ReviewComments } from '../../sync/ReviewComments';
import { VerifiedResult } from '../../sync/VerifiedResult';
import { SubmitPanel } from '../../sync/SubmitPanel';
import { CriteriaResult } from '../assessment/CriteriaResult';
import { criteriaGapRows } from '../assessment/criteria-gaps';
import { criteriaScoreOf } from '../assessment/criteria-result';
import type { AssessmentData } from '../assessment/use-assessment-data';
import { GapsAndActions } from './GapsAndActions';

export function CriteriaSummary({ data, set }: { data: AssessmentData; set: CriteriaSet }) {
  const t = useT('summary');
  const tc = useT('criteria');
  const lang = useLanguage();
  const a = data.assessment;
  const score = useMemo(() => criteriaScoreOf(data, set), [data, set]);
  const gaps = useMemo(() => criteriaGapRows(data, set, score, lang), [data, set, score, lang]);
  return (
    <Page title={t('title')}>
      <p class="summary-where">{t('where', { commune: data.commune?.name ?? a.communeCode, period: a.period })}</p>
      <p class="summary-set">
        {tc('checklist.set')} {lang === 'en' ? set.title.en : set.title.vi}
      </p>
      {set.notice && <p class="notice">{lang === 'en' ? set.notice.en : set.notice.vi}</p>}
      <section aria-labelledby="sum-criteria">
        <h2 id="sum-criteria">{tc('result.title')}</h2>
        <CriteriaResult set={set} score={score} lang={lang} />
      </section>
      <ReviewComments assessmentId={a.id} />
      <VerifiedResult assessmentId={a.id} />
      <SubmitPanel assessmentId={a.id} />
      <GapsAndActions
        assessmentId={a.id}
        rows={gaps}
        methodology={data.methodology}
        lang={lang}
        hint={tc('result.gapsHint')}
        toChecklist={tc('result.toChecklist')}
        emptyText={tc('result.gapsNone')}
      />
    </Page>
  );
}
