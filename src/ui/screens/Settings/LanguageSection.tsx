import { useState } from 'preact/hooks';
import { LANGS, setLanguage, useLanguage, useT, type Lang } from '../../../i18n';
import { announce } from '../../components/announce';

/** Each language is named in itself, so anyone can find their own. */
const NAMES: Record<Lang, string> = { vi: 'Tiếng Việt', en: 'English' };

export function LanguageSection() {
  const t = useT('settings');
  const lang = useLanguage();
  const [busy, setBusy] = useState<Lang>();
  const [failed, setFailed] = useState(false);

  const choose = async (next: Lang) => {
    if (next === lang) return;
    setBusy(next);
    setFailed(false);
    try {
      await setLanguage(next);
      announce(t('common:language.changed', { lng: next }));
    } catch {
      setFailed(true);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <section class="settings-section card" aria-labelledby="settings-lang">
      <h2 id="settings-lang">{t('language.title')}</h2>
      <fieldset class="settings-choices" aria-busy={busy !== undefined}>
        <legend class="visually-hidden">{t('language.title')}</legend>
        {LANGS.map((l) => (
          <label key={l} class="settings-choice" lang={l}>
            <input
              type="radio"
              name="lang"
              value={l}
              checked={l === (busy ?? lang)}
              disabled={busy !== undefined}
              onChange={() => void choose(l)}
            />
            {NAMES[l]}
          </label>
        ))}
      </fieldset>
      {failed && (
        <p class="error-text" role="alert">
          {t('language.loadFailed')}
        </p>
      )}
    </section>
  );
}
