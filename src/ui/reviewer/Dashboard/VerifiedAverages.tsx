import { formatNumber, useLanguage, useT } from '../../../i18n';
import type { ProvinceSummary } from '../types';

type Averages = ProvinceSummary['verified'];
const points = (n: number | null, lang: string) => (n === null ? '–' : formatNumber(n, { maximumFractionDigits: 1 }, lang));

interface Props {
  verified: Averages;
  /** What a row's group is called (in the order the server gives the groups). */
  groupName: (id: string) => string;
  /** "Tổng điểm" under a criteria set, "Chỉ số" under the provisional method. */
  totalLabel: string;
  /** Distinguishes the table's caption when several are on the page. */
  caption: string;
}

/**
 * The province's self-assessed averages beside the verified ones (issue #14), over the same
 * communes: those whose latest counted revision has a verification. The server computes both.
 */
export function VerifiedAverages({ verified, groupName, totalLabel, caption }: Props) {
  const t = useT('reviewer');
  const lang = useLanguage();
  if (verified.communes === 0) return <p class="muted">{t('dashboard.verifiedNone')}</p>;
  return (
    <div class="rv-table-wrap">
      <table class="rv-table">
        <caption>
          {caption} <span class="muted">{t('dashboard.verifiedOver', { n: verified.communes })}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.verifiedRow')}</th>
            <th scope="col" class="rv-num">
              {t('dashboard.selfAverage')}
            </th>
            <th scope="col" class="rv-num">
              {t('dashboard.verifiedAverage')}
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{totalLabel}</th>
            <td class="rv-num">{points(verified.index.self, lang)}</td>
            <td class="rv-num">{points(verified.index.verified, lang)}</td>
          </tr>
          {verified.groups.map((g) => (
            <tr key={g.id}>
              <th scope="row">{groupName(g.id)}</th>
              <td class="rv-num">{points(g.self, lang)}</td>
              <td class="rv-num">{points(g.verified, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
