/** The checklist's header: where and when, area types, completeness, link to the result. */
import type { AnswerMap, Completeness } from '../../../domain/types';
import { formatNumber, useT } from '../../../i18n';
import { paths } from '../../router';
import type { AssessmentData } from '../assessment/use-assessment-data';
import { AreaTypesEdit } from './AreaTypesEdit';

interface Props {
  data: AssessmentData;
  completeness: Completeness;
  readOnly: boolean;
  answers: AnswerMap;
}

export function ChecklistHeader({ data, completeness, readOnly, answers }: Props) {
  const t = useT('assess');
  const a = data.assessment;
  const pct = formatNumber(completeness.ratio, { percent: true, maximumFractionDigits: 0 });
  return (
    <div class="assess-head">
      <dl class="assess-facts">
        {data.province && (
          <div>
            <dt>{t('facts.province')}</dt>
            <dd>{data.province.name}</dd>
          </div>
        )}
        <div>
          <dt>{t('facts.period')}</dt>
          <dd>{a.period}</dd>
        </div>
        <div>
          <dt>{t('facts.areaTypes')}</dt>
          <dd>
            {a.areaTypes.map((x) => t(`areaType.${x}`)).join('; ')}
            {!readOnly && (
              <AreaTypesEdit assessmentId={a.id} current={a.areaTypes} catalogue={data.catalogue} answers={answers} />
            )}
          </dd>
        </div>
        {a.helpers && (
          <div>
            <dt>{t('facts.helpers')}</dt>
            <dd>{a.helpers}</dd>
          </div>
        )}
      </dl>
      <p class="assess-progress">
        {t('checklist.completeness', {
          answered: completeness.answered,
          total: completeness.counted,
          percent: pct,
        })}
        <br />
        {t('checklist.essential', { answered: completeness.essentialAnswered, total: completeness.essentialTotal })}
      </p>
      <span class="progress-bar" aria-hidden="true">
        <span style={{ width: `${Math.round(completeness.ratio * 100)}%` }} />
      </span>
      {readOnly && (
        <p class="notice notice--locked">
          {t(a.status === 'accepted' ? 'checklist.lockedAccepted' : 'checklist.lockedSubmitted')}
        </p>
      )}
      {a.status === 'returned' && <p class="notice">{t('checklist.returned')}</p>}
      <p>
        <a class="tap-link" href={`#${paths.summary(a.id)}`}>
          {t('checklist.toSummary')}
        </a>
      </p>
    </div>
  );
}
