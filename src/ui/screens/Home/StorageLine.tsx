import { useEffect, useState } from 'preact/hooks';
import { getSetting, requestPersistence } from '../../../db';
import { useT } from '../../../i18n';
import { paths } from '../../router';

/**
 * One quiet line on whether the browser may evict the data. Once the device holds an assessment,
 * persistence is requested (once; Chrome decides silently, an installed app usually gets it).
 */
export function StorageLine({ hasData }: { hasData: boolean }) {
  const t = useT('home');
  const [persisted, setPersisted] = useState<boolean>();

  useEffect(() => {
    let alive = true;
    void (async () => {
      const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
      if (!storage?.persisted) return;
      let now = await storage.persisted();
      if (!now && hasData && (await getSetting('persist')) === undefined) {
        // requestPersistence remembers the outcome ('persist'), so this asks once per device.
        now = (await requestPersistence()) === 'granted';
      }
      if (alive) setPersisted(now);
    })().catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [hasData]);

  if (persisted === undefined) return null;
  return (
    <p class="home-storage muted">
      {persisted ? t('storage.persisted') : t('storage.notPersisted')}{' '}
      <a class="tap-link" href={`#${paths.settings()}`}>
        {t('storage.details')}
      </a>
    </p>
  );
}
