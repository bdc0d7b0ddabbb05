/**
 * The province's verdict in words: the reviewer's general comment and one comment per
 * component, each linking to that component in the checklist so the officer can fix it there.
 * Shown once the assessment is returned or accepted; live from the store.
 */
import { useEffect, useId, useState } from 'preact/hooks';
import { loadCatalogue, loadCatalogueTranslation } from '../../../data/load';
import { componentIndex, componentLabel } from '../../../domain/catalogue';
import type { CatalogueComponent, CatalogueTranslation } from '../../../domain/types';
import { useLanguage, useT } from '../../../i18n';
import { paths } from '../../router';
import { useSyncView } from '../use-live';
import './style.css';

/** Labels are a nicety: until the chunks load (or if they cannot), the codes stand alone. */
function useLabels(): { index?: ReadonlyMap<string, CatalogueComponent>; translation?: CatalogueTranslation } {
  const lang = useLanguage();
  const [labels, setLabels] = useState<{ index?: ReadonlyMap<string, CatalogueComponent>; translation?: CatalogueTranslation }>(
    {},
  );
  useEffect(() => {
    let alive = true;
    Promise.all([loadCatalogue(), loadCatalogueTranslation(lang)]).then(
      ([catalogue, translation]) => alive && setLabels({ index: componentIndex(catalogue), translation }),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [lang]);
  return labels;
}

interface ItemNotesProps {
  items: readonly { code: string; text: string }[];
  assessmentId: string;
  index?: ReadonlyMap<string, CatalogueComponent>;
  translation?: CatalogueTranslation;
  testId?: string;
}

/** One note per item (a reviewer's comment, an evidence request), each linking to the item's card. */
function ItemNotes({ items, assessmentId, index, translation, testId }: ItemNotesProps) {
  return (
    <ul class="review-comments__list" data-testid={testId}>
      {items.map(({ code, text }) => {
        const component = index?.get(code);
        return (
          <li key={code}>
            <a href={`#${paths.checklist(assessmentId)}?code=${encodeURIComponent(code)}`}>
              <strong>{code}</strong>
              {component && <span class="review-comments__label"> — {componentLabel(component, translation)}</span>}
            </a>
            <p class="review-comments__text">{text}</p>
          </li>
        );
      })}
    </ul>
  );
}

export function ReviewComments({ assessmentId }: { assessmentId: string }) {
  const t = useT('sync');
  const id = useId();
  const view = useSyncView(assessmentId);
  const { index, translation } = useLabels();
  const sync = view?.sync;
  if (!sync || (sync.state !== 'returned' && sync.state !== 'accepted')) return null;
  const perComponent = Object.entries(sync.componentComments ?? {});
  const requests = sync.state === 'returned' ? (sync.evidenceRequests ?? []) : [];
  const hasAny = Boolean(sync.reviewComment) || perComponent.length > 0 || requests.length > 0;
  if (!hasAny && sync.state === 'accepted') return null;

  return (
    <section class={`review-comments card review-comments--${sync.state}`} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('review.title')}</h2>
      {!hasAny && <p>{t('review.none')}</p>}
      {sync.reviewComment && (
        <>
          <h3>{t('review.general')}</h3>
          <p class="review-comments__text">{sync.reviewComment}</p>
        </>
      )}
      {perComponent.length > 0 && (
        <>
          <h3>{t('review.components')}</h3>
          <ItemNotes
            items={perComponent.map(([code, text]) => ({ code, text }))}
            assessmentId={assessmentId}
            index={index}
            translation={translation}
          />
        </>
      )}
      {requests.length > 0 && (
        <>
          <h3>{t('verified.evidenceTitle')}</h3>
          <p>{t('verified.evidenceHint')}</p>
          <ItemNotes
            items={requests.map(({ code, note }) => ({ code, text: note }))}
            assessmentId={assessmentId}
            index={index}
            translation={translation}
            testId="evidence-requests"
          />
        </>
      )}
    </section>
  );
}

export default ReviewComments;
