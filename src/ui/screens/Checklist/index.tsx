/**
 * #/a/:id — the checklist: the commune's applicable components by layer and group,
 * each answered in place and saved as it changes. Opens where the user left off. An assessment
 * under a criteria set shows that set's groups and indicators instead (CriteriaChecklist).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { saveAnswer } from '../../../db';
import { layerLabel } from '../../../domain/catalogue';
import { assessmentProgress } from '../../../domain/progress';
import { effectiveAnswers } from '../../../domain/same-items';
import { scoreAssessment } from '../../../domain/scoring';
import type { Answer, Status } from '../../../domain/types';
import { useLanguage, useT } from '../../../i18n';
import { afterPaint } from '../../after-paint';
import { LinkButton } from '../../components/Button';
import { Page } from '../../components/Page';
import { currentRoute, paths } from '../../router';
import { ReviewComments } from '../../sync/ReviewComments';
import { SyncBadge } from '../../sync/SyncBadge';
import { useSyncView } from '../../sync/use-live';
import { cardId } from './card-ids';
import type { ChecklistContext } from './checklist-context';
import { ChecklistHeader } from './ChecklistHeader';
import { CriteriaChecklist } from './CriteriaChecklist';
import { GroupSection } from './GroupSection';
import { jumpToCard } from './jump-to-card';
import { nextUnanswered } from './next-unanswered';
import { useAssessmentData } from '../assessment/use-assessment-data';
import type { AssessmentData } from '../assessment/use-assessment-data';
import { buildSections, resumePoint, statusChoices } from './view-model';
import { useComponentGuidance } from './use-guidance';
import type { ComponentGuidance } from '../../../domain/guidance';
import { LoadState } from '../assessment/LoadState';
import './style.css';

export default function Checklist({ id }: { id: string }) {
  const t = useT('assess');
  const loaded = useAssessmentData(id);
  // Loaded beside the assessment, so the cards appear with their "Hướng dẫn" at once; a failed load
  // (null) does not hold the checklist back.
  const guidance = useComponentGuidance();
  if (loaded.status !== 'ready') return <LoadState loaded={loaded} title={t('checklist.title')} />;
  const set = loaded.data.criteriaSet;
  if (set) return <CriteriaChecklist key={id} data={loaded.data} set={set} />;
  if (guidance === undefined) return <LoadState loaded={{ status: 'loading' }} title={t('checklist.title')} />;
  return <ChecklistBody key={id} data={loaded.data} guidance={guidance} />;
}

function ChecklistBody({ data, guidance }: { data: AssessmentData; guidance: ComponentGuidance | null }) {
  const t = useT('assess');
  const lang = useLanguage();
  const { assessment, catalogue, methodology, translation } = data;
  const id = assessment.id;
  // A same item asked under another code than the one answered (the area types changed) shows that
  // answer; the card's first save writes it, whole, under the code asked (same-items.ts).
  const [answers, setAnswers] = useState<Record<string, Answer>>(
    () => effectiveAnswers(catalogue, assessment.areaTypes, data.answers) as Record<string, Answer>,
  );
  const readOnly = assessment.status === 'submitted' || assessment.status === 'accepted';

  const sections = useMemo(() => buildSections(catalogue, assessment.areaTypes), [catalogue, assessment.areaTypes]);
  const choices = useMemo(() => {
    const m = new Map<string, readonly Status[]>();
    for (const l of sections)
      for (const g of l.groups) for (const c of g.components) m.set(c.code, statusChoices(c, methodology));
    return m;
  }, [sections, methodology]);
  const choicesFor = useCallback((code: string) => choices.get(code) ?? [], [choices]);

  const { progress, completeness } = useMemo(() => {
    const input = { catalogue, methodology, areaTypes: assessment.areaTypes, answers };
    return {
      progress: new Map(assessmentProgress(input).groups.map((r) => [r.code, r])),
      completeness: scoreAssessment(input).completeness,
    };
  }, [catalogue, methodology, assessment.areaTypes, answers]);

  // Where to resume: the last edited card's group, else the first group with something unanswered.
  const [start] = useState(() => resumePoint(sections, currentRoute().query.code ?? assessment.lastCode, data.answers));

  // After the shell's own scroll-to-top and the heading focus of a new screen.
  useEffect(() => {
    if (!start.code) return;
    const frame = requestAnimationFrame(() => {
      const el = document.getElementById(cardId(start.code ?? ''));
      el?.scrollIntoView({ block: 'start' });
      el?.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [start]);

  // Read through a ref so that the context below keeps the same functions on every render,
  // and a card mounted later starts from the newest saved answer.
  const answersRef = useRef(answers);
  const progressQueued = useRef(false);
  // A saved answer is known at once; the progress and score it changes (the whole checklist
  // re-rendered, tens of ms on a slow phone) follow after the card's "Đã lưu" is painted, so
  // that re-render never stands between a tap and its confirmation (issue #16). Saves made
  // meanwhile are counted in the same re-render.
  const onSaved = useCallback((a: Answer) => {
    answersRef.current = { ...answersRef.current, [a.code]: a };
    if (progressQueued.current) return;
    progressQueued.current = true;
    afterPaint(() => {
      progressQueued.current = false;
      setAnswers(answersRef.current);
    });
  }, []);

  // Text waiting behind a save in flight goes to IndexedDB at once when the page is hidden or closed.
  const flushers = useRef(new Set<() => void>());
  const registerFlush = useCallback((f: () => void) => {
    flushers.current.add(f);
    return () => void flushers.current.delete(f);
  }, []);
  useEffect(() => {
    const flushAll = () => flushers.current.forEach((f) => f());
    const onVisibility = () => document.visibilityState === 'hidden' && flushAll();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', flushAll);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', flushAll);
    };
  }, []);

  // The province's per-component comments, also shown on each card; they change only when a review
  // is pulled, so the context (and every card) is rebuilt only then.
  const sync = useSyncView(id)?.sync;
  const reviewed = sync?.state === 'returned' || sync?.state === 'accepted';
  const comments = reviewed ? sync?.componentComments : undefined;

  const ctx = useMemo<ChecklistContext>(
    () => ({
      assessmentId: id,
      answerFor: (code) => answersRef.current[code],
      choicesFor,
      translation,
      methodology,
      lang,
      readOnly,
      save: (code, patch, onCommit, stored) => saveAnswer(id, code, patch, { onCommit, stored: stored ?? null }),
      onSaved,
      registerFlush,
      goToNextUnanswered: (code) => {
        const next = nextUnanswered(sections, code, (c) => answersRef.current[c]);
        jumpToCard(next?.group, next?.code, () => document.querySelector<HTMLElement>('.checklist-foot a'));
      },
      reviewCommentFor: (code) => comments?.[code] || undefined,
      guidanceFor: (code) => guidance?.components[code],
    }),
    [id, choicesFor, translation, methodology, lang, readOnly, onSaved, registerFlush, sections, comments, guidance],
  );

  const title = data.commune?.name ?? t('checklist.title');
  return (
    <Page title={title}>
      <ChecklistHeader data={data} completeness={completeness} readOnly={readOnly} answers={answers} />
      <SyncBadge assessmentId={data.assessment.id} />
      <ReviewComments assessmentId={data.assessment.id} />
      {sections.map((l) => (
        <section key={l.layer.id} class="layer" aria-labelledby={`layer-${l.layer.id}`}>
          <h2 id={`layer-${l.layer.id}`} class="layer-title">
            {t('checklist.layer', { n: l.layer.id, name: layerLabel(l.layer, translation) })}
          </h2>
          {l.groups.map((g) => {
            const pr = progress.get(g.group.code);
            return (
              <GroupSection
                key={g.group.code}
                section={g}
                initiallyOpen={g.group.code === start.group}
                answered={pr?.answered ?? 0}
                total={pr?.counted ?? g.components.length}
                optional={pr?.optional ?? 0}
                invalid={pr?.invalid.length ?? 0}
                ctx={ctx}
              />
            );
          })}
        </section>
      ))}
      <p class="checklist-foot">
        <LinkButton variant="primary" href={`#${paths.summary(id)}`}>
          {t('checklist.toSummary')}
        </LinkButton>
      </p>
    </Page>
  );
}
