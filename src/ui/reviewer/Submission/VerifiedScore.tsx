import type { ScoreResult } from '../../../domain/types';
import { formatDateTime, useLanguage, useT } from '../../../i18n';
import { formatIndex } from '../format';
import { useVerification } from './verification-context';

/** The verified total beside the self-assessed one: what the server scored with the province's adjustments. */
export function VerifiedScore({ self }: { self: ScoreResult }) {
  const t = useT('reviewer');
  const lang = useLanguage();
  const view = useVerification()?.view;
  if (!view) return null;
  const v = view.score;
  const under = (s: ScoreResult) =>
    s.criteria ? `${formatIndex(s.criteria.total, lang)}/${formatIndex(s.criteria.max, lang)}` : formatIndex(s.index, lang);
  return (
    <section class="rv-verified card" aria-labelledby="rv-verified-title">
      <h2 id="rv-verified-title">{t('verify.scoreTitle')}</h2>
      <dl class="rv-verified__pair">
        <div>
          <dt>{t('verify.selfScore')}</dt>
          <dd>
            <span class="rv-sub__big">{under(self)}</span> {t('verify.level', { level: self.criteria?.level ?? self.level })}
          </dd>
        </div>
        <div>
          <dt>{t('verify.verifiedScore')}</dt>
          <dd data-testid="verified-total">
            {v ? (
              <>
                <span class="rv-sub__big">{under(v)}</span> {t('verify.level', { level: v.criteria?.level ?? v.level })}
              </>
            ) : (
              t('verify.noScoreYet')
            )}
          </dd>
        </div>
      </dl>
      <p class="muted">
        {t('verify.progress', {
          done: view.verifiedCount + view.adjustedCount,
          total: view.itemCount,
          adjusted: view.adjustedCount,
        })}
        {view.updatedAt && ` ${t('verify.updatedAt', { at: formatDateTime(view.updatedAt, lang) })}`}
      </p>
    </section>
  );
}
