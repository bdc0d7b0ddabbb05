import { useState } from 'preact/hooks';
import { setLanguage, useLanguage, useT } from '../../../i18n';
import { announce } from '../../components/announce';
import { parentPath, paths, type Route } from '../../router';
import { ConnectionStatus } from '../ConnectionStatus';
import { BackIcon, SettingsIcon } from './icons';
import './style.css';

/**
 * App bar: back link, app name (home), language toggle, settings. The toggle's label is written
 * in the language it switches to, so a reader who cannot read the current one still finds it.
 */
export function Header({ route }: { route: Route }) {
  const t = useT('common');
  const lang = useLanguage();
  const back = parentPath(route);
  const other = lang === 'vi' ? 'en' : 'vi';
  const [failed, setFailed] = useState(false);

  const toggle = () => {
    setFailed(false);
    setLanguage(other).then(
      () => announce(t('language.changed', { lng: other })),
      () => setFailed(true), // offline, and that language was never downloaded
    );
  };

  return (
    <>
      <header class="app-header">
        {back !== undefined ? (
          <a class="app-header__icon" href={`#${back}`} aria-label={t('nav.back')} title={t('nav.back')}>
            <BackIcon />
          </a>
        ) : (
          <span class="app-header__spacer" aria-hidden="true" />
        )}
        <a class="app-header__name" href={`#${paths.home()}`}>
          {t('appName')}
        </a>
        <ConnectionStatus />
        <button
          type="button"
          class="app-header__lang"
          lang={other}
          aria-label={other === 'en' ? 'Switch to English' : 'Chuyển sang tiếng Việt'}
          onClick={toggle}
        >
          {other.toUpperCase()}
        </button>
        {route.name !== 'settings' && (
          <a class="app-header__icon" href={`#${paths.settings()}`} aria-label={t('nav.settings')} title={t('nav.settings')}>
            <SettingsIcon />
          </a>
        )}
      </header>
      {failed && (
        <p class="app-header__error" role="alert">
          {t('language.loadFailed')}
        </p>
      )}
    </>
  );
}
