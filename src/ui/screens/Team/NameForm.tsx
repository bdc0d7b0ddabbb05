/** After a team enrollment, the phone asks one thing: a display name (kept on this phone only). */
import { useId, useState } from 'preact/hooks';
import { useT } from '../../../i18n';
import { setDisplayName } from '../../../sync/enrollment';
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
    const trimmed = name.normalize('NFC').trim();
    if (trimmed === '' || [...trimmed].length > 60) return setError('empty');
    setBusy(true);
    try {
      await setDisplayName(trimmed); // the enrollment's live query then shows the team's home
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
