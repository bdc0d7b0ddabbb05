/** How much space evidence takes on the phone, and a warning before storage runs short. */
import { getDb, storageEstimate } from '../../db';
import { evidenceUsage } from '../../db/evidence';
import { formatNumber, useT } from '../../i18n';
import { useLive } from '../sync/use-live';
import { formatBytes, isLowOnSpace } from './storage-use';

const size = (bytes: number) => formatBytes(bytes, (n, digits) => formatNumber(n, { maximumFractionDigits: digits }));

export function StorageLine() {
  const t = useT('evidence');
  // Re-read whenever the evidence tables change (an attach, a removal).
  const use = useLive(async () => ({ ...(await evidenceUsage(getDb())), estimate: await storageEstimate() }), []);
  if (!use) return null;
  const free = use.estimate ? Math.max(0, use.estimate.quota - use.estimate.usage) : undefined;
  const low = isLowOnSpace(use.estimate);
  return (
    <div class="evidence-storage">
      <p>
        {t('usage', { used: size(use.bytes), files: use.files })}
        {free !== undefined && !low && ` ${t('usageFree', { free: size(free) })}`}
      </p>
      {low && free !== undefined && (
        <p class="evidence-storage__low" role="alert">
          {t('lowSpace', { free: size(free) })}
        </p>
      )}
    </div>
  );
}
