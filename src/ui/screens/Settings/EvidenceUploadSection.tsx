import { useEffect, useState } from 'preact/hooks';
import { getDb } from '../../../db';
import { getSetting, setSetting } from '../../../db/settings';
import { useT } from '../../../i18n';
import { useLive } from '../../sync/use-live';

/**
 * "Chỉ gửi minh chứng khi có Wi-Fi": photos and PDFs wait for Wi-Fi; answers always go at once
 * (they are small). Off by default: many communes have no Wi-Fi at all. Saved before it shows.
 */
export function EvidenceUploadSection() {
  const t = useT('settings');
  const stored = useLive(async () => (await getSetting('evidenceWifiOnly', getDb())) ?? false, []);
  // The box follows the tap at once and stays so while the write runs (aria-busy); a failed write
  // puts it back and says so.
  const [pending, setPending] = useState<boolean>();
  const [failed, setFailed] = useState(false);

  const change = async (on: boolean) => {
    setPending(on);
    setFailed(false);
    try {
      await setSetting('evidenceWifiOnly', on);
      if (!on) void import('../../../sync/evidence-upload').then((m) => m.uploadEvidence()).catch(() => undefined);
    } catch {
      setFailed(true);
      setPending(undefined);
    }
  };
  // Saved: the stored value (live from IndexedDB) now says the same, and takes over.
  useEffect(() => {
    if (pending !== undefined && stored === pending) setPending(undefined);
  }, [stored, pending]);

  return (
    <section class="settings-section card" aria-labelledby="settings-evidence-upload">
      <h2 id="settings-evidence-upload">{t('evidenceUpload.title')}</h2>
      <label class="settings-choice">
        <input
          type="checkbox"
          checked={pending ?? stored ?? false}
          disabled={stored === undefined}
          aria-busy={pending !== undefined || undefined}
          aria-describedby="settings-evidence-upload-hint"
          onChange={(e) => void change(e.currentTarget.checked)}
        />
        {t('evidenceUpload.wifiOnly')}
      </label>
      <p id="settings-evidence-upload-hint" class="muted">
        {t('evidenceUpload.hint')}
      </p>
      {failed && (
        <p class="error-text" role="alert">
          {t('evidenceUpload.saveFailed')}
        </p>
      )}
    </section>
  );
}
