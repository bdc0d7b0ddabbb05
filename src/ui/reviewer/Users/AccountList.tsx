import { useEffect, useState } from 'preact/hooks';
import { formatDateTime, useLanguage, useT } from '../../../i18n';
import { Button } from '../../components/Button';
import { announce } from '../../components/announce';
import { api } from '../api';
import { errorText } from '../errors';
import type { Account } from '../types';

const MIN_PASSWORD = 10;

/**
 * The admin's list of accounts (issue #9, account management): state and last sign-in, disable or
 * enable one (its sessions end at once), reset a password to a temporary one the user must change.
 * `version` changes when an account is created above, so the list reloads.
 */
export function AccountList({ version }: { version: number }) {
  const t = useT('reviewer');
  const lang = useLanguage();
  const [accounts, setAccounts] = useState<Account[] | undefined>();
  const [error, setError] = useState('');
  const [resetting, setResetting] = useState<string | undefined>();
  const [temporary, setTemporary] = useState('');
  const [busy, setBusy] = useState(false);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    api.users(controller.signal).then(
      (r) => setAccounts(r.users),
      (err: unknown) => !controller.signal.aborted && setError(errorText(err, t)),
    );
    return () => controller.abort();
  }, [version, reload, t]);

  const act = async (work: () => Promise<unknown>, done: string) => {
    if (busy) return;
    setBusy(true);
    setError('');
    try {
      await work();
      announce(done);
      setResetting(undefined);
      setTemporary('');
      setReload((n) => n + 1);
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  const state = (a: Account) =>
    a.disabledAt ? t('accounts.disabled') : a.mustChangePassword ? t('accounts.mustChange') : t('accounts.active');

  return (
    <section class="card stack rv-accounts" aria-labelledby="rv-accounts-title">
      <h2 id="rv-accounts-title">{t('accounts.title')}</h2>
      <p class="error-text" role="alert">
        {error}
      </p>
      {accounts && (
        <table class="rv-table">
          <thead>
            <tr>
              <th scope="col">{t('signIn.username')}</th>
              <th scope="col">{t('users.province')}</th>
              <th scope="col">{t('accounts.state')}</th>
              <th scope="col">{t('accounts.lastSignIn')}</th>
              <th scope="col">{t('accounts.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id}>
                <th scope="row">{a.username}</th>
                <td>{a.provinceCode ?? t('accounts.admin')}</td>
                <td>{state(a)}</td>
                <td>{a.lastSignInAt ? formatDateTime(a.lastSignInAt, lang) : t('accounts.never')}</td>
                <td class="rv-accounts__actions">
                  {a.role !== 'admin' && (
                    <Button
                      busy={busy}
                      onClick={() =>
                        void act(
                          () => (a.disabledAt ? api.enableUser(a.id) : api.disableUser(a.id)),
                          t(a.disabledAt ? 'accounts.enabledDone' : 'accounts.disabledDone', { name: a.username }),
                        )
                      }
                    >
                      {t(a.disabledAt ? 'accounts.enable' : 'accounts.disable', { name: a.username })}
                    </Button>
                  )}
                  {a.role !== 'admin' && resetting !== a.id && (
                    <Button onClick={() => setResetting(a.id)}>{t('accounts.reset', { name: a.username })}</Button>
                  )}
                  {resetting === a.id && (
                    <form
                      class="stack"
                      noValidate
                      onSubmit={(e) => {
                        e.preventDefault();
                        if (temporary.length < MIN_PASSWORD) return setError(t('users.shortPassword', { n: MIN_PASSWORD }));
                        void act(() => api.resetPassword(a.id, temporary), t('accounts.resetDone', { name: a.username }));
                      }}
                    >
                      <label for={`rv-reset-${a.id}`}>{t('accounts.temporary', { name: a.username })}</label>
                      <input
                        id={`rv-reset-${a.id}`}
                        type="password"
                        autocomplete="new-password"
                        value={temporary}
                        onInput={(e) => setTemporary(e.currentTarget.value)}
                      />
                      <Button type="submit" variant="primary" busy={busy}>
                        {t('accounts.resetConfirm')}
                      </Button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
