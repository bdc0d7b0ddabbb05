/**
 * The anonymous satisfaction survey, face to face: one response per resident, answers as large
 * tap targets (≥ 48 px), nothing personal asked. "Giao máy cho người dân" hands the phone over:
 * only the questions are shown, and after sending a neutral thank-you that resets for the next
 * resident (it shows nothing of earlier answers). Saved to IndexedDB before it says so.
 * The survey is the one the server gave this phone, else the default (team-data.ts); a new one
 * that comes down mid-response waits for the next resident: a response is finished on the survey
 * it began on (its id and version go with it).
 */
import { useState } from 'preact/hooks';
import { getDb } from '../../../db';
import { saveSurveyResponse, type SurveyAnswers } from '../../../db/survey-responses';
import type { Survey } from '../../../domain/community/schemas';
import { getLanguage, useT } from '../../../i18n';
import { kickTeamOutbox } from '../../../sync/team-kick';
import { announce } from '../../components/announce';
import { Button } from '../../components/Button';
import { Page } from '../../components/Page';
import { storageProblemText } from '../../components/storage-problem';
import { useLive } from '../../sync/use-live';

type Phase = 'asking' | 'thanks';

export function SurveyScreen({ survey: latest }: { survey: Survey }) {
  const t = useT('team');
  const lang = getLanguage() === 'en' ? 'en' : 'vi';
  // Set by the first answer, cleared once the response is saved.
  const [begun, setBegun] = useState<Survey>();
  const survey = begun ?? latest;
  const newerWaits = begun !== undefined && (begun.id !== latest.id || begun.version !== latest.version);
  const [answers, setAnswers] = useState<SurveyAnswers>({});
  const [handOver, setHandOver] = useState(false);
  const [phase, setPhase] = useState<Phase>('asking');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [round, setRound] = useState(0);
  const saved = useLive(() => getDb().surveyResponses.count(), []);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const overall = survey.questions.find((q) => q.id === survey.overallQuestion);
    if (overall && answers[overall.id] === undefined) return setError(t('survey.required', { question: overall[lang] }));
    setBusy(true);
    setError(undefined);
    try {
      await saveSurveyResponse(getDb(), survey, answers);
      kickTeamOutbox();
      setAnswers({});
      setBegun(undefined);
      setRound((r) => r + 1);
      if (handOver) setPhase('thanks');
      else announce(t('survey.saved'));
      scrollTo(0, 0);
    } catch (err) {
      setError(storageProblemText(err, t) ?? t('survey.failed'));
    } finally {
      setBusy(false);
    }
  };

  if (phase === 'thanks') {
    return (
      <Page title={t('survey.thanks')} class="team-survey team-survey--thanks">
        <p>{t('survey.thanksBody')}</p>
        <Button variant="primary" class="team-big" onClick={() => setPhase('asking')}>
          {t('survey.nextResident')}
        </Button>
      </Page>
    );
  }

  return (
    <Page title={survey.title[lang]} class={`team-survey${handOver ? ' team-survey--handed' : ''}`}>
      <p class="muted team-survey__version" data-survey-id={survey.id} data-survey-version={survey.version}>
        {t('survey.version', { version: survey.version })}
      </p>
      <p>{t('survey.intro')}</p>
      {newerWaits && !handOver && (
        <p class="team-survey__newer" role="status">
          {t('survey.newerWaiting')}
        </p>
      )}
      {!handOver && (
        <div class="team-survey__handover">
          <Button class="team-big" onClick={() => setHandOver(true)}>
            {t('survey.handOver')}
          </Button>
          <p class="muted">{t('survey.handOverNote')}</p>
          {saved !== undefined && (
            <p class="team-survey__count" data-count={saved}>
              {t('survey.countToday', { count: saved })}
            </p>
          )}
        </div>
      )}
      <form class="stack" onSubmit={(e) => void submit(e)} noValidate key={round}>
        {survey.questions.map((q) => (
          <fieldset key={q.id} class="team-question">
            <legend class="team-label">{q[lang]}</legend>
            <div class={`team-options team-options--${q.type}`}>
              {(q.type === 'scale5'
                ? survey.scale[lang].map((label, i) => [i + 1, label] as const)
                : ([
                    [true, t('survey.yes')],
                    [false, t('survey.no')],
                  ] as const)
              ).map(([value, label]) => (
                <label key={String(value)} class="team-option">
                  <input
                    type="radio"
                    name={`${q.id}-${round}`}
                    checked={answers[q.id] === value}
                    onChange={() => {
                      setBegun((b) => b ?? survey);
                      setAnswers((a) => ({ ...a, [q.id]: value }));
                    }}
                  />
                  <span>{label}</span>
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        {error && (
          <p class="error-text" role="alert">
            {error}
          </p>
        )}
        <Button type="submit" variant="primary" class="team-big" busy={busy}>
          {t('survey.submit')}
        </Button>
      </form>
      {handOver && (
        <Button variant="quiet" class="team-survey__end" onClick={() => setHandOver(false)}>
          {t('survey.endHandOver')}
        </Button>
      )}
    </Page>
  );
}
