/**
 * The status of one component: a radio group (fieldset + legend) on one row (issue #10 item 5):
 * 0–3 show their number, N/A its words; each option is a ≥ 44 px target whose accessible name is
 * the scale's full words. Operable with arrow keys like any native radio group.
 */
import type { Status } from '../../../domain/types';
import { statusKey } from './view-model';
import './status-picker.css';

interface Props {
  /** Unique per card: used for the radio name and ids. */
  idBase: string;
  legend: string;
  choices: readonly Status[];
  value: Status | null;
  labelFor: (s: Status) => string;
  disabled: boolean;
  /** `at`: the change event's timeStamp (performance.now() clock), for the save timing. */
  onChange: (s: Status, at: number) => void;
}

export function StatusPicker({ idBase, legend, choices, value, labelFor, disabled, onChange }: Props) {
  return (
    <fieldset class="status-picker" disabled={disabled}>
      <legend class="visually-hidden">{legend}</legend>
      <div class="status-options">
        {choices.map((s) => {
          const key = statusKey(s);
          const id = `${idBase}-st-${key}`;
          const checked = value === s;
          return (
            <label key={key} for={id} class={`status-option status-option--${key}${checked ? ' is-checked' : ''}`}>
              <input
                id={id}
                type="radio"
                name={`${idBase}-status`}
                value={key}
                checked={checked}
                onChange={(e) => onChange(s, e.timeStamp)}
              />
              {s === 'na' ? (
                <span class="status-text">{labelFor(s)}</span>
              ) : (
                <>
                  <span class="status-num" aria-hidden="true">
                    {s}
                  </span>
                  <span class="visually-hidden">{labelFor(s)}</span>
                </>
              )}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
