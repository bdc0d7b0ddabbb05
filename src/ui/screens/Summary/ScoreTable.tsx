/** Layer and group scores as a table: the accessible form of the radar. */
import { layerLabel } from '../../../domain/catalogue';
import type { Catalogue, CatalogueTranslation, Methodology, ScoreResult } from '../../../domain/types';
import { formatNumber, useT } from '../../../i18n';
import { scoreGroupLabel } from './view-model';
import './score-table.css';

interface Props {
  result: ScoreResult;
  catalogue: Catalogue;
  methodology: Methodology;
  translation: CatalogueTranslation | undefined;
  lang: string;
  /** Compact (report): no "answered" column. */
  compact?: boolean;
}

export function ScoreTable({ result, catalogue, methodology, translation, lang, compact }: Props) {
  const t = useT('summary');
  const score = (n: number | null) =>
    n === null ? t('table.notApplicable') : formatNumber(n, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return (
    <table class="score-table">
      <caption>{t('table.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('table.part')}</th>
          <th scope="col" class="num">
            {t('table.score')}
          </th>
          {!compact && (
            <th scope="col" class="num">
              {t('table.answered')}
            </th>
          )}
        </tr>
      </thead>
      {result.layers.map((l) => {
        const layer = catalogue.layers.find((x) => x.id === l.layer);
        return (
          <tbody key={l.layer}>
            <tr class="score-layer">
              <th scope="row">{t('table.layer', { n: l.layer, name: layer ? layerLabel(layer, translation) : '' })}</th>
              <td class="num">{score(l.score)}</td>
              {!compact && <td />}
            </tr>
            {result.groups
              .filter((g) => g.layer === l.layer)
              .map((g) => (
                <tr key={g.id} class="score-group">
                  <th scope="row">{scoreGroupLabel(methodology, g.id, lang)}</th>
                  <td class="num">{score(g.score)}</td>
                  {!compact && <td class="num">{t('table.answeredOf', { answered: g.answered, total: g.applicable })}</td>}
                </tr>
              ))}
          </tbody>
        );
      })}
    </table>
  );
}
