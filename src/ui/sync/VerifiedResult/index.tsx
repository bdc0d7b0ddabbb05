/**
 * The province's verified result on the summary (issue #14): the verified total beside the
 * self-assessed one, how many items the province verified and adjusted (with its reasons), and
 * the comparison with the province's average and the area type's, per group. Read from the
 * store (verifiedResults, written by the sync), so it shows offline. No other commune is named;
 * an average the server withheld (fewer than 3 communes) is said to be so.
 */
import { useId } from 'preact/hooks';
import { getDb } from '../../../db';
import type { CommuneAverage, Comparison } from '../../../domain/verification';
import { formatDateTime, formatNumber, useLanguage, useT } from '../../../i18n';
import { paths } from '../../router';
import { useLive } from '../use-live';
import './style.css';

function Avg({ value, lang, t }: { value: CommuneAverage; lang: string; t: (k: string) => string }) {
  return value ? <>{formatNumber(value.average, { maximumFractionDigits: 1 }, lang)}</> : <>{t('verified.tooFew')}</>;
}

function ComparisonTable({ c, lang }: { c: Comparison; lang: string }) {
  const t = useT('sync');
  const id = useId();
  const label = (g: { vi: string; en: string }) => (lang === 'vi' ? g.vi : g.en);
  const num = (n: number | null) => (n === null ? '—' : formatNumber(n, { maximumFractionDigits: 1 }, lang));
  return (
    <table class="verified__table" aria-describedby={`${id}-note`}>
      <caption>{t('verified.comparisonCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('verified.group')}</th>
          <th scope="col">{t('verified.commune')}</th>
          <th scope="col">{t('verified.province')}</th>
          <th scope="col">{c.areaType ? t(`verified.areaType.${c.areaType}`) : t('verified.sameArea')}</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">{t('verified.total', { max: c.total.max })}</th>
          <td>{num(c.total.commune)}</td>
          <td>
            <Avg value={c.total.province} lang={lang} t={t} />
          </td>
          <td>
            <Avg value={c.total.areaType} lang={lang} t={t} />
          </td>
        </tr>
        {c.groups.map((g) => (
          <tr key={g.id}>
            <th scope="row">{label(g)}</th>
            <td>{num(g.commune)}</td>
            <td>
              <Avg value={g.province} lang={lang} t={t} />
            </td>
            <td>
              <Avg value={g.areaType} lang={lang} t={t} />
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={4} id={`${id}-note`}>
            {t('verified.comparisonNote')}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

export function VerifiedResult({ assessmentId }: { assessmentId: string }) {
  const t = useT('sync');
  const lang = useLanguage();
  const id = useId();
  const row = useLive(() => getDb().verifiedResults.get(assessmentId), [assessmentId]);
  if (!row) return null;
  const v = row.verification;
  const score = v.score;
  const total = score?.criteria ? score.criteria.total : score?.index;
  const level = score?.criteria ? score.criteria.level : score?.level;
  const adjusted = v.items.filter((i) => i.outcome === 'adjusted');
  return (
    <section class="verified card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('verified.title')}</h2>
      {total !== undefined && (
        <p class="verified__total" data-testid="phone-verified-total">
          {t('verified.score', {
            total: formatNumber(total, { maximumFractionDigits: 2 }, lang),
            level: level ?? '',
          })}
        </p>
      )}
      <p>
        {t('verified.progress', {
          done: v.verifiedCount + v.adjustedCount,
          total: v.itemCount,
          adjusted: v.adjustedCount,
          revision: v.revision,
        })}
      </p>
      {adjusted.length > 0 && (
        <ul class="verified__adjusted">
          {adjusted.map((i) => (
            <li key={i.code}>
              <a href={`#${paths.checklist(assessmentId)}?code=${encodeURIComponent(i.code)}`}>
                <strong>{i.code}</strong>
              </a>
              {i.reason && <span class="verified__reason"> — {i.reason}</span>}
            </li>
          ))}
        </ul>
      )}
      {row.comparison && <ComparisonTable c={row.comparison} lang={lang} />}
      <p class="muted">{t('verified.fetchedAt', { at: formatDateTime(row.fetchedAt, lang) })}</p>
    </section>
  );
}

export default VerifiedResult;
