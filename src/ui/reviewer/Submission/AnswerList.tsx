import { useMemo, useState } from 'preact/hooks';
import { groupLabel, layerLabel } from '../../../domain/catalogue';
import type { Answer, AreaType } from '../../../domain/types';
import { useT } from '../../../i18n';
import { filterLayers, groupAnswers, unknownAnswers, type ItemFilter } from '../answer-groups';
import type { Reference } from '../use-reference';
import { AnswerItem } from './AnswerItem';

interface Props {
  reference: Reference;
  areaTypes: AreaType[];
  answers: Answer[];
  /** Components changed by the latest revision: highlighted. */
  changed: ReadonlySet<string>;
  /** The comments of the current verdict, per component. */
  priorComments: Readonly<Record<string, string>>;
  comments: Readonly<Record<string, string>>;
  onComment: (code: string, text: string) => void;
  /** Codes listed elsewhere (a criteria set's own indicators, in IndicatorList): not "unknown". */
  listedElsewhere?: ReadonlySet<string>;
}

/** The answers grouped by layer and group, as the commune saw them, with a comment box each. */
export function AnswerList(props: Props) {
  const { reference, areaTypes, answers, changed, priorComments, comments, onComment, listedElsewhere } = props;
  const t = useT('reviewer');
  const [filter, setFilter] = useState<ItemFilter>('all');
  const { catalogue, translation } = reference;
  const all = useMemo(() => groupAnswers(catalogue, areaTypes, answers), [catalogue, areaTypes, answers]);
  const layers = useMemo(() => filterLayers(all, filter, changed), [all, filter, changed]);
  const unknown = useMemo(
    () => unknownAnswers(catalogue, answers).filter((a) => !listedElsewhere?.has(a.code)),
    [catalogue, answers, listedElsewhere],
  );
  const filters: ItemFilter[] = changed.size > 0 ? ['all', 'changed', 'weak'] : ['all', 'weak'];

  return (
    <section class="rv-answers" aria-labelledby="rv-answers-title">
      <h2 id="rv-answers-title">{t('answers.title')}</h2>
      <fieldset class="rv-answers__filter">
        <legend>{t('answers.show')}</legend>
        {filters.map((f) => (
          <label key={f}>
            <input type="radio" name="rv-answer-filter" value={f} checked={filter === f} onChange={() => setFilter(f)} />
            {t(`answers.filter.${f}`, { n: changed.size })}
          </label>
        ))}
      </fieldset>
      {layers.length === 0 && <p>{t('answers.noneMatch')}</p>}
      {layers.map((l) => {
        const layer = catalogue.layers.find((x) => x.id === l.layer);
        return (
          <section key={l.layer} class="rv-answers__layer" aria-labelledby={`rv-layer-${l.layer}`}>
            <h3 id={`rv-layer-${l.layer}`}>
              {t('score.layer', { n: l.layer, name: layer ? layerLabel(layer, translation) : '' })}
            </h3>
            {l.groups.map((g) => (
              <section key={g.group.code} class="rv-answers__group" aria-labelledby={`rv-group-${g.group.code}`}>
                <h4 id={`rv-group-${g.group.code}`}>
                  {groupLabel(g.group, translation)} <span class="muted">({g.group.code})</span>
                </h4>
                <ul class="rv-answers__list">
                  {g.items.map((item) => (
                    <AnswerItem
                      key={item.component.code}
                      item={item}
                      reference={reference}
                      changed={changed.has(item.component.code)}
                      priorComment={priorComments[item.component.code]}
                      comment={comments[item.component.code] ?? ''}
                      onComment={(text) => onComment(item.component.code, text)}
                    />
                  ))}
                </ul>
              </section>
            ))}
          </section>
        );
      })}
      {unknown.length > 0 && <p class="rv-sub__gate">{t('answers.unknown', { codes: unknown.map((a) => a.code).join(', ') })}</p>}
    </section>
  );
}
