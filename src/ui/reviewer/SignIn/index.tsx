import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../../../i18n';
import { Button } from '../../components/Button';
import { Page } from '../../components/Page';
import { announce } from '../../components/announce';
import { navigate } from '../../router';
import { signIn } from '../api';
import { errorKey } from '../errors';
import { reviewPaths } from '../routes';
import type { StoredSession } from '../session';
import { ChangePassword } from './ChangePassword';
import './style.css';

export interface SignInProps {
  /** Where to go once signed in (a path under /review). */
  next?: string;
  /** Already signed in: go on at once, or first choose a new password when the admin reset it. */
  signedIn?: StoredSession;
}

/** #/review/sign-in — username and password; the token lives in this tab only. */
export function SignIn({ next, signedIn }: SignInProps) {
  const t = useT('reviewer');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ key: string; message: string } | undefined>();
  const userRef = useRef<HTMLInputElement>(null);
  const passRef = useRef<HTMLInputElement>(null);
  // The password being signed in with: when it is a temporary one the change step need not ask
  // for it again. A ref, set before the call, because the session's arrival re-renders first.
  const typed = useRef<string | undefined>(undefined);
  const mustChange = signedIn?.user.mustChangePassword === true;

  useEffect(() => {
    if (signedIn && !mustChange) navigate(next ?? reviewPaths.communes(), { replace: true });
  }, [signedIn, mustChange]);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    if (!username.trim() || !password) {
      setError({ key: 'signIn.missing', message: '' });
      (username.trim() ? passRef : userRef).current?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    typed.current = password;
    try {
      const user = await signIn(username.trim(), password);
      announce(t('signIn.welcome', { name: user.username }));
      if (user.mustChangePassword) {
        setBusy(false);
        setPassword('');
      } else {
        navigate(next ?? reviewPaths.communes(), { replace: true });
      }
    } catch (err) {
      typed.current = undefined;
      setBusy(false);
      setPassword('');
      const key = errorKey(err);
      setError({ key: `errors.${key}`, message: err instanceof Error ? err.message : String(err) });
      passRef.current?.focus();
    }
  };

  if (mustChange) return <ChangePassword current={typed.current} />;

  const errorId = 'rv-signin-error';
  return (
    <Page title={t('signIn.title')} class="rv-signin">
      <p class="muted">{t(next ? 'signIn.introNext' : 'signIn.intro')}</p>
      <form class="rv-signin__form card stack" onSubmit={(e) => void onSubmit(e)} noValidate>
        <div class="rv-field">
          <label for="rv-username">{t('signIn.username')}</label>
          <input
            ref={userRef}
            id="rv-username"
            name="username"
            autocomplete="username"
            autocapitalize="none"
            spellcheck={false}
            required
            value={username}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onInput={(e) => setUsername(e.currentTarget.value)}
          />
        </div>
        <div class="rv-field">
          <label for="rv-password">{t('signIn.password')}</label>
          <input
            ref={passRef}
            id="rv-password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
            value={password}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </div>
        <p id={errorId} class="error-text" role="alert">
          {error ? t(error.key, { message: error.message }) : ''}
        </p>
        <Button type="submit" variant="primary" busy={busy}>
          {busy ? t('signIn.busy') : t('signIn.submit')}
        </Button>
      </form>
      <p class="muted rv-signin__note">{t('signIn.sharedPc')}</p>
    </Page>
  );
}
