import { useEffect, useState } from 'preact/hooks';
import { requestPersistence, storageEstimate } from '../../../db';
import { formatBytes, useT } from '../../../i18n';
import { Button } from '../../components/Button';

type Persisted = boolean | 'unsupported';

async function readPersisted(): Promise<Persisted> {
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  if (!storage?.persisted || !storage.persist) return 'unsupported';
  return storage.persisted();
}

/** Whether the browser may evict our data, how much is used, and a way to ask it not to. */
export function StorageSection() {
  const t = useT('settings');
  const [persisted, setPersisted] = useState<Persisted>();
  const [estimate, setEstimate] = useState<{ usage: number; quota: number } | null>();
  const [asking, setAsking] = useState(false);
  const [outcome, setOutcome] = useState<string>();

  const refresh = () => {
    void readPersisted().then(setPersisted, () => setPersisted('unsupported'));
    void storageEstimate().then(setEstimate);
  };
  useEffect(refresh, []);

  const ask = async () => {
    setAsking(true);
    const result = await requestPersistence();
    setOutcome(t(`storage.${result}`));
    setAsking(false);
    refresh();
  };

  return (
    <section class="settings-section card" aria-labelledby="settings-storage">
      <h2 id="settings-storage">{t('storage.title')}</h2>
      {persisted !== undefined && (
        <p>
          {persisted === 'unsupported'
            ? t('storage.unsupported')
            : persisted
              ? t('storage.isPersisted')
              : t('storage.notPersisted')}
        </p>
      )}
      {estimate !== undefined && (
        <p class="muted">
          {estimate
            ? t('storage.usage', { usage: formatBytes(estimate.usage), quota: formatBytes(estimate.quota) })
            : t('storage.usageUnknown')}
        </p>
      )}
      {persisted === false && (
        <Button variant="primary" busy={asking} onClick={() => void ask()}>
          {t('storage.request')}
        </Button>
      )}
      {outcome && <p role="status">{outcome}</p>}
    </section>
  );
}
