import type { ComponentChildren } from 'preact';
import { useT } from '../../../i18n';
import { layerName, scoreGroupName, type Reference } from '../use-reference';

type Cells = [ComponentChildren, ComponentChildren];

interface Props<L extends { layer: number }, G extends { id: string; layer: number }> {
  caption: string;
  /** Headers of the two value columns. */
  columns: [string, string];
  layers: readonly L[];
  groups: readonly G[];
  layerCells: (l: L) => Cells;
  groupCells: (g: G) => Cells;
  reference: Reference | undefined;
}

/**
 * A table of the four layers, each followed by its score groups, with two value columns. The
 * dashboard (province vs national) and a submission's score panel (score, answered) both read
 * their numbers in this shape, so a layer or group is named the same way everywhere.
 */
export function LayerGroupTable<L extends { layer: number }, G extends { id: string; layer: number }>(p: Props<L, G>) {
  const t = useT('reviewer');
  return (
    <div class="rv-table-wrap">
      <table class="rv-table">
        <caption>{p.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('score.part')}</th>
            <th scope="col" class="rv-num">
              {p.columns[0]}
            </th>
            <th scope="col" class="rv-num">
              {p.columns[1]}
            </th>
          </tr>
        </thead>
        <tbody>
          {p.layers.map((l) => {
            const [a, b] = p.layerCells(l);
            return [
              <tr key={`l${l.layer}`} class="rv-layer-row">
                <th scope="row">{t('score.layer', { n: l.layer, name: layerName(p.reference, l.layer) })}</th>
                <td class="rv-num">{a}</td>
                <td class="rv-num">{b}</td>
              </tr>,
              ...p.groups
                .filter((g) => g.layer === l.layer)
                .map((g) => {
                  const [c, d] = p.groupCells(g);
                  return (
                    <tr key={`g${g.id}`}>
                      <th scope="row" class="rv-group-cell">
                        {scoreGroupName(p.reference, g.id)}
                      </th>
                      <td class="rv-num">{c}</td>
                      <td class="rv-num">{d}</td>
                    </tr>
                  );
                }),
            ];
          })}
        </tbody>
      </table>
    </div>
  );
}
