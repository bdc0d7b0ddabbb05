import type { SetSurvey } from '../../../domain/criteria';
import { useLanguage, useT } from '../../../i18n';

/**
 * The satisfaction survey a set carries (issue #15): what the communes' community teams will ask
 * residents once the version is published, so the reviewer reads it before publishing.
 */
export function SurveyQuestions({ survey, published }: { survey: SetSurvey; published: boolean }) {
  const t = useT('reviewer');
  const lang = useLanguage();
  return (
    <div class="stack rv-cs__survey">
      <h3 id="rv-cs-survey-title">{t('criteriaSets.surveyTitle')}</h3>
      <p class="muted">{t(published ? 'criteriaSets.surveyHintPublished' : 'criteriaSets.surveyHintDraft')}</p>
      <p class="rv-cs__survey-name">{survey.title[lang]}</p>
      <ol aria-labelledby="rv-cs-survey-title">
        {survey.questions.map((q) => (
          <li key={q.id}>
            {q[lang]}{' '}
            <span class="muted">
              (
              {[
                t(q.type === 'scale5' ? 'criteriaSets.surveyScale5' : 'criteriaSets.surveyYesNo'),
                ...(q.id === survey.overallQuestion ? [t('criteriaSets.surveyOverall')] : []),
              ].join('; ')}
              )
            </span>
          </li>
        ))}
      </ol>
      <p class="muted">
        {t('criteriaSets.surveyScale', { labels: survey.scale[lang].map((label, i) => `${i + 1} – ${label}`).join('; ') })}
      </p>
    </div>
  );
}
