import { useRef, useState } from 'preact/hooks';
import { formatDateTime, useLanguage, useT } from '../../../i18n';
import { Button } from '../../components/Button';
import { announce } from '../../components/announce';
import { api, ApiError } from '../api';
import { cleanComments } from '../answer-groups';
import { errorText } from '../errors';
import type { AssessmentView, Verdict } from '../types';
import { useEvidenceRequests } from './use-evidence-requests';

interface Props {
  view: AssessmentView;
  /** Per-component comments typed beside the answers. */
  comments: Readonly<Record<string, string>>;
  onDone: () => void;
}

/** Accept the latest revision, or return it with a comment (and optional per-component comments). */
export function ReviewForm({ view, comments, onDone }: Props) {
  const t = useT('reviewer');
  const lang = useLanguage();
  const [verdict, setVerdict] = useState<Verdict | undefined>();
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [stale, setStale] = useState(false);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const verdictRef = useRef<HTMLInputElement>(null);
  const perComponent = cleanComments(comments);
  const evidence = useEvidenceRequests();
  const codes = Object.keys(perComponent);
  const current = view.review;
  // Changing a verdict already given on this revision needs a reason (the server keeps it).
  const needsReason =
    current !== null && current.revision === view.revision && verdict !== undefined && verdict !== current.verdict;
  const reasonRef = useRef<HTMLTextAreaElement>(null);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setError('');
    if (!verdict) {
      setError(t('review.chooseVerdict'));
      verdictRef.current?.focus();
      return;
    }
    if (verdict === 'returned' && !comment.trim()) {
      setError(t('errors.comment-required'));
      commentRef.current?.focus();
      return;
    }
    const evidenceProblem = evidence.problem(verdict);
    if (evidenceProblem) {
      setError(evidenceProblem);
      return;
    }
    if (needsReason && !reason.trim()) {
      setError(t('errors.reason-required'));
      reasonRef.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await api.review(view.assessmentId, {
        verdict,
        comment: comment.trim(),
        revision: view.revision,
        ...(needsReason ? { reason: reason.trim() } : {}),
        ...(codes.length > 0 ? { componentComments: perComponent } : {}),
        ...(evidence.list.length > 0 ? { evidenceRequests: evidence.list } : {}),
      });
      announce(t(verdict === 'accepted' ? 'review.doneAccepted' : 'review.doneReturned'));
      setVerdict(undefined);
      setComment('');
      setReason('');
      onDone();
    } catch (err) {
      setStale(err instanceof ApiError && err.code === 'stale_revision');
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section id="rv-review" class="rv-review card" tabIndex={-1} aria-labelledby="rv-review-title">
      <h2 id="rv-review-title">{t('review.title', { n: view.revision })}</h2>
      {current && (
        <p>
          <span class={`rv-state rv-state--${current.verdict}`}>{t(`states.${current.verdict}`)}</span>{' '}
          {t('review.current', { n: current.revision, at: formatDateTime(current.reviewedAt, lang) })}
          {current.comment && <span class="rv-user-text rv-history__comment">{current.comment}</span>}
        </p>
      )}
      {current && <p class="muted">{t('review.again')}</p>}
      <form class="stack" onSubmit={(e) => void onSubmit(e)} noValidate>
        <fieldset class="rv-review__verdict">
          <legend>{t('review.verdict')}</legend>
          {(['accepted', 'returned'] as const).map((v, i) => (
            <label key={v}>
              <input
                ref={i === 0 ? verdictRef : undefined}
                type="radio"
                name="rv-verdict"
                value={v}
                checked={verdict === v}
                onChange={() => setVerdict(v)}
              />
              {t(`review.${v}`)}
            </label>
          ))}
        </fieldset>
        <div class="rv-field">
          <label for="rv-review-comment">
            {t('review.comment')}
            {verdict === 'returned' && <span> {t('review.required')}</span>}
          </label>
          <textarea
            ref={commentRef}
            id="rv-review-comment"
            maxLength={2000}
            value={comment}
            aria-describedby="rv-review-hint"
            aria-invalid={error && verdict === 'returned' && !comment.trim() ? true : undefined}
            onInput={(e) => setComment(e.currentTarget.value)}
          />
          <span id="rv-review-hint" class="muted">
            {codes.length > 0
              ? t('review.withComponents', { n: codes.length, codes: codes.join(', ') })
              : t('review.componentHint')}
            {evidence.hint && ` ${evidence.hint}`}
          </span>
        </div>
        {needsReason && (
          <div class="rv-field">
            <label for="rv-review-reason">{t('review.reason')}</label>
            <textarea
              ref={reasonRef}
              id="rv-review-reason"
              maxLength={500}
              value={reason}
              aria-describedby="rv-review-reason-hint"
              aria-invalid={error && !reason.trim() ? true : undefined}
              onInput={(e) => setReason(e.currentTarget.value)}
            />
            <span id="rv-review-reason-hint" class="muted">
              {t('review.reasonHint')}
            </span>
          </div>
        )}
        <p class="error-text" role="alert">
          {error}
        </p>
        <div class="actions">
          <Button type="submit" variant={verdict === 'returned' ? 'danger' : 'primary'} busy={busy}>
            {verdict ? t(`review.submit.${verdict}`) : t('review.submit.none')}
          </Button>
          {stale && <Button onClick={onDone}>{t('review.reload')}</Button>}
        </div>
      </form>
    </section>
  );
}
