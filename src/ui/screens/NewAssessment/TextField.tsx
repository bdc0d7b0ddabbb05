/** A labelled single-line text input with an optional hint and error (aria-describedby). */
interface Props {
  id: string;
  label: string;
  value: string;
  onInput: (v: string) => void;
  hint?: string | undefined;
  error?: string | undefined;
  maxLength?: number | undefined;
  inputMode?: 'text' | 'numeric' | undefined;
  autocomplete?: string | undefined;
}

export function TextField({ id, label, value, onInput, hint, error, maxLength, inputMode, autocomplete }: Props) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <label for={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} class="field-hint">
          {hint}
        </p>
      )}
      <input
        id={id}
        type="text"
        value={value}
        maxLength={maxLength}
        inputMode={inputMode}
        autocomplete={autocomplete ?? 'off'}
        aria-describedby={describedBy || undefined}
        aria-invalid={error ? 'true' : undefined}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      {error && (
        <p id={`${id}-error`} class="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
