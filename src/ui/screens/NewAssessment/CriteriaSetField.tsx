/**
 * "Bộ tiêu chí đánh giá": which criteria set the new assessment is scored under, chosen once (it
 * never changes afterwards). The provisional method is the default and records nothing (as every
 * older assessment). Each set is named by its own title and notice from its data file, so the
 * template says what it is (a TEMPLATE for a province to adapt) in its own words. The sets are
 * lazy chunks, loaded when this screen opens, never on the first screen.
 */
import { useEffect, useState } from 'preact/hooks';
import { BUNDLED_CRITERIA_SETS, loadCriteriaSet } from '../../../data/load';
import type { CriteriaSet } from '../../../domain/criteria/schema';
import { criteriaSetKey } from '../../../domain/criteria/submission';
import type { CriteriaSetRef } from '../../../domain/types';
import { useLanguage, useT } from '../../../i18n';

/** The provisional method: the default, recorded as no set at all. */
export const PROVISIONAL_KEY = criteriaSetKey(BUNDLED_CRITERIA_SETS[0]);

/** What createAssessment records for a chosen key: nothing for the provisional method. */
export function criteriaSetChoice(key: string): CriteriaSetRef | undefined {
  if (key === PROVISIONAL_KEY) return undefined;
  const found = BUNDLED_CRITERIA_SETS.find((s) => criteriaSetKey(s) === key);
  return found ? { id: found.id, version: found.version } : undefined;
}

interface Props {
  value: string;
  onChange: (key: string) => void;
}

export function CriteriaSetField({ value, onChange }: Props) {
  const t = useT('criteria');
  const lang = useLanguage();
  const [sets, setSets] = useState<(CriteriaSet | undefined)[]>();

  useEffect(() => {
    let live = true;
    // A set that cannot load (offline before its chunk was ever cached) is not offered;
    // the provisional method always is.
    void Promise.all(BUNDLED_CRITERIA_SETS.map((s) => loadCriteriaSet(s.id, s.version).catch(() => undefined))).then(
      (loaded) => live && setSets(loaded),
    );
    return () => {
      live = false;
    };
  }, []);

  const text = (x: { vi: string; en: string }) => (lang === 'en' ? x.en : x.vi);
  return (
    <fieldset class="field criteria-set-field" aria-describedby="new-set-hint">
      <legend>{t('new.label')}</legend>
      <p id="new-set-hint" class="field-hint">
        {t('new.hint')}
      </p>
      {BUNDLED_CRITERIA_SETS.map((ref, i) => {
        const key = criteriaSetKey(ref);
        const set = sets?.[i];
        if (key !== PROVISIONAL_KEY && !set) return null;
        const id = `new-set-${i}`;
        return (
          <label key={key} class="check criteria-set-option" for={id}>
            <input
              id={id}
              type="radio"
              name="criteria-set"
              value={key}
              checked={value === key}
              aria-describedby={set?.notice ? `${id}-notice` : undefined}
              onChange={() => onChange(key)}
            />
            <span>
              <span class="criteria-set-title">
                {set ? text(set.title) : t('new.provisional')}
                {set?.template && <span class="criteria-set-badge"> {t('new.templateBadge')}</span>}
              </span>
              {set?.notice && (
                <span id={`${id}-notice`} class="criteria-set-notice">
                  {text(set.notice)}
                </span>
              )}
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}
