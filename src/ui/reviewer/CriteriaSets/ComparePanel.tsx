import { useMemo, useState } from 'preact/hooks';
import type { CriteriaSet } from '../../../domain/criteria';
import { diffCriteriaSets } from '../../../domain/criteria/diff';
import { useT } from '../../../i18n';
import { Loading } from '../../components/Loading';
import { defaultPair } from '../criteria-sets-view';
import { LoadFailed } from '../LoadFailed';
import type { CriteriaSetMeta } from '../types';
import { useLoad } from '../use-load';
import { DiffView } from './DiffView';

/** Any two stored versions side by side: indicators added, removed, changed and how. */
export function ComparePanel({
  sets,
  load,
}: {
  sets: readonly CriteriaSetMeta[];
  load: (id: string, signal: AbortSignal) => Promise<CriteriaSet>;
}) {
  const t = useT('reviewer');
  const initial = defaultPair(sets);
  const [fromId, setFrom] = useState(initial?.[0] ?? '');
  const [toId, setTo] = useState(initial?.[1] ?? '');
  const [state, reload] = useLoad(
    async (signal) => (fromId && toId && fromId !== toId ? Promise.all([load(fromId, signal), load(toId, signal)]) : undefined),
    [fromId, toId],
  );
  const pair = state.status === 'ready' ? state.data : undefined;
  const diff = useMemo(() => pair && diffCriteriaSets(pair[0], pair[1]), [pair]);

  const select = (id: string, label: string, value: string, onChange: (v: string) => void) => (
    <div class="rv-field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {sets.map((s) => (
          <option key={s.id} value={s.id}>
            {t('criteriaSets.versionOption', { set: s.setId, version: s.version, status: t(`criteriaSets.${s.status}`) })}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <section class="card stack rv-cs__compare" aria-labelledby="rv-cs-compare-title">
      <h2 id="rv-cs-compare-title">{t('criteriaSets.compareTitle')}</h2>
      {sets.length < 2 ? (
        <p>{t('criteriaSets.needTwo')}</p>
      ) : (
        <>
          <div class="rv-cs__pair">
            {select('rv-cs-from', t('criteriaSets.compareFrom'), fromId, setFrom)}
            {select('rv-cs-to', t('criteriaSets.compareTo'), toId, setTo)}
          </div>
          {fromId === toId && <p>{t('criteriaSets.sameVersion')}</p>}
          {state.status === 'error' && <LoadFailed error={state.error} onRetry={reload} />}
          {state.status === 'loading' && <Loading label={t('common:loading')} />}
          {pair && diff && <DiffView diff={diff} from={pair[0]} to={pair[1]} />}
        </>
      )}
    </section>
  );
}
