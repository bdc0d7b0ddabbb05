/**
 * The evidence files of a submitted assessment on the submit panel: per file, where it stands
 * (sent, sending with its bytes, waiting for the submission, for Wi-Fi or for a retry, refused
 * with the server's reason and "Thử lại"), and the total. The file count sits in a polite live
 * region (role=status): a screen reader hears "Đã gửi 2/3 tệp minh chứng" when a file arrives,
 * not every chunk. Live from the store; byte progress from this tab's uploader.
 */
import { useEffect, useState } from 'preact/hooks';
import { getDb, getSetting, type SyncState } from '../../../db';
import { EVIDENCE_BYTES_REFUSALS } from '../../../domain/evidence-file';
import { formatBytes, useT, type TFn } from '../../../i18n';
import { connectionKind, currentConnection } from '../../../sync/evidence-network';
import { isUploading, liveAcknowledged, onUploadProgress } from '../../../sync/evidence-progress';
import { retryUpload, type UploadRow } from '../../../sync/evidence-queue';
import { Button } from '../../components/Button';
import { reasonDetail, reasonText } from '../SubmitPanel/reasons';
import { readServerReason } from '../../../sync/server-reason';
import { useLive } from '../use-live';
import { evidenceView, type FileView } from './view';
import './style.css';

interface Stored {
  files: { row: UploadRow; name: string }[];
  wifiOnly: boolean;
}

function useStored(assessmentId: string): Stored | undefined {
  return useLive(async () => {
    const db = getDb();
    const links = await db.evidenceLinks.where('assessmentId').equals(assessmentId).sortBy('createdAt');
    const names = new Map<string, string>();
    for (const l of links) if (!names.has(l.sha256)) names.set(l.sha256, l.name || l.caption);
    const rows = (await db.evidenceBlobs.bulkGet([...names.keys()])) as (UploadRow | undefined)[];
    const files = rows.flatMap((row) => (row ? [{ row, name: names.get(row.sha256) ?? '' }] : []));
    return { files, wifiOnly: (await getSetting('evidenceWifiOnly', db)) ?? false };
  }, [assessmentId]);
}

/** Re-renders when this tab's uploader reports progress. */
function useUploadTick(): void {
  const [, setTick] = useState(0);
  useEffect(() => onUploadProgress(() => setTick((n) => n + 1)), []);
}

/** The server's refusals of a file, in the phone's words (locales: sync evidence.refusal.*). */
const FILE_REFUSALS = new Set([...EVIDENCE_BYTES_REFUSALS, 'evidence_quota_exceeded']);

function fileReason(t: TFn, reason: string): string {
  const code = readServerReason(reason)?.code;
  return code && FILE_REFUSALS.has(code) ? t(`evidence.refusal.${code}`) : reasonText(t, reason);
}

function FileLine({ file, onRetry }: { file: FileView; onRetry: (sha256: string) => void }) {
  const t = useT('sync');
  const sizes = { sent: formatBytes(file.sent), size: formatBytes(file.size) };
  const detail = file.state === 'refused' ? reasonDetail(file.reason) : '';
  return (
    <li class={`evidence-progress__file evidence-progress__file--${file.state}`}>
      <span class="evidence-progress__name">{file.name || t('evidence.unnamed')}</span>
      <span>{t(`evidence.state.${file.state}`, sizes)}</span>
      {file.state === 'sending' && <progress max={file.size} value={file.sent} aria-label={t('evidence.fileBytes', sizes)} />}
      {(file.state === 'refused' || file.state === 'retrying') && file.reason && (
        <span class={file.state === 'refused' ? 'evidence-progress__reason' : 'muted'}>{fileReason(t, file.reason)}</span>
      )}
      {detail && <span class="muted">{t('technicalDetail', { detail })}</span>}
      {file.state === 'refused' && (
        <div class="actions">
          <Button onClick={() => onRetry(file.sha256)}>{t('evidence.retry')}</Button>
        </div>
      )}
    </li>
  );
}

export function EvidenceProgress({ assessmentId, syncState }: { assessmentId: string; syncState: SyncState | undefined }) {
  const t = useT('sync');
  const stored = useStored(assessmentId);
  useUploadTick();
  if (!stored || stored.files.length === 0) return null;
  const holdForWifi = stored.wifiOnly && connectionKind(currentConnection()) === 'mobile';
  const view = evidenceView(
    stored.files.map(({ row, name }) => ({
      row,
      name,
      live: liveAcknowledged(row.sha256),
      uploading: isUploading(row.sha256),
    })),
    syncState,
    holdForWifi,
  );
  const retry = (sha256: string) =>
    void retryUpload(getDb(), sha256)
      .then(() => import('../../../sync/evidence-upload'))
      .then((m) => m.uploadEvidence())
      .catch((err: unknown) => console.error('[xaso] evidence retry', err));
  const total = { sent: formatBytes(view.sentBytes), size: formatBytes(view.totalBytes) };
  return (
    <div class="evidence-progress">
      <h3>{t('evidence.title')}</h3>
      <p role="status">{t('evidence.summary', { done: view.done, count: view.files.length })}</p>
      <div class="evidence-progress__total">
        <progress max={view.totalBytes} value={view.sentBytes} aria-label={t('evidence.totalBytes', total)} />
        <span class="muted">{t('evidence.totalBytes', total)}</span>
      </div>
      <ul class="evidence-progress__files">
        {view.files.map((f) => (
          <FileLine key={f.sha256} file={f} onRetry={retry} />
        ))}
      </ul>
    </div>
  );
}
