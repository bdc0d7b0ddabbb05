/**
 * When evidence files go up: on every sync trigger (start, `online`, visible, the SW ping, the
 * timer: triggers.ts calls `run`), as soon as a submission was delivered (the files follow it),
 * when the connection changes (Wi-Fi came back for an officer who holds uploads until Wi-Fi),
 * and when a file's backoff retry falls due. The uploader (and tus-js-client behind it) is
 * loaded only when some file waits.
 */
import type { XasoDb } from '../db/database';
import type * as UploadModule from './evidence-upload';
import type { EvidenceUploadOptions, EvidenceUploadReport } from './evidence-upload';
import { currentConnection } from './evidence-network';

const MIN_WAKE_MS = 1_000;

export interface EvidenceTriggers {
  /** Send what is due now (no-op when no file waits). */
  run(): Promise<void>;
  /** Does any file wait for a delivered revision? (the periodic timer asks) */
  waits(): Promise<boolean>;
  stop(): void;
}

/** Files not on the server yet and not refused: reads rows only, loads no module. */
async function unsentFiles(db: XasoDb): Promise<number> {
  return db.evidenceBlobs.filter((b) => !b.uploadedAt && !(b as { uploadFailed?: true }).uploadFailed).count();
}

export function startEvidenceTriggers(
  db: XasoDb,
  opts: EvidenceUploadOptions & { intervalMs: number; isVisible: () => boolean },
): EvidenceTriggers {
  let stopped = false;
  let wake: ReturnType<typeof setTimeout> | undefined;
  let mod: Promise<typeof UploadModule> | undefined;
  const load = () => (mod ??= import('./evidence-upload'));

  const schedule = (report: EvidenceUploadReport) => {
    if (stopped || report.nextDueAt === undefined) return;
    const delay = Math.max(MIN_WAKE_MS, Date.parse(report.nextDueAt) - Date.now());
    if (delay >= opts.intervalMs) return;
    clearTimeout(wake);
    wake = setTimeout(() => opts.isVisible() && void run(), delay);
  };

  async function run(): Promise<void> {
    if (stopped) return;
    try {
      if (!mod && (await unsentFiles(db)) === 0) return;
      const report = await (await load()).uploadEvidence({ ...opts, db });
      schedule(report);
    } catch (err) {
      if (!stopped) console.error('[xaso] evidence', err);
    }
  }

  const onChange = () => void run();
  const conn = opts.connection ?? currentConnection();
  conn?.addEventListener?.('change', onChange);

  return {
    run,
    waits: async () => {
      if ((await unsentFiles(db)) === 0) return false;
      return (await (await load()).filesWaiting(db)) > 0;
    },
    stop: () => {
      stopped = true;
      clearTimeout(wake);
      conn?.removeEventListener?.('change', onChange);
    },
  };
}
