import { useMemo, useState } from 'preact/hooks';
import { componentIndex, componentLabel } from '../../../domain/catalogue';
import { useLanguage, useT } from '../../../i18n';
import { Button } from '../../components/Button';
import { weakestFirst } from '../chart-data';
import { formatShare } from '../format';
import type { CoverageRow } from '../types';
import type { Reference } from '../use-reference';

const FIRST = 20;

/** Which components the submitted communes have in use (status 2–3), weakest first. */
export function CoverageTable({
  rows,
  reference,
  areaType,
}: {
  rows: CoverageRow[];
  reference: Reference | undefined;
  areaType?: string;
}) {
  const t = useT('reviewer');
  const lang = useLanguage();
  const [all, setAll] = useState(false);
  const sorted = useMemo(() => weakestFirst(rows), [rows]);
  const shown = all ? sorted : sorted.slice(0, FIRST);
  const index = reference ? componentIndex(reference.catalogue) : undefined;
  const label = (r: CoverageRow) => {
    const c = index?.get(r.code);
    return c ? componentLabel(c, reference?.translation) : r.vi;
  };
  return (
    <section class="rv-dash__coverage" aria-labelledby="rv-coverage-title">
      <h2 id="rv-coverage-title">{t('coverage.title')}</h2>
      <p class="muted">{t('coverage.intro')}</p>
      <div class="rv-table-wrap">
        <table class="rv-table">
          <caption>
            {areaType ? t('coverage.captionArea', { area: t(`common:areaType.${areaType}`) }) : t('coverage.caption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('coverage.component')}</th>
              <th scope="col">{t('coverage.tier')}</th>
              <th scope="col" class="rv-num">
                {t('coverage.covered')}
              </th>
              <th scope="col" class="rv-num">
                {t('coverage.share')}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.code}>
                <th scope="row">
                  <span class="rv-dash__code">{r.code}</span> {label(r)}
                </th>
                <td>
                  {t(`tier.${r.tier}`)}
                  {r.areaType && <span class="rv-code">{t(`common:areaType.${r.areaType}`)}</span>}
                </td>
                <td class="rv-num">{t('coverage.ofCounted', { covered: r.covered, counted: r.counted })}</td>
                <td class="rv-num">
                  <span class="rv-dash__share">
                    <span class="rv-dash__track" aria-hidden="true">
                      <span class="rv-dash__bar" style={{ width: `${Math.round(r.share * 100)}%` }} />
                    </span>
                    <span class="rv-dash__pct">{r.counted > 0 ? formatShare(r.share, lang) : '–'}</span>
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p class="rv-empty">{t('coverage.none')}</p>}
      </div>
      {sorted.length > FIRST && (
        <Button onClick={() => setAll((a) => !a)} aria-expanded={all}>
          {all ? t('coverage.showFewer', { n: FIRST }) : t('coverage.showAll', { n: sorted.length })}
        </Button>
      )}
    </section>
  );
}
