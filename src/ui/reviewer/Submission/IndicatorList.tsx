import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CriteriaScore, CriteriaSet } from '../../../domain/criteria';
import type { Answer, IndicatorValue } from '../../../domain/types';
import { loadCriteriaSet } from '../../../data/load';
import { formatNumber, useLanguage, useT } from '../../../i18n';
import { ownIndicators, valueText } from '../indicator-values';
import type { Reference } from '../use-reference';
import { useStatusLabel } from './AnswerItem';
import { EvidenceList } from './EvidenceList';
import { useVerification } from './verification-context';
import { ValueVerifyControls } from './ValueVerifyControls';
import { VerifyControls } from './VerifyControls';

const points = (n: number | null | undefined, lang: string) =>
  n === null || n === undefined ? '–' : formatNumber(n, { maximumFractionDigits: 2 }, lang);

interface Props {
  criteria: CriteriaScore;
  answers: readonly Answer[];
  reference: Reference;
}

/**
 * A criteria set's own indicators (issue #14), below the catalogue components: each with the
 * officer's value, its points as the server scored them, its evidence and its thẩm định; after a
 * step, the adjusted value's points and the verified total, as the server recomputed them.
 */
export function IndicatorList({ criteria, answers, reference }: Props) {
  const t = useT('reviewer');
  const lang = useLanguage();
  const statusLabel = useStatusLabel(reference);
  const verified = useVerification()?.view?.score?.criteria;
  const [set, setSet] = useState<CriteriaSet | null | undefined>();
  useEffect(() => {
    let live = true;
    loadCriteriaSet(criteria.setId, criteria.setVersion).then(
      (s) => live && setSet(s ?? null),
      () => live && setSet(null),
    );
    return () => {
      live = false;
    };
  }, [criteria.setId, criteria.setVersion]);
  const byCode = useMemo(() => new Map(answers.map((a) => [a.code, a])), [answers]);
  const selfOf = useMemo(() => new Map(criteria.indicators.map((i) => [i.code, i])), [criteria]);
  if (set === undefined) return null;
  if (set === null)
    return <p class="rv-sub__gate">{t('verify.setUnavailable', { set: `${criteria.setId}@${criteria.setVersion}` })}</p>;
  const items = ownIndicators(set, (code) => selfOf.get(code)?.applicable ?? false);
  if (items.length === 0) return null;
  const words = { yes: t('verify.yes'), no: t('verify.no'), number: (n: number) => formatNumber(n, {}, lang) };
  const pick = (x: { vi: string; en: string }) => (lang === 'vi' ? x.vi : x.en);

  return (
    <section class="rv-answers" aria-labelledby="rv-indicators-title">
      <h2 id="rv-indicators-title">{t('verify.indicatorsTitle', { name: pick(set.title) })}</h2>
      <ul class="rv-answers__list">
        {items.map((ind) => {
          const answer = byCode.get(ind.code);
          const self = selfOf.get(ind.code);
          const after = verified?.indicators.find((i) => i.code === ind.code);
          const describe = (v: IndicatorValue) => valueText(ind, v, lang, words);
          const group = set.groups.find((g) => g.id === ind.group);
          const shown =
            ind.input.kind === 'status'
              ? statusLabel(answer?.status)
              : answer?.value
                ? describe(answer.value)
                : t('verify.noValue');
          return (
            <li key={ind.code} class="rv-answer" data-testid={`indicator-${ind.code}`}>
              <div class="rv-answer__head">
                <span class="rv-answer__code">{ind.code}</span>
                <span class="rv-answer__label">{pick(ind)}</span>
              </div>
              <p class="rv-answer__meta">
                <span class="rv-answer__field">{t('verify.officerAnswer')}</span> <span class="rv-user-text">{shown}</span>
                <span class="muted">{group ? pick(group) : ind.group}</span>
              </p>
              <p data-testid="indicator-points">
                {t('verify.selfPoints', { points: points(self?.points, lang), max: points(ind.points, lang) })}
                {after && verified && (
                  <>
                    {' · '}
                    <strong>
                      {t('verify.verifiedPoints', {
                        points: points(after.points, lang),
                        max: points(ind.points, lang),
                        total: points(verified.total, lang),
                        totalMax: points(verified.max, lang),
                      })}
                    </strong>
                  </>
                )}
              </p>
              {answer?.note && (
                <p>
                  <span class="rv-answer__field">{t('answers.note')}</span> <span class="rv-user-text">{answer.note}</span>
                </p>
              )}
              <EvidenceList code={ind.code} />
              {ind.input.kind === 'status' ? (
                <VerifyControls code={ind.code} status={answer?.status ?? null} statusLabel={statusLabel} />
              ) : (
                <ValueVerifyControls indicator={ind} value={answer?.value} describe={describe} />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
