/**
 * The checklist of an assessment under a criteria set (issue #11): the set's groups and their
 * indicators, in set order, each answered on its card (IndicatorCard) and saved as it changes.
 * Progress is the engine's (required indicators answered, criteria-view.ts), and the points each
 * indicator earns are recomputed by scoreCriteria after every save, never stored.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { saveAnswer } from '../../../db';
import type { CriteriaSet } from '../../../domain/criteria/schema';
import { scoreCriteria } from '../../../domain/criteria/score';
import { effectiveAnswers } from '../../../domain/same-items';
import type { Answer } from '../../../domain/types';
import { formatNumber, useLanguage, useT } from '../../../i18n';
import { afterPaint } from '../../after-paint';
import { LinkButton } from '../../components/Button';
import { Page } from '../../components/Page';
import { currentRoute, paths } from '../../router';
import { ReviewComments } from '../../sync/ReviewComments';
import { SyncBadge } from '../../sync/SyncBadge';
import { useLive, useSyncView } from '../../sync/use-live';
import { usesMeasured } from '../../../domain/criteria/measured';
import { phoneMeasuredInputs } from './measured-view';
import type { AssessmentData } from '../assessment/use-assessment-data';
import { cardId } from './card-ids';
import { criteriaProgress, criteriaSections } from './criteria-view';
import { IndicatorCard } from './IndicatorCard';
import { SetVersionNotice } from '../SetVersion/SetVersionNotice';

export function CriteriaChecklist({ data, set }: { data: AssessmentData; set: CriteriaSet }) {
  const t = useT('criteria');
  const ta = useT('assess');
  const lang = useLanguage();
  const { assessment, catalogue } = data;
  const id = assessment.id;
  const readOnly = assessment.status === 'submitted' || assessment.status === 'accepted';
  const [answers, setAnswers] = useState<Record<string, Answer>>(
    () => effectiveAnswers(catalogue, assessment.areaTypes, data.answers) as Record<string, Answer>,
  );
  const sections = useMemo(() => criteriaSections(set, catalogue, assessment.areaTypes), [set, catalogue, assessment.areaTypes]);
  // Measured indicators (issue #15): provisional, from the tally and population this phone synced.
  const measured = useLive(
    () => (usesMeasured(set) ? phoneMeasuredInputs(assessment) : Promise.resolve(undefined)),
    [set, assessment],
  );
  const score = useMemo(
    () => scoreCriteria({ set, catalogue, areaTypes: assessment.areaTypes, answers, measured: measured?.inputs }),
    [set, catalogue, assessment.areaTypes, answers, measured],
  );
  const progress = useMemo(() => criteriaProgress(set, score), [set, score]);
  const whole = progress.get('') ?? { answered: 0, total: 0 };

  // A card mounted later starts from the newest saved answer; the score follows after the card's
  // "Đã lưu" is painted, so recomputing it never stands between a tap and its confirmation.
  const answersRef = useRef(answers);
  const queued = useRef(false);
  const onSaved = useCallback((a: Answer) => {
    answersRef.current = { ...answersRef.current, [a.code]: a };
    if (queued.current) return;
    queued.current = true;
    afterPaint(() => {
      queued.current = false;
      setAnswers(answersRef.current);
    });
  }, []);
  const save = useCallback(
    (code: string, patch: Parameters<typeof saveAnswer>[2], stored: Answer | undefined) =>
      saveAnswer(id, code, patch, { stored: stored ?? null }),
    [id],
  );

  // Opened from "cannot send yet" (an indicator's code), or where the officer left off (the last
  // code saved: an indicator's own, or the component a linked status answers): that card on screen.
  const [start] = useState(() => {
    const code = currentRoute().query.code ?? assessment.lastCode;
    const items = sections.flatMap((s) => s.items);
    return (items.find((i) => i.indicator.code === code) ?? items.find((i) => i.answerCode === code))?.indicator.code;
  });
  useEffect(() => {
    if (!start) return;
    const frame = requestAnimationFrame(() => {
      const el = document.getElementById(cardId(start));
      el?.scrollIntoView({ block: 'start' });
      el?.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [start]);

  const sync = useSyncView(id)?.sync;
  const reviewed = sync?.state === 'returned' || sync?.state === 'accepted';
  const comments = reviewed ? sync?.componentComments : undefined;
  const text = (x: { vi: string; en: string }) => (lang === 'en' ? x.en : x.vi);

  return (
    <Page title={data.commune?.name ?? ta('checklist.title')}>
      <div class="assess-head">
        <p class="criteria-set-name">
          {t('checklist.set')} <strong>{text(set.title)}</strong> · {t('new.version', { version: set.version })}
        </p>
        {set.notice && <p class="notice criteria-set-notice">{text(set.notice)}</p>}
        <p class="assess-progress">
          {t('checklist.progress', { answered: whole.answered, total: whole.total })}
          <br />
          {t('checklist.total', { total: formatNumber(score.total, {}, lang), max: formatNumber(score.max, {}, lang) })}
        </p>
        <span class="progress-bar" aria-hidden="true">
          <span style={{ width: `${whole.total ? Math.round((100 * whole.answered) / whole.total) : 0}%` }} />
        </span>
        {readOnly && (
          <p class="notice notice--locked">
            {ta(assessment.status === 'accepted' ? 'checklist.lockedAccepted' : 'checklist.lockedSubmitted')}
          </p>
        )}
        {assessment.status === 'returned' && <p class="notice">{ta('checklist.returned')}</p>}
      </div>
      <SetVersionNotice assessment={assessment} />
      <SyncBadge assessmentId={id} />
      <ReviewComments assessmentId={id} />
      {sections.map((s) => {
        const pr = progress.get(s.group.id) ?? { answered: 0, total: 0 };
        const g = score.groups.find((x) => x.id === s.group.id);
        const headingId = `grp-${s.group.id}`;
        return (
          <section key={s.group.id} class="group criteria-group" aria-labelledby={headingId}>
            <div class="group-summary">
              <h3 class="group-title" id={headingId}>
                <span class="group-code">{s.group.id}</span> {text(s.group)}
              </h3>
              <span class="group-progress">
                {ta('checklist.groupProgress', { answered: pr.answered, total: pr.total })}
                {g && g.score !== null && (
                  <> · {t('checklist.groupPoints', { points: formatNumber(g.score, {}, lang), max: g.max })}</>
                )}
              </span>
            </div>
            <div class="group-body">
              {s.items.map((item) => {
                const sc = score.indicators[item.index];
                return (
                  <IndicatorCard
                    key={item.indicator.code}
                    assessmentId={id}
                    item={item}
                    set={set}
                    lang={lang}
                    readOnly={readOnly}
                    stored={answersRef.current[item.answerCode]}
                    save={save}
                    onSaved={onSaved}
                    points={sc?.points ?? 0}
                    answered={sc?.answered ?? false}
                    reviewComment={comments?.[item.answerCode] || comments?.[item.indicator.code] || undefined}
                    measured={item.indicator.input.kind === 'measured' ? measured : undefined}
                  />
                );
              })}
            </div>
          </section>
        );
      })}
      <p class="checklist-foot">
        <LinkButton variant="primary" href={`#${paths.summary(id)}`}>
          {ta('checklist.toSummary')}
        </LinkButton>
      </p>
    </Page>
  );
}
