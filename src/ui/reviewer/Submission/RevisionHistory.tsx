import type { Status } from '../../../domain/types';
import { formatDateTime, formatNumber, useLanguage, useT } from '../../../i18n';
import { answerChangeRows, historyOrder, indexDelta, isInitialRevision, type FieldChange } from '../diff';
import { formatIndex } from '../format';
import type { RevisionEntry } from '../types';
import { levelName, type Reference } from '../use-reference';
import { useStatusLabel } from './AnswerItem';

function fieldText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join(', ');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Every revision, newest first, with what changed since the one before: before struck out, after inserted. */
export function RevisionHistory({ revisions, reference }: { revisions: RevisionEntry[]; reference: Reference | undefined }) {
  const t = useT('reviewer');
  const lang = useLanguage();
  const statusLabel = useStatusLabel(reference);
  const show = (c: FieldChange, v: unknown) => (c.field === 'status' ? statusLabel(v as Status | null) : fieldText(v));
  const showField = (field: string, v: unknown) =>
    field === 'areaTypes' && Array.isArray(v) ? v.map((a) => t(`common:areaType.${String(a)}`)).join('; ') : fieldText(v);

  return (
    <section class="rv-history" aria-labelledby="rv-history-title">
      <h2 id="rv-history-title">{t('history.title')}</h2>
      <ol class="rv-history__list">
        {historyOrder(revisions).map((r) => {
          const delta = indexDelta(revisions, r.revision);
          const rows = answerChangeRows(r.changes);
          const initial = isInitialRevision(r);
          return (
            <li key={r.revision} class="rv-history__item card">
              <h3>
                {t('submission.revisionOf', { n: r.revision })}
                <span class="muted"> · {formatDateTime(r.submittedAt, lang)}</span>
              </h3>
              <p>
                {t('history.score', { index: formatIndex(r.index, lang), level: r.level, name: levelName(reference, r.level) })}
                {delta !== undefined && delta !== 0 && (
                  <span class={delta > 0 ? 'rv-up' : 'rv-down'}>
                    {' '}
                    ({delta > 0 ? '+' : '−'}
                    {formatNumber(Math.abs(delta), { maximumFractionDigits: 1 }, lang)})
                  </span>
                )}
              </p>
              {initial ? (
                <p class="muted">
                  {r.progress
                    ? t('history.initialProgress', { answered: r.progress.answered, counted: r.progress.counted })
                    : t('history.initial', { n: r.changes.answers.length })}
                </p>
              ) : (
                <>
                  {r.changes.fields.map((f) => (
                    <p key={f.field}>
                      {t(`history.field.${f.field}`, { defaultValue: f.field })}: <del>{showField(f.field, f.from)}</del>{' '}
                      <span aria-hidden="true">→</span> <ins>{showField(f.field, f.to)}</ins>
                    </p>
                  ))}
                  {rows.length === 0 && r.changes.fields.length === 0 && <p class="muted">{t('history.noChanges')}</p>}
                  {rows.length > 0 && (
                    <div class="rv-table-wrap">
                      <table class="rv-table rv-history__table">
                        <caption>{t('history.caption', { n: r.revision, prev: r.revision - 1 })}</caption>
                        <thead>
                          <tr>
                            <th scope="col">{t('history.component')}</th>
                            <th scope="col">{t('history.what')}</th>
                            <th scope="col">{t('history.before')}</th>
                            <th scope="col">{t('history.after')}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {rows.flatMap((row) =>
                            row.changes.map((c, i) => (
                              <tr key={`${row.code}-${c.field}`}>
                                {i === 0 && (
                                  <th scope="row" rowSpan={row.changes.length}>
                                    {row.code}
                                  </th>
                                )}
                                <td>{t(`history.answerField.${c.field}`)}</td>
                                <td class="rv-user-text">{c.from === undefined ? '–' : <del>{show(c, c.from)}</del>}</td>
                                <td class="rv-user-text">{c.to === undefined ? '–' : <ins>{show(c, c.to)}</ins>}</td>
                              </tr>
                            )),
                          )}
                        </tbody>
                      </table>
                    </div>
                  )}
                </>
              )}
              {r.reviews.map((v) => (
                <p key={`${v.reviewedAt}-${v.verdict}`} class="rv-history__review">
                  <span class={`rv-state rv-state--${v.verdict}`}>{t(`states.${v.verdict}`)}</span>{' '}
                  {t('history.reviewedBy', { name: v.reviewer, at: formatDateTime(v.reviewedAt, lang) })}
                  {v.comment && <span class="rv-user-text rv-history__comment">{v.comment}</span>}
                </p>
              ))}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
