/** Central and provincial components of a group: shown for context, never answered or scored. */
import { componentLabel } from '../../../domain/catalogue';
import type { CatalogueComponent, CatalogueTranslation } from '../../../domain/types';
import { useT } from '../../../i18n';

interface Props {
  components: readonly CatalogueComponent[];
  translation: CatalogueTranslation | undefined;
}

export function ContextList({ components, translation }: Props) {
  const t = useT('assess');
  if (components.length === 0) return null;
  return (
    <details class="context">
      <summary>
        {t('checklist.context.summary')} <span class="context-count">({components.length})</span>
      </summary>
      <ul class="context-list">
        {components.map((c) => {
          const tr = translation?.components[c.code];
          return (
            <li key={c.code}>
              <span class="card-code">{c.code}</span>{' '}
              <span class={`tier-badge tier-badge--context`}>{t(`checklist.tier.${c.tier}`)}</span>{' '}
              <span lang={tr ? translation?.lang : 'vi'}>{componentLabel(c, translation)}</span>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
