/**
 * After a team enrollment, the phone asks one thing: a display name. It goes up as the phone's
 * label (team-label.ts), so the reviewer revoking a lost phone can tell whose it was.
 */
import { useId, useState } from 'preact/hooks';
import { useT } from '../../../i18n';
import { cleanDisplayName } from '../../../domain/community/display-name';
import { setDisplayName } from '../../../sync/enrollment';
import { kickTeamOutbox } from '../../../sync/team-kick';
import { Button } from '../../components/Button';
import { Page } from '../../components/Page';

export function NameForm({ communeName }: { communeName: string }) {
  const t = useT('team');
  const id = useId();
  const [name, setName] = useState('');
  const [error, setError] = useState<'empty' | 'failed'>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    const cleaned = cleanDisplayName(name);
    if (cleaned === null) return setError('empty');
    setBusy(true);
    try {
      await setDisplayName(cleaned); // the enrollment's live query then shows the team's home
      kickTeamOutbox(); // saved first; the name goes up when there is a signal
    } catch {
      setError('failed');
      setBusy(false);
    }
  };

  return (
    <Page title={t('name.title')}>
      <form class="team-form stack" onSubmit={(e) => void submit(e)} noValidate>
        <p>{t('name.intro', { commune: communeName })}</p>
        <label for={`${id}-name`} class="team-label">
          {t('name.label')}
        </label>
        <input
          id={`${id}-name`}
          class="team-input"
          value={name}
          maxLength={60}
          autocomplete="nickname"
          aria-invalid={error === 'empty' || undefined}
          aria-describedby={error ? `${id}-err` : undefined}
          onInput={(e) => setName(e.currentTarget.value)}
        />
        {error && (
          <p id={`${id}-err`} class="error-text" role="alert">
            {t(`name.${error}`)}
          </p>
        )}
        <Button type="submit" variant="primary" busy={busy}>
          {t('name.save')}
        </Button>
      </form>
    </Page>
  );
}
