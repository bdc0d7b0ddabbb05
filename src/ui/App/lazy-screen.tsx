import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../i18n';
import { ensureScreenStrings } from '../../i18n/screen-strings';
import { Button } from '../components/Button';
import { Loading } from '../components/Loading';
import { Page } from '../components/Page';

/**
 * A screen fetched on first use (its own chunk), without preact/compat's lazy/Suspense.
 * Its strings (every namespace but the home screen's, src/i18n/screen-strings.ts) are awaited with
 * it, so it never renders a raw key. Once loaded, it renders synchronously. If the chunk cannot be
 * fetched (offline and not cached — should not happen once the worker is installed) it offers a
 * retry instead of a blank page.
 */
export function lazyScreen<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const fetchScreen = () =>
    (pending ??= Promise.all([load(), ensureScreenStrings()]).then(
      ([m]) => (loaded = m.default),
      (err: unknown) => {
        pending = undefined;
        throw err;
      },
    ));

  function LazyScreen(props: P) {
    const t = useT('common');
    const [, setReady] = useState(0);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (loaded || failed) return;
      let alive = true;
      fetchScreen().then(
        () => alive && setReady((n) => n + 1),
        () => alive && setFailed(true),
      );
      return () => {
        alive = false;
      };
    }, [failed]);

    const Screen = loaded;
    if (Screen) return <Screen {...props} />;
    if (failed) {
      return (
        <Page title={t('loadError.title')}>
          <p>{t('loadError.body')}</p>
          <Button variant="primary" onClick={() => setFailed(false)}>
            {t('actions.retry')}
          </Button>
        </Page>
      );
    }
    return <Loading label={t('loading')} />;
  }
  return LazyScreen;
}
