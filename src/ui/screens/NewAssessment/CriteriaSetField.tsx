/**
 * "Bộ tiêu chí đánh giá": which criteria set the new assessment is scored under. Offered: the
 * provisional method, the other bundled sets, and the newest version of each set the commune's
 * province published and this phone downloaded (issue #12). Until the officer picks one, the
 * choice follows the province: its newest published set, else the provisional method. Each
 * option says which set and which version, in the set's own title and notice (the template says
 * it is a TEMPLATE in its own words). The sets are lazy chunks or rows of the phone's store,
 * loaded when this screen opens, never on the first screen; a set downloaded while it is open
 * appears at once.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { listDownloadedSets } from '../../../db/criteria-sets';
import { BUNDLED_CRITERIA_SETS, loadCriteriaSet } from '../../../data/load';
import type { CriteriaSet } from '../../../domain/criteria/schema';
import { formatDate, useLanguage, useT } from '../../../i18n';
import { useLive } from '../../sync/use-live';
import { defaultSetKey, setChoices, type SetChoice } from './set-choices';

interface Props {
  /** The chosen choice's key ("id@version"). */
  value: string;
  onChange: (choice: SetChoice) => void;
  /** The province chosen on the form: its published sets are offered, the newest by default. */
  provinceCode: string;
}

export function CriteriaSetField({ value, onChange, provinceCode }: Props) {
  const t = useT('criteria');
  const lang = useLanguage();
  const [bundled, setBundled] = useState<(CriteriaSet | undefined)[]>();
  /** The officer picked a set: the province's default no longer replaces it. */
  const [picked, setPicked] = useState(false);

  useEffect(() => {
    let live = true;
    // A set that cannot load (offline before its chunk was ever cached) is not offered;
    // the provisional method always is.
    void Promise.all(BUNDLED_CRITERIA_SETS.map((s) => loadCriteriaSet(s.id, s.version).catch(() => undefined))).then(
      (loaded) => live && setBundled(loaded),
    );
    return () => {
      live = false;
    };
  }, []);

  // Live: on 2G the province's set often lands a few seconds after the officer opened this form
  // (right after enrolling); it is offered, and chosen by default, the moment it is stored.
  const published = useLive(
    async () => ({
      provinceCode,
      sets: provinceCode ? await listDownloadedSets(provinceCode).catch(() => []) : [],
    }),
    [provinceCode],
  );

  const ready = bundled !== undefined && published?.provinceCode === provinceCode;
  const choices = useMemo(() => setChoices(bundled ?? [], ready ? published.sets : []), [bundled, published, ready]);

  useEffect(() => {
    if (!ready) return;
    const current = choices.find((c) => c.key === value);
    const key = picked && current ? value : defaultSetKey(choices);
    if (key !== value || !current) onChange(choices.find((c) => c.key === key) ?? choices[0]!);
  }, [ready, choices, picked, value, onChange]);

  const text = (x: { vi: string; en: string }) => (lang === 'en' ? x.en : x.vi);
  return (
    <fieldset class="field criteria-set-field" aria-describedby="new-set-hint">
      <legend>{t('new.label')}</legend>
      <p id="new-set-hint" class="field-hint">
        {t('new.hint')}
      </p>
      {choices.map((choice, i) => {
        const { set } = choice;
        const id = `new-set-${i}`;
        const about = [set && `${id}-version`, set?.notice && `${id}-notice`].filter(Boolean).join(' ');
        return (
          <label key={choice.key} class="check criteria-set-option" for={id}>
            <input
              id={id}
              type="radio"
              name="criteria-set"
              value={choice.key}
              checked={value === choice.key}
              aria-describedby={about || undefined}
              onChange={() => {
                setPicked(true);
                onChange(choice);
              }}
            />
            <span>
              <span class="criteria-set-title">
                {set ? text(set.title) : t('new.provisional')}
                {set?.template && <span class="criteria-set-badge"> {t('new.templateBadge')}</span>}
              </span>
              {set && (
                <span id={`${id}-version`} class="criteria-set-version">
                  {choice.publishedAt
                    ? t('new.versionPublished', { version: set.version, date: formatDate(choice.publishedAt, lang) })
                    : t('new.version', { version: set.version })}
                </span>
              )}
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
