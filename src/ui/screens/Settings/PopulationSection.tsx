/**
 * "Dân số của xã" (issue #15): measured indicators per 1,000 inhabitants divide by it. The officer
 * enters it here once; it is saved on the phone first (shown saved only then), sent when there is
 * a signal, and the server's figure (a reviewer may correct it) comes back with the next sync.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { getDb } from '../../../db';
import { getSetting } from '../../../db/settings';
import { formatNumber, useLanguage, useT } from '../../../i18n';
import { isTeamPhone } from '../../../sync/enrollment';
import { enterPopulation, parsePopulation, pushPopulation } from '../../../sync/population';
import { readServerReason } from '../../../sync/server-reason';
import { Button } from '../../components/Button';
import { useEnrollment, useLive } from '../../sync/use-live';

export const POPULATION_SECTION_ID = 'settings-population';

export function PopulationSection({ focus = false }: { focus?: boolean }) {
  const t = useT('settings');
  const lang = useLanguage();
  const enrollment = useEnrollment();
  const code = enrollment?.communeCode;
  const held = useLive(async () => {
    const db = getDb();
    const draft = await getSetting('communePopulationDraft', db);
    const synced = await getSetting('communePopulation', db);
    return { draft: draft?.communeCode === code ? draft : undefined, synced: synced?.communeCode === code ? synced : undefined };
  }, [code]);
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState<'format' | 'range' | 'saveFailed'>();
  const [busy, setBusy] = useState(false);
  // Opened from a measured card that lacks the population: to the box at once, once it is drawn
  // (after the page has put focus on its heading).
  const input = useRef<HTMLInputElement>(null);
  const focused = useRef(false);
  useEffect(() => {
    if (!focus || focused.current || !input.current) return;
    focused.current = true;
    input.current.focus();
  });
  if (!enrollment || isTeamPhone(enrollment) || !held) return null;

  const save = async (e: Event) => {
    e.preventDefault();
    const parsed = parsePopulation(text);
    if (!parsed.ok) return setInvalid(parsed.reason);
    setBusy(true);
    try {
      await enterPopulation(parsed.value);
      setInvalid(undefined);
      setText('');
      void pushPopulation({ force: true }).catch(() => undefined);
    } catch {
      setInvalid('saveFailed');
    } finally {
      setBusy(false);
    }
  };

  const { draft, synced } = held;
  const shown = draft?.population ?? synced?.population;
  const refused = draft?.error !== undefined ? readServerReason(draft.error) : undefined;
  const status = draft
    ? draft.error !== undefined
      ? t('population.refused', { reason: refused?.message ?? draft.error })
      : t('population.queued')
    : synced
      ? t('population.synced')
      : t('population.none');
  const errorId = `${POPULATION_SECTION_ID}-error`;
  return (
    <section class="settings-section card" id={POPULATION_SECTION_ID} aria-labelledby={`${POPULATION_SECTION_ID}-title`}>
      <h2 id={`${POPULATION_SECTION_ID}-title`}>{t('population.title')}</h2>
      <p>{t('population.intro')}</p>
      {shown !== undefined && (
        <p data-population-current>
          {t('population.current', { value: formatNumber(shown, { maximumFractionDigits: 0 }, lang) })}
        </p>
      )}
      <p class={draft?.error !== undefined ? 'error-text' : 'muted'} role="status" data-population-status>
        {status}
      </p>
      <form class="stack" onSubmit={(e) => void save(e)} noValidate>
        <label for={`${POPULATION_SECTION_ID}-input`}>{t('population.label')}</label>
        <input
          id={`${POPULATION_SECTION_ID}-input`}
          class="settings-number"
          inputMode="numeric"
          autocomplete="off"
          ref={input}
          value={text}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={invalid ? errorId : undefined}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        {invalid && (
          <p id={errorId} class="error-text" role="alert">
            {t(`population.${invalid}`)}
          </p>
        )}
        <div class="actions">
          <Button variant="primary" type="submit" busy={busy}>
            {t('population.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
