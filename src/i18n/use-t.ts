/** The one Preact binding we need from i18next: a translator that re-renders on language change. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { fixedT, getLanguage, i18n, type Lang, type TFn } from './i18n';

/** Current language; the component re-renders when it changes. */
export function useLanguage(): Lang {
  const [lang, setLang] = useState<Lang>(getLanguage);
  useEffect(() => {
    const onChange = () => setLang(getLanguage());
    i18n.on('languageChanged', onChange);
    onChange(); // it may have changed between render and effect
    return () => i18n.off('languageChanged', onChange);
  }, []);
  return lang;
}

/** `const t = useT('home'); t('title')` — keys of other namespaces as t('common:save'). */
export function useT(ns = 'common'): TFn {
  const lang = useLanguage();
  return useMemo(() => fixedT(ns, lang), [ns, lang]);
}
