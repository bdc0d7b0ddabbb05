import { useMemo, useState } from 'preact/hooks';
import { useT } from '../../../i18n';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { api } from '../api';
import { countByState, filterCommunes, sortCommunes, COMMUNE_STATES, type SortSpec, type StateFilter } from '../communes';
import { CsvButton } from '../CsvButton';
import { LoadFailed } from '../LoadFailed';
import { reviewPaths } from '../routes';
import type { StoredSession } from '../session';
import { useLoad } from '../use-load';
import { useReference } from '../use-reference';
import { CommuneTable } from './CommuneTable';
import { AccessDialog } from './AccessDialog';
import { EnrollmentDialog } from './EnrollmentDialog';
import { ProvinceTable } from './ProvinceTable';
import './style.css';

/** #/review — the communes of the reviewer's province; an admin without a province sees them all. */
export function Communes({ session, province }: { session: StoredSession; province?: string }) {
  const t = useT('reviewer');
  if (province) return <ProvinceCommunes province={province} admin={session.user.role === 'admin'} />;
  if (session.user.role === 'admin') return <ProvinceTable />;
  return (
    <Page title={t('communes.title')} class="rv-page">
      <p>{t('communes.noProvince')}</p>
    </Page>
  );
}

function ProvinceCommunes({ province, admin }: { province: string; admin: boolean }) {
  const t = useT('reviewer');
  const ref = useReference();
  const [state, reload] = useLoad((signal) => api.communes(province, signal), [province]);
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<StateFilter>('all');
  const [sort, setSort] = useState<SortSpec>({ key: 'name', dir: 'asc' });
  const [enrolling, setEnrolling] = useState<{ code: string; name: string } | undefined>();
  const [access, setAccess] = useState<{ code: string; name: string } | undefined>();

  const rows = state.data?.communes;
  const counts = useMemo(() => countByState(rows ?? []), [rows]);
  const shown = useMemo(
    () => sortCommunes(filterCommunes(rows ?? [], { state: filter, query }), sort),
    [rows, filter, query, sort],
  );
  const title = state.data ? t('communes.titleOf', { province: state.data.provinceName }) : t('communes.title');

  return (
    <Page title={title} class="rv-page rv-communes">
      {admin && (
        <p>
          <a href={`#${reviewPaths.communes()}`}>{t('communes.allProvinces')}</a>
        </p>
      )}
      {state.status === 'error' && <LoadFailed error={state.error} onRetry={reload} />}
      {!rows && state.status === 'loading' && <Loading label={t('common:loading')} />}
      {rows && (
        <>
          <p class="rv-communes__summary">
            {t('communes.submittedOf', { submitted: rows.length - counts['not-submitted'], total: rows.length })}
          </p>
          <div class="rv-communes__tools">
            <div class="rv-field">
              <label for="rv-search">{t('communes.search')}</label>
              <input
                id="rv-search"
                type="search"
                value={query}
                placeholder={t('communes.searchPlaceholder')}
                onInput={(e) => setQuery(e.currentTarget.value)}
              />
            </div>
            <div class="rv-field">
              <label for="rv-state">{t('communes.filter')}</label>
              <select id="rv-state" value={filter} onChange={(e) => setFilter(e.currentTarget.value as StateFilter)}>
                {(['all', ...COMMUNE_STATES] as StateFilter[]).map((s) => (
                  <option key={s} value={s}>
                    {t('communes.filterOption', { label: t(`states.${s}`), n: counts[s] })}
                  </option>
                ))}
              </select>
            </div>
            <CsvButton kind="communes" province={province} />
          </div>
          <p class="muted" role="status" aria-live="polite">
            {t('communes.shown', { shown: shown.length, total: rows.length })}
          </p>
          <CommuneTable
            rows={shown}
            sort={sort}
            onSort={setSort}
            reference={ref}
            onEnroll={(row) => setEnrolling({ code: row.code, name: row.name })}
            onAccess={(row) => setAccess({ code: row.code, name: row.name })}
          />
        </>
      )}
      {enrolling && <EnrollmentDialog commune={enrolling} onClose={() => setEnrolling(undefined)} />}
      {access && <AccessDialog commune={access} onClose={() => setAccess(undefined)} />}
    </Page>
  );
}
