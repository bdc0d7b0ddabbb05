/**
 * One day of the support log: totals per kind, and each entry with its send state. Entries not
 * yet sent can be edited or deleted (with a confirmation); sent ones are read-only; a refused one
 * shows the server's reason and can be corrected.
 */
import { useState } from 'preact/hooks';
import { getDb } from '../../../db';
import { dayTotals, deleteSupportEntry, entriesOfDay } from '../../../db/team-log';
import type { TeamEntryRow } from '../../../db/team-rows';
import { useT } from '../../../i18n';
import { readServerReason } from '../../../sync/server-reason';
import { announce } from '../../components/announce';
import { Button, LinkButton } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { storageProblemText } from '../../components/storage-problem';
import { navigate, paths } from '../../router';
import { useLive } from '../../sync/use-live';
import { addDays, isDay, localDay, showDay } from './dates';
import { kindLabel, type TeamData } from './team-data';

export function DayView({ data, date }: { data: TeamData; date?: string | undefined }) {
  const t = useT('team');
  const day = isDay(date) ? date : localDay();
  const rows = useLive(() => entriesOfDay(getDb(), day), [day]);
  const [toDelete, setToDelete] = useState<TeamEntryRow>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const confirmDelete = async () => {
    if (!toDelete) return;
    setBusy(true);
    try {
      await deleteSupportEntry(getDb(), toDelete.id);
      announce(t('day.deleted'));
    } catch (err) {
      setError(
        storageProblemText(err, t) ??
          t(err instanceof Error && err.name === 'TeamItemLockedError' ? 'log.locked' : 'log.error.failed'),
      );
    } finally {
      setToDelete(undefined);
      setBusy(false);
    }
  };

  const totals = rows ? dayTotals(day, rows) : undefined;
  const go = (d: string) => navigate(paths.teamDay(d), { replace: true });
  return (
    <Page title={t('day.title', { date: showDay(day) })} class="team-day">
      <div class="team-day__nav">
        <Button onClick={() => go(addDays(day, -1))}>{t('day.prev')}</Button>
        <label class="visually-hidden" for="team-day-pick">
          {t('day.pick')}
        </label>
        <input
          id="team-day-pick"
          type="date"
          class="team-input"
          value={day}
          onChange={(e) => isDay(e.currentTarget.value) && go(e.currentTarget.value)}
        />
        <Button onClick={() => go(addDays(day, 1))} disabled={day >= localDay()}>
          {t('day.next')}
        </Button>
      </div>
      {error && (
        <p class="error-text" role="alert">
          {error}
        </p>
      )}
      {!rows || !totals ? (
        <Loading label={t('common:loading')} />
      ) : (
        <>
          <section class="card team-totals" aria-labelledby="team-totals-title">
            <h2 id="team-totals-title">{t('day.totals')}</h2>
            <p data-residents={totals.residentsHelped}>{t('day.residentsTotal', { count: totals.residentsHelped })}</p>
            <p data-sessions={totals.sessions}>{t('day.sessions', { count: totals.sessions })}</p>
            {totals.sessions > 0 && (
              <ul class="team-totals__kinds">
                {data.kinds
                  .filter((k) => totals.residentsByKind[k.id])
                  .map((k) => (
                    <li key={k.id}>
                      {kindLabel(data.kinds, k.id)}: <strong>{totals.residentsByKind[k.id]}</strong>
                    </li>
                  ))}
              </ul>
            )}
          </section>
          <h2 id="team-entries-title">{t('day.entries')}</h2>
          {rows.length === 0 ? (
            <p>{t('day.empty')}</p>
          ) : (
            <ul class="team-entries" aria-labelledby="team-entries-title">
              {rows.map((r) => (
                <EntryItem key={r.id} row={r} data={data} onDelete={setToDelete} />
              ))}
            </ul>
          )}
        </>
      )}
      <LinkButton variant="primary" class="team-big" href={`#${paths.teamLog()}?date=${day}`}>
        {t('day.add')}
      </LinkButton>
      <ConfirmDialog
        open={toDelete !== undefined}
        title={t('day.deleteTitle')}
        confirmLabel={t('day.delete')}
        cancelLabel={t('common:actions.cancel')}
        danger
        busy={busy}
        onConfirm={() => void confirmDelete()}
        onCancel={() => setToDelete(undefined)}
      >
        {toDelete && (
          <p>
            {t('day.deleteBody', {
              hamlet: toDelete.hamlet,
              kind: kindLabel(data.kinds, toDelete.kind),
              count: toDelete.residents,
            })}
          </p>
        )}
      </ConfirmDialog>
    </Page>
  );
}

function EntryItem({ row, data, onDelete }: { row: TeamEntryRow; data: TeamData; onDelete: (r: TeamEntryRow) => void }) {
  const t = useT('team');
  const reason =
    row.syncState === 'rejected' && row.lastError ? (readServerReason(row.lastError)?.message ?? row.lastError) : undefined;
  return (
    <li class={`team-entry card team-entry--${row.syncState}`}>
      {/* Text nodes only: a hamlet or note is whatever was typed. */}
      <p class="team-entry__head">
        <strong>{row.hamlet}</strong> · {t('day.residents', { count: row.residents })}
      </p>
      <p>{kindLabel(data.kinds, row.kind)}</p>
      {row.note && <p class="team-entry__note">{row.note}</p>}
      <p class="team-entry__state">
        <span class={`team-state team-state--${row.syncState}`}>{t(`day.state.${row.syncState}`)}</span>
        {reason && <span class="error-text"> {reason}</span>}
      </p>
      {row.syncState !== 'sent' && (
        <div class="team-entry__actions">
          <LinkButton href={`#${paths.teamLog(row.id)}`}>{t('day.edit')}</LinkButton>
          <Button variant="danger" onClick={() => onDelete(row)}>
            {t('day.delete')}
          </Button>
        </div>
      )}
    </li>
  );
}
