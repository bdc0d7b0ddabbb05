/**
 * Where an assessment stands with the province, as a small pill, plus the time of the last
 * attempt to send. Live: it changes the moment a flush or a review pull commits (any tab).
 * Light enough for the home list: Dexie, i18n and nothing else; its strings (locales/<lang>/sync-state.json)
 * are in the first bundle, the rest of the sync namespace is not.
 */
import type { SyncState } from '../../../db';
import type { AssessmentStatus } from '../../../domain/types';
import { formatDateTime, useT } from '../../../i18n';
import { useSyncView } from '../use-live';
import './style.css';

/** No sync row (e.g. restored from a backup on another phone): say what the status implies. */
const FROM_STATUS: Record<AssessmentStatus, SyncState> = {
  draft: 'draft',
  submitted: 'sent',
  accepted: 'accepted',
  returned: 'returned',
};

export interface SyncBadgeProps {
  assessmentId: string;
  /** Show "Lần thử cuối: …" under the pill (default true; the home list may hide it). */
  showTime?: boolean;
  /** Say what the state asks of the officer (returned: fix and send again; …), for the home card. */
  showHint?: boolean;
}

/** States that ask something of the officer, or that need a word of explanation. */
const HINTED = new Set<SyncState>(['queued', 'sent', 'returned', 'error', 'conflict']);

export function SyncBadge({ assessmentId, showTime = true, showHint = false }: SyncBadgeProps) {
  const t = useT('sync-state');
  const view = useSyncView(assessmentId);
  if (!view?.assessment) return null;
  const state: SyncState = view.sync?.state ?? FROM_STATUS[view.assessment.status];
  const label = t(`state.${state}`);
  const lastAttempt = view.sync?.lastAttemptAt;
  return (
    <span class="sync-badge">
      <span class={`sync-badge__pill sync-badge__pill--${state}`} title={t('badge.label', { state: label })}>
        <span class="visually-hidden">{t('badge.label', { state: '' })}</span>
        {label}
      </span>
      {showTime && lastAttempt && (
        <span class="sync-badge__time">{t('badge.lastAttempt', { time: formatDateTime(lastAttempt) })}</span>
      )}
      {showHint && HINTED.has(state) && <span class="sync-badge__hint">{t(`hint.${state}`)}</span>}
    </span>
  );
}

export default SyncBadge;
