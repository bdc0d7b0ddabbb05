import { useEffect, useMemo, useState } from 'preact/hooks';
import { findCommune } from '../../../domain/admin-units';
import { loadAdminUnits } from '../../../data/load';
import { formatDateTime, useLanguage, useT } from '../../../i18n';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { api } from '../api';
import { changedInLatest } from '../diff';
import { LoadFailed } from '../LoadFailed';
import { reviewPaths } from '../routes';
import { useLoad } from '../use-load';
import { useReference } from '../use-reference';
import { AnswerList } from './AnswerList';
import { EvidenceContext } from './EvidenceList';
import { IndicatorList } from './IndicatorList';
import { ReviewForm } from './ReviewForm';
import { RevisionHistory } from './RevisionHistory';
import { ScorePanel } from './ScorePanel';
import { useVerificationState } from './use-verification-state';
import { VerificationContext } from './verification-context';
import { VerifiedScore } from './VerifiedScore';
import './style.css';
import './verify.css';

function useCommuneName(code: string | undefined): string | undefined {
  const [name, setName] = useState<string | undefined>();
  useEffect(() => {
    if (!code) return;
    let live = true;
    loadAdminUnits().then(
      (units) => live && setName(findCommune(units, code)?.name),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [code]);
  return name;
}

/** In-page link that does not touch the hash (the hash is the router's). */
function jumpToReview(e: Event) {
  e.preventDefault();
  const el = document.getElementById('rv-review');
  el?.scrollIntoView();
  el?.focus();
}

/** #/review/a/:id — one submission: its facts, the server's score, the answers, history and review. */
export function Submission({ id }: { id: string }) {
  const t = useT('reviewer');
  const lang = useLanguage();
  const ref = useReference();
  const [state, reload] = useLoad(
    async (signal) => {
      const [view, history, verification] = await Promise.all([
        api.assessment(id, signal),
        api.revisions(id, signal),
        api.verification(id, signal),
      ]);
      return { view, revisions: history.revisions, verification };
    },
    [id],
  );
  const [comments, setComments] = useState<Record<string, string>>({});
  const data = state.data;
  const verification = useVerificationState(id, data?.verification ?? null);
  const communeName = useCommuneName(data?.view.communeCode);
  const changed = useMemo(() => changedInLatest(data?.revisions ?? []), [data]);
  const setCodes = useMemo(() => new Set(data?.view.score.criteria?.indicators.map((i) => i.code)), [data]);

  if (!data) {
    return (
      <Page title={t('submission.title')} class="rv-page">
        {state.status === 'error' ? <LoadFailed error={state.error} onRetry={reload} /> : <Loading label={t('common:loading')} />}
      </Page>
    );
  }
  const { view } = data;
  const s = view.submission;
  const name = communeName ?? view.communeCode;
  return (
    <VerificationContext.Provider value={verification}>
      <Page title={t('submission.titleOf', { commune: name, period: s.period })} class="rv-page rv-sub">
        <p>
          <a href={`#${reviewPaths.communes(view.provinceCode)}`}>{t('submission.backToList')}</a>
          {' · '}
          <a href="#rv-review" onClick={jumpToReview}>
            {t('submission.jumpToReview')}
          </a>
        </p>
        {state.status === 'error' && <LoadFailed error={state.error} onRetry={reload} />}
        <dl class="rv-sub__facts card">
          <div>
            <dt>{t('columns.name')}</dt>
            <dd>
              {name} <span class="muted">({view.communeCode})</span>
            </dd>
          </div>
          <div>
            <dt>{t('submission.period')}</dt>
            <dd>{s.period}</dd>
          </div>
          <div>
            <dt>{t('columns.areaTypes')}</dt>
            <dd>{s.areaTypes.map((a) => t(`common:areaType.${a}`)).join('; ')}</dd>
          </div>
          <div>
            <dt>{t('submission.revision')}</dt>
            <dd>{t('submission.revisionOf', { n: view.revision })}</dd>
          </div>
          <div>
            <dt>{t('columns.submittedAt')}</dt>
            <dd>{formatDateTime(s.submittedAt, lang)}</dd>
          </div>
          <div>
            <dt>{t('submission.receivedAt')}</dt>
            <dd>{formatDateTime(view.receivedAt, lang)}</dd>
          </div>
          <div>
            <dt>{t('columns.reviewState')}</dt>
            <dd>
              <span class={`rv-state rv-state--${view.reviewState}`}>{t(`states.${view.reviewState}`)}</span>
            </dd>
          </div>
          {s.helpers && (
            <div>
              <dt>{t('submission.helpers')}</dt>
              <dd class="rv-user-text">{s.helpers}</dd>
            </div>
          )}
        </dl>
        <ScorePanel score={view.score} reference={ref} />
        <VerifiedScore self={view.score} />
        <RevisionHistory revisions={data.revisions} reference={ref} />
        {ref ? (
          <EvidenceContext.Provider value={view.evidence}>
            <AnswerList
              reference={ref}
              areaTypes={s.areaTypes}
              answers={s.answers}
              changed={changed}
              priorComments={view.review?.componentComments ?? {}}
              comments={comments}
              onComment={(code, text) => setComments((c) => ({ ...c, [code]: text }))}
              listedElsewhere={setCodes}
            />
            {view.score.criteria && <IndicatorList criteria={view.score.criteria} answers={s.answers} reference={ref} />}
          </EvidenceContext.Provider>
        ) : (
          <Loading label={t('common:loading')} />
        )}
        <ReviewForm
          view={view}
          comments={comments}
          onDone={() => {
            setComments({});
            verification.clearRequests();
            reload();
          }}
        />
      </Page>
    </VerificationContext.Provider>
  );
}
