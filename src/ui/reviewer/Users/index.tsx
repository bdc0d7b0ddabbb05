import { useEffect, useState } from 'preact/hooks';
import type { Province } from '../../../domain/admin-units';
import { loadAdminUnits } from '../../../data/load';
import { useT } from '../../../i18n';
import { Button } from '../../components/Button';
import { Page } from '../../components/Page';
import { announce } from '../../components/announce';
import { api } from '../api';
import { errorText } from '../errors';
import { AccountList } from './AccountList';
import './style.css';

const USERNAME = /^[a-z0-9._-]{3,40}$/;
// The server refuses shorter ones (src/server/auth/passwords.ts).
const MIN_PASSWORD = 10;

/** #/review/users (admin) — create a reviewer account for one province. */
export function Users() {
  const t = useT('reviewer');
  const [provinces, setProvinces] = useState<Province[]>([]);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [province, setProvince] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const [created, setCreated] = useState(0);

  useEffect(() => {
    loadAdminUnits().then(
      (u) => setProvinces(u.provinces),
      () => undefined,
    );
  }, []);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setDone('');
    const name = username.trim().toLowerCase();
    if (!USERNAME.test(name)) return setError(t('users.badUsername'));
    if (password.length < MIN_PASSWORD) return setError(t('users.shortPassword', { n: MIN_PASSWORD }));
    if (!province) return setError(t('users.chooseProvince'));
    setBusy(true);
    setError('');
    try {
      await api.createUser({ username: name, password, role: 'reviewer', provinceCode: province });
      const msg = t('users.created', { name, province: provinces.find((p) => p.code === province)?.name ?? province });
      setDone(msg);
      announce(msg);
      setUsername('');
      setPassword('');
      setCreated((n) => n + 1);
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('users.title')} class="rv-page rv-users">
      <p class="muted">{t('users.intro')}</p>
      <form class="card stack rv-users__form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <div class="rv-field">
          <label for="rv-new-username">{t('signIn.username')}</label>
          <input
            id="rv-new-username"
            autocomplete="off"
            autocapitalize="none"
            spellcheck={false}
            value={username}
            aria-describedby="rv-new-username-hint"
            onInput={(e) => setUsername(e.currentTarget.value)}
          />
          <span id="rv-new-username-hint" class="muted">
            {t('users.usernameHint')}
          </span>
        </div>
        <div class="rv-field">
          <label for="rv-new-password">{t('signIn.password')}</label>
          <input
            id="rv-new-password"
            type="password"
            autocomplete="new-password"
            value={password}
            aria-describedby="rv-new-password-hint"
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
          <span id="rv-new-password-hint" class="muted">
            {t('users.passwordHint', { n: MIN_PASSWORD })}
          </span>
        </div>
        <div class="rv-field">
          <label for="rv-new-province">{t('users.province')}</label>
          <select id="rv-new-province" value={province} onChange={(e) => setProvince(e.currentTarget.value)}>
            <option value="">{t('users.chooseProvince')}</option>
            {provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <p class="error-text" role="alert">
          {error}
        </p>
        <p class="rv-users__done" role="status">
          {done}
        </p>
        <Button type="submit" variant="primary" busy={busy}>
          {t('users.create')}
        </Button>
      </form>
      <AccountList version={created} />
    </Page>
  );
}
