/**
 * On a draft's checklist: a calm notice that the province published a newer version of the
 * criteria set the draft is on (issue #12 item 3). The draft stays on its version until the
 * officer chooses: "Xem thay đổi" opens the version screen (what changes, the score before and
 * after); "Giữ phiên bản cũ" records the choice (committed before the notice goes) and the notice
 * stays away until a yet newer version comes. Live: it appears when a sync brings a version down.
 */
import { useState } from 'preact/hooks';
import { keepSetVersion, keptSetVersion, listDownloadedSets } from '../../../db/criteria-sets';
import type { Assessment } from '../../../domain/types';
import { useT } from '../../../i18n';
import { announce } from '../../components/announce';
import { Button, LinkButton } from '../../components/Button';
import { storageProblemText } from '../../components/storage-problem';
import { paths } from '../../router';
import { useLive } from '../../sync/use-live';
import { newerVersionOf } from './newer-version';
import './style.css';

export function SetVersionNotice({ assessment }: { assessment: Assessment }) {
  const t = useT('criteria');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const view = useLive(async () => {
    const [held, kept] = await Promise.all([listDownloadedSets(), keptSetVersion(assessment.id)]);
    return { newer: newerVersionOf(assessment, held), kept };
  }, [assessment]);
  const newer = view?.newer;
  if (!newer || !assessment.criteriaSet || view.kept === newer.key) return null;

  const keep = async () => {
    setBusy(true);
    setError('');
    try {
      await keepSetVersion(assessment.id, newer.set);
      announce(t('version.keptAnnounce', { version: assessment.criteriaSet?.version ?? '' }));
    } catch (err) {
      setError(storageProblemText(err, t) ?? t('version.failed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="set-version-notice" aria-labelledby="set-version-notice-title">
      <h2 id="set-version-notice-title" class="set-version-notice__title">
        {t('version.noticeTitle', { version: newer.set.version })}
      </h2>
      <p>{t('version.notice', { version: newer.set.version, current: assessment.criteriaSet.version })}</p>
      <div class="actions">
        <LinkButton variant="primary" href={`#${paths.setVersion(assessment.id)}`}>
          {t('version.see')}
        </LinkButton>
        <Button busy={busy} onClick={() => void keep()}>
          {t('version.keep')}
        </Button>
      </div>
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
