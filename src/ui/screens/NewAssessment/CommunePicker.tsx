/**
 * Commune search: a diacritic-insensitive search box ("ba dinh" finds "Ba Đình") and
 * the matches as a list of buttons. Choosing one shows it as the selection.
 */
import { useMemo, useState } from 'preact/hooks';
import type { Commune, Province } from '../../../domain/admin-units';
import { searchCommunes } from '../../../domain/admin-units';
import { useT } from '../../../i18n';
import { unitTypeKey } from './form';

const MAX_RESULTS = 30;

interface Props {
  province: Province | undefined;
  selected: Commune | undefined;
  onSelect: (c: Commune | undefined) => void;
  error?: string | undefined;
}

export const COMMUNE_INPUT_ID = 'new-commune-search';

export function CommunePicker({ province, selected, onSelect, error }: Props) {
  const t = useT('assess');
  const [query, setQuery] = useState('');
  const results = useMemo(
    () => (province && query.trim() ? searchCommunes(province, query, MAX_RESULTS + 1) : []),
    [province, query],
  );
  const shown = results.slice(0, MAX_RESULTS);
  const describedBy = ['new-commune-hint', error ? 'new-commune-error' : ''].filter(Boolean).join(' ');

  const onInput = (e: Event) => {
    setQuery((e.currentTarget as HTMLInputElement).value);
    if (selected) onSelect(undefined);
  };

  let status = '';
  if (province && query.trim() && !selected) {
    if (results.length === 0) status = t('new.commune.none', { query: query.trim() });
    else if (results.length > MAX_RESULTS) status = t('new.commune.many', { n: MAX_RESULTS });
    else status = t('new.commune.count', { n: results.length });
  }

  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <label for={COMMUNE_INPUT_ID}>{t('new.commune.label')}</label>
      <p id="new-commune-hint" class="field-hint">
        {province ? t('new.commune.hint') : t('new.commune.pickProvinceFirst')}
      </p>
      <input
        id={COMMUNE_INPUT_ID}
        type="search"
        autocomplete="off"
        spellcheck={false}
        value={query}
        disabled={!province}
        onInput={onInput}
        aria-describedby={describedBy}
        aria-invalid={error ? 'true' : undefined}
        aria-controls={!selected && shown.length > 0 ? 'new-commune-results' : undefined}
      />
      {error && (
        <p id="new-commune-error" class="field-error">
          {error}
        </p>
      )}
      {selected && (
        <p class="commune-selected" aria-live="polite">
          {t('new.commune.selected')} <strong>{selected.name}</strong>{' '}
          <span class="unit-type">{t(`unitType.${unitTypeKey(selected.type)}`)}</span>
        </p>
      )}
      <p class="field-status" aria-live="polite">
        {status}
      </p>
      {!selected && shown.length > 0 && (
        <ul id="new-commune-results" class="commune-results" aria-label={t('new.commune.results')}>
          {shown.map((c) => (
            <li key={c.code}>
              <button type="button" class="commune-option" onClick={() => onSelect(c)}>
                <span class="commune-name">{c.name}</span>
                <span class="unit-type">{t(`unitType.${unitTypeKey(c.type)}`)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
