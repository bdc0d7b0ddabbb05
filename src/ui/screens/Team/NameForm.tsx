/**
 * The member's display name. After a team enrollment the phone asks this one thing; later "Đổi tên"
 * on the team home opens the same form with the name filled in. The name goes up as the phone's
 * label (team-label.ts), so the reviewer revoking a lost phone can tell whose it was.
 */
import { useId, useState } from 'preact/hooks';
import { useT } from '../../../i18n';
import { setDisplayName } from '../../../sync/enrollment';
import { kickTeamOutbox } from '../../../sync/team-kick';
import { announce } from '../../components/announce';
import { Button, LinkButton } from '../../components/Button';
import { Page } from '../../components/Page';
import { navigate, paths } from '../../router';
import { nameSubmit } from './name-change';

export interface NameFormProps {
  communeName: string;
  /** The name the phone holds: given when the member renames it, absent on the first ask. */
  current?: string | undefined;
}

export function NameForm({ communeName, current }: NameFormProps) {
  const t = useT('team');
  const id = useId();
  const renaming = current !== undefined;
  const [name, setName] = useState(current ?? '');
  const [error, setError] = useState<'empty' | 'failed'>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    const outcome = nameSubmit(name, current);
    if (outcome.kind === 'invalid') return setError('empty');
    // Replace: back from the home must not reopen a form already answered.
    if (outcome.kind === 'unchanged') return navigate(paths.home(), { replace: true });
    setBusy(true);
    try {
      // Shown as saved only once IndexedDB holds it: the home reads the name back from there.
      await setDisplayName(outcome.name); // first ask: the enrollment's live query then shows the home
      kickTeamOutbox(); // saved first; the name goes up when there is a signal
      if (renaming) {
        announce(t('name.saved'));
        navigate(paths.home(), { replace: true });
      }
    } catch {
      setError('failed');
      setBusy(false);
    }
  };

  return (
    <Page title={t(renaming ? 'name.renameTitle' : 'name.title')}>
      <form class="team-form stack" onSubmit={(e) => void submit(e)} noValidate>
        <p>{renaming ? t('name.renameIntro') : t('name.intro', { commune: communeName })}</p>
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
        {renaming && <LinkButton href={`#${paths.home()}`}>{t('name.cancel')}</LinkButton>}
      </form>
    </Page>
  );
}
