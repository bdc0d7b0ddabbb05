/** Loại địa bàn: one or more checkboxes in a fieldset, with its error. */
import { AREA_TYPES } from '../../../domain/vocabulary';
import type { AreaType } from '../../../domain/types';
import { useT } from '../../../i18n';
import { toggleAreaType } from './form';

interface Props {
  value: AreaType[];
  onChange: (v: AreaType[]) => void;
  error?: string | undefined;
}

export const AREA_FIRST_ID = `new-area-${AREA_TYPES[0]}`;

export function AreaTypesField({ value, onChange, error }: Props) {
  const t = useT('assess');
  const describedBy = ['new-area-hint', error ? 'new-area-error' : ''].filter(Boolean).join(' ');
  return (
    <fieldset class={`field${error ? ' field--error' : ''}`} aria-describedby={describedBy}>
      <legend>{t('new.areaTypes.label')}</legend>
      <p id="new-area-hint" class="field-hint">
        {t('new.areaTypes.hint')}
      </p>
      {AREA_TYPES.map((type) => (
        <label key={type} class="check" for={`new-area-${type}`}>
          <input
            id={`new-area-${type}`}
            type="checkbox"
            checked={value.includes(type)}
            aria-invalid={error ? 'true' : undefined}
            onChange={(e) => onChange(toggleAreaType(value, type, e.currentTarget.checked, AREA_TYPES))}
          />
          <span>{t(`areaType.${type}`)}</span>
        </label>
      ))}
      {error && (
        <p id="new-area-error" class="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
