/**
 * One support entry in a few taps: the day (today by default), the thôn/tổ dân phố (the last ones
 * offered again), the help given (the kinds file), residents (large − / + buttons), an optional
 * note that warns against personal data. "Đã lưu" only once the entry is committed to IndexedDB.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { getDb } from '../../../db';
import { InvalidInputError } from '../../../db/errors';
import { recentHamlets, saveSupportEntry, TeamItemLockedError } from '../../../db/team-log';
import { kickTeamOutbox } from '../../../sync/team-kick';
import { useT } from '../../../i18n';
import { announce } from '../../components/announce';
import { Button, LinkButton } from '../../components/Button';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { storageProblemText } from '../../components/storage-problem';
import { navigate, paths } from '../../router';
import { isDay, localDay, showDay } from './dates';
import { ResidentsField } from './ResidentsField';
import { kindLabel, type TeamData } from './team-data';

interface Draft {
  date: string;
  hamlet: string;
  kind: string;
  residents: string;
  note: string;
}

type Status =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; n: number } | { kind: 'error'; text: string; field?: string };

export function LogForm({ data, id, date }: { data: TeamData; id?: string | undefined; date?: string | undefined }) {
  const t = useT('team');
  const uid = useId();
  const [draft, setDraft] = useState<Draft>({
    date: isDay(date) ? date : localDay(),
    hamlet: '',
    kind: '',
    residents: '1',
    note: '',
  });
  const [loaded, setLoaded] = useState<'yes' | 'missing' | 'sent' | undefined>(id === undefined ? 'yes' : undefined);
  const [recent, setRecent] = useState<string[]>([]);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  useEffect(() => {
    const db = getDb();
    void recentHamlets(db).then(setRecent, () => undefined);
    if (id === undefined) return;
    void db.teamEntries.get(id).then((row) => {
      if (!row) return setLoaded('missing');
      setDraft({ date: row.date, hamlet: row.hamlet, kind: row.kind, residents: String(row.residents), note: row.note ?? '' });
      setLoaded(row.syncState === 'sent' ? 'sent' : 'yes');
    });
  }, [id]);

  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    if (status.kind !== 'saving') setStatus({ kind: 'idle' });
  };

  // The tap goes straight to the transaction: nothing is rendered between the click and the
  // commit unless the save is slow (then "Đang lưu…"), as on the checklist's cards (issue #16).
  const inFlight = useRef(false);
  const savedCount = useRef(0);
  const save = (e: Event) => {
    e.preventDefault();
    if (inFlight.current) return;
    if (draft.kind === '') return setStatus({ kind: 'error', text: t('log.error.kind'), field: 'kind' });
    inFlight.current = true;
    const pending = saveSupportEntry(
      getDb(),
      {
        ...(id === undefined ? {} : { id }),
        date: draft.date,
        hamlet: draft.hamlet,
        kind: draft.kind,
        residents: Number(draft.residents),
        note: draft.note,
      },
      data.kindIds,
    );
    const slow = setTimeout(() => setStatus({ kind: 'saving' }), 150);
    pending
      .then((row) => {
        kickTeamOutbox();
        announce(t('log.saved'));
        if (id !== undefined) return navigate(paths.teamDay(row.date), { replace: true });
        // The next entry is often the same day, place and help: only the count and the note start over.
        setDraft((d) => ({ ...d, residents: '1', note: '' }));
        setRecent((r) => [row.hamlet, ...r.filter((h) => h !== row.hamlet)].slice(0, 6));
        setStatus({ kind: 'saved', n: ++savedCount.current });
      })
      .catch((err: unknown) => {
        if (err instanceof InvalidInputError)
          return setStatus({
            kind: 'error',
            text: t(`log.error.${err.field}`, { defaultValue: t('log.error.failed') }),
            field: err.field,
          });
        if (err instanceof TeamItemLockedError)
          return setStatus({ kind: 'error', text: t(`log.${err.reason === 'sent' ? 'locked' : 'sending'}`) });
        setStatus({ kind: 'error', text: storageProblemText(err, t) ?? t('log.error.failed') });
      })
      .finally(() => {
        clearTimeout(slow);
        inFlight.current = false;
      });
  };

  const title = id === undefined ? t('log.title') : t('log.editTitle');
  if (loaded === undefined) return <Loading label={t('common:loading')} />;
  if (loaded !== 'yes') {
    return (
      <Page title={title}>
        <p role="alert">{t(loaded === 'missing' ? 'log.notFound' : 'log.locked')}</p>
        <LinkButton href={`#${paths.teamDay(draft.date)}`}>{t('log.dayLink', { date: showDay(draft.date) })}</LinkButton>
      </Page>
    );
  }
  const err = (field: string) => (status.kind === 'error' && status.field === field ? `${uid}-err` : undefined);
  return (
    <Page title={title}>
      <form class="team-form stack" onSubmit={save} noValidate>
        <label for={`${uid}-date`} class="team-label">
          {t('log.date')}
        </label>
        <input
          id={`${uid}-date`}
          type="date"
          class="team-input"
          value={draft.date}
          max={localDay()}
          aria-invalid={err('date') ? true : undefined}
          aria-describedby={err('date')}
          onInput={(e) => set({ date: e.currentTarget.value })}
        />
        <label for={`${uid}-hamlet`} class="team-label">
          {t('log.hamlet')}
        </label>
        <input
          id={`${uid}-hamlet`}
          class="team-input"
          value={draft.hamlet}
          maxLength={100}
          autocomplete="off"
          aria-invalid={err('hamlet') ? true : undefined}
          aria-describedby={err('hamlet')}
          onInput={(e) => set({ hamlet: e.currentTarget.value })}
        />
        {recent.length > 0 && (
          <div class="team-chips" role="group" aria-label={t('log.recent')}>
            <span class="muted" aria-hidden="true">
              {t('log.recent')}
            </span>
            {recent.map((h) => (
              <button
                type="button"
                key={h}
                class="team-chip"
                aria-pressed={draft.hamlet === h}
                onClick={() => set({ hamlet: h })}
              >
                {h}
              </button>
            ))}
          </div>
        )}
        <fieldset class="team-kinds" aria-describedby={err('kind')}>
          <legend class="team-label">{t('log.kind')}</legend>
          {data.kinds.map((k) => (
            <label key={k.id} class="team-choice">
              <input
                type="radio"
                name={`${uid}-kind`}
                value={k.id}
                checked={draft.kind === k.id}
                onChange={() => set({ kind: k.id })}
              />
              <span>{kindLabel(data.kinds, k.id)}</span>
            </label>
          ))}
        </fieldset>
        <ResidentsField
          id={`${uid}-residents`}
          value={draft.residents}
          invalid={err('residents')}
          onChange={(residents) => set({ residents })}
        />
        <label for={`${uid}-note`} class="team-label">
          {t('log.note')}
        </label>
        <p id={`${uid}-note-warn`} class="team-warning">
          {t('log.noteWarning')}
        </p>
        <textarea
          id={`${uid}-note`}
          class="team-input"
          rows={2}
          maxLength={500}
          value={draft.note}
          aria-describedby={[`${uid}-note-warn`, err('note')].filter(Boolean).join(' ')}
          onInput={(e) => set({ note: e.currentTarget.value })}
        />
        {status.kind === 'error' && (
          <p id={`${uid}-err`} class="error-text" role="alert">
            {status.text}
          </p>
        )}
        {/* Saved from the click itself (Enter in a field clicks this button too): preventDefault
            there skips the browser's form submission steps between the tap and the write (issue #16). */}
        <Button type="submit" variant="primary" class="team-big" busy={status.kind === 'saving'} onClick={save}>
          {status.kind === 'saving' ? t('log.saving') : t('log.save')}
        </Button>
        <p class="team-saved" aria-live="polite" data-saves={status.kind === 'saved' ? status.n : 0}>
          {status.kind === 'saved' ? t('log.savedNext') : ''}
        </p>
      </form>
      <LinkButton variant="quiet" href={`#${paths.teamDay(draft.date)}`}>
        {t('log.dayLink', { date: showDay(draft.date) })}
      </LinkButton>
    </Page>
  );
}
