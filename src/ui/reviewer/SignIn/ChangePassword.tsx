import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../../../i18n';
import { Button } from '../../components/Button';
import { Page } from '../../components/Page';
import { announce } from '../../components/announce';
import { ApiError, changePassword, signOut } from '../api';
import { errorText } from '../errors';

// The server refuses shorter ones (ChangePasswordSchema).
const MIN_PASSWORD = 10;

export interface ChangePasswordProps {
  /** The temporary password just typed on the sign-in form; asked for when unknown (after a reload). */
  current?: string;
}

/**
 * The step after signing in with a temporary password the administrator set: the user chooses a
 * new one (PUT /sessions/current/password) before anything else; the session then goes on.
 */
export function ChangePassword({ current }: ChangePasswordProps) {
  const t = useT('reviewer');
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => first.current?.focus(), []);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const currentValue = current ?? currentPassword;
    if (!currentValue) return setError(t('changePassword.missingCurrent'));
    if (newPassword.length < MIN_PASSWORD) return setError(t('users.shortPassword', { n: MIN_PASSWORD }));
    if (newPassword !== repeat) return setError(t('changePassword.mismatch'));
    setBusy(true);
    setError('');
    try {
      await changePassword(currentValue, newPassword);
      announce(t('changePassword.done'));
    } catch (err) {
      setBusy(false);
      const wrongCurrent = err instanceof ApiError && err.status === 403 && err.code === 'forbidden';
      setError(wrongCurrent ? t('changePassword.wrongCurrent') : errorText(err, t));
      first.current?.focus();
    }
  };

  const errorId = 'rv-change-error';
  const described = error ? errorId : undefined;
  return (
    <Page title={t('changePassword.title')} class="rv-signin">
      <p class="muted">{t('changePassword.intro')}</p>
      <form class="rv-signin__form card stack" onSubmit={(e) => void onSubmit(e)} noValidate>
        {current === undefined && (
          <div class="rv-field">
            <label for="rv-current-password">{t('changePassword.current')}</label>
            <input
              ref={first}
              id="rv-current-password"
              type="password"
              autocomplete="current-password"
              value={currentPassword}
              aria-describedby={described}
              onInput={(e) => setCurrentPassword(e.currentTarget.value)}
            />
          </div>
        )}
        <div class="rv-field">
          <label for="rv-new-own-password">{t('changePassword.new')}</label>
          <input
            ref={current === undefined ? undefined : first}
            id="rv-new-own-password"
            type="password"
            autocomplete="new-password"
            value={newPassword}
            aria-describedby={described ? `rv-new-own-hint ${errorId}` : 'rv-new-own-hint'}
            onInput={(e) => setNewPassword(e.currentTarget.value)}
          />
          <span id="rv-new-own-hint" class="muted">
            {t('users.passwordHint', { n: MIN_PASSWORD })}
          </span>
        </div>
        <div class="rv-field">
          <label for="rv-repeat-password">{t('changePassword.repeat')}</label>
          <input
            id="rv-repeat-password"
            type="password"
            autocomplete="new-password"
            value={repeat}
            aria-describedby={described}
            onInput={(e) => setRepeat(e.currentTarget.value)}
          />
        </div>
        <p id={errorId} class="error-text" role="alert">
          {error}
        </p>
        <Button type="submit" variant="primary" busy={busy}>
          {busy ? t('changePassword.busy') : t('changePassword.submit')}
        </Button>
      </form>
      <p>
        <Button onClick={() => void signOut()}>{t('changePassword.signOut')}</Button>
      </p>
    </Page>
  );
}
