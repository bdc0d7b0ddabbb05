import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { loadAdminUnits } from '../../../data/load';
import { findProvince } from '../../../domain/admin-units';
import { useT } from '../../../i18n';
import { navigate } from '../../router';
import { Button } from '../../components/Button';
import { announce } from '../../components/announce';
import { signOut } from '../api';
import { reviewPaths } from '../routes';
import type { StoredSession } from '../session';
import './style.css';

export type ShellSection = 'communes' | 'dashboard' | 'users' | 'criteria-sets';

/** The province's name ("Tỉnh Đắk Lắk") from the admin units; undefined until loaded or when unknown. */
function useProvinceName(code: string | null | undefined): string | undefined {
  const [name, setName] = useState<string>();
  useEffect(() => {
    if (!code) return;
    let live = true;
    loadAdminUnits().then(
      (units) => live && setName(findProvince(units, code)?.name),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [code]);
  return name;
}

/** The reviewer's bar under the app header: sections, who is signed in, sign out. */
export function Shell({
  session,
  section,
  province,
  children,
}: {
  session: StoredSession;
  section?: ShellSection;
  province?: string;
  children: ComponentChildren;
}) {
  const t = useT('reviewer');
  const [busy, setBusy] = useState(false);
  const admin = session.user.role === 'admin';
  const provinceName = useProvinceName(admin ? undefined : session.user.provinceCode);
  const link = (s: ShellSection, href: string, label: string) => (
    <li>
      <a class="rv-shell__link" href={`#${href}`} aria-current={section === s ? 'page' : undefined}>
        {label}
      </a>
    </li>
  );
  const onSignOut = async () => {
    setBusy(true);
    await signOut();
    announce(t('signIn.signedOut'));
    navigate(reviewPaths.signIn(), { replace: true });
  };
  return (
    <>
      <nav class="rv-shell" aria-label={t('nav.label')}>
        <ul class="rv-shell__links">
          {link(
            'communes',
            reviewPaths.communes(admin ? province : undefined),
            admin && !province ? t('nav.provinces') : t('nav.communes'),
          )}
          {(!admin || province) && link('dashboard', reviewPaths.dashboard(admin ? province : undefined), t('nav.dashboard'))}
          {link('criteria-sets', reviewPaths.criteriaSets(admin ? province : undefined), t('nav.criteriaSets'))}
          {admin && link('users', reviewPaths.users(), t('nav.users'))}
        </ul>
        <span class="rv-shell__user">
          {t(admin ? 'nav.signedInAdmin' : 'nav.signedIn', {
            name: session.user.username,
            province: provinceName ?? t('nav.provinceCode', { code: session.user.provinceCode ?? '' }),
          })}
        </span>
        <Button variant="quiet" busy={busy} onClick={() => void onSignOut()}>
          {t('nav.signOut')}
        </Button>
      </nav>
      {children}
    </>
  );
}
