/** The number of residents: typed, or changed with two large buttons (gloves, sun, a shaky hand). */
import { useT } from '../../../i18n';

const MIN = 1;
const MAX = 500;

export function ResidentsField(p: { id: string; value: string; invalid?: string | undefined; onChange: (v: string) => void }) {
  const t = useT('team');
  const n = Number.parseInt(p.value, 10);
  const step = (d: number) => p.onChange(String(Math.min(MAX, Math.max(MIN, (Number.isFinite(n) ? n : 0) + d))));
  return (
    <div class="team-residents">
      <label for={p.id} class="team-label">
        {t('log.residents')}
      </label>
      <div class="team-residents__row">
        <button type="button" class="team-step" aria-label={t('log.less')} disabled={n <= MIN} onClick={() => step(-1)}>
          −
        </button>
        <input
          id={p.id}
          class="team-input team-residents__input"
          inputMode="numeric"
          pattern="[0-9]*"
          value={p.value}
          aria-invalid={p.invalid ? true : undefined}
          aria-describedby={p.invalid}
          onInput={(e) => p.onChange(e.currentTarget.value.replace(/\D/g, ''))}
        />
        <button type="button" class="team-step" aria-label={t('log.more')} disabled={n >= MAX} onClick={() => step(1)}>
          +
        </button>
      </div>
    </div>
  );
}
