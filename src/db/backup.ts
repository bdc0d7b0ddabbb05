/**
 * Export and import of the backup file (format: src/domain/backup.ts; merge rule: src/domain/backup-merge.ts).
 * Export reads every assessment and answer in one read transaction, so the file is a consistent
 * snapshot. Import validates the whole file first, then reads, plans and writes in ONE
 * read-write transaction: either everything in the plan is stored or nothing is. This module
 * pulls in zod, so the UI should load it with a dynamic import().
 */
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, parseBackup } from '../domain/backup';
import type { BackupErrorCode, BackupFile } from '../domain/backup';
import { planImport, type ImportReport } from '../domain/backup-merge';
import { answersByAssessment } from '../domain/answer-row';
import type { Assessment } from '../domain/types';
import { getDb } from './database';
import type { XasoDb } from './database';
import { guardWrite, XasoDbError } from './errors';
import { withTouch } from './touch';

export type { BackupFile } from '../domain/backup';
export type { ImportReport } from '../domain/backup-merge';

// Set by vite.config.ts (`define`); absent under Vitest.
declare const __APP_VERSION__: string | undefined;
const APP_VERSION = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';

/** The file could not be imported; nothing was written. `code` is for the UI's translation. */
export class BackupImportError extends XasoDbError {
  override name = 'BackupImportError';
  constructor(
    readonly code: BackupErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Every assessment on this phone with its answers, oldest first; answers in code order. */
export async function exportBackup(db: XasoDb = getDb(), now: Date = new Date()): Promise<BackupFile> {
  const [assessments, rows] = await db.transaction('r', db.assessments, db.answers, db.touches, () =>
    Promise.all([readWithTouches(db), db.answers.toArray()]),
  );
  const byAssessment = answersByAssessment(rows);
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    appVersion: APP_VERSION,
    exportedAt: now.toISOString(),
    assessments: assessments
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map((a) => ({ ...a, answers: (byAssessment.get(a.id) ?? []).sort((x, y) => (x.code < y.code ? -1 : 1)) })),
  };
}

/** Assessments (all, or those of `ids` that exist) as the app sees them: touches laid over (./touch.ts). */
async function readWithTouches(db: XasoDb, ids?: string[]): Promise<Assessment[]> {
  const [rows, touches] = await Promise.all([
    ids ? db.assessments.bulkGet(ids) : db.assessments.toArray(),
    ids ? db.touches.bulkGet(ids) : db.touches.toArray(),
  ]);
  const touchOf = new Map(touches.flatMap((t) => (t ? [[t.assessmentId, t] as const] : [])));
  return rows.flatMap((a) => (a ? [withTouch(a, touchOf.get(a.id))] : []));
}

/** e.g. "xaso-sao-luu-2026-11-23.json" (sao lưu = backup), dated in the phone's own time zone. */
export function backupFileName(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `xaso-sao-luu-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}

/**
 * Import a backup file's text. Rejects with BackupImportError (the file is refused) or
 * StorageWriteError (storage refused the writes); in both cases nothing was written.
 */
export async function importBackup(text: string, db: XasoDb = getDb()): Promise<ImportReport> {
  const parsed = parseBackup(text);
  if (!parsed.ok) throw new BackupImportError(parsed.code, parsed.error);
  const incoming = parsed.backup;
  const ids = incoming.assessments.map((a) => a.id);
  return guardWrite(
    db.transaction('rw', db.assessments, db.answers, db.touches, async () => {
      const assessments = await readWithTouches(db, ids);
      const answers = await db.answers
        .where('assessmentId')
        .anyOf(assessments.map((a) => a.id))
        .toArray();
      const plan = planImport({ assessments, answers }, incoming);
      await db.assessments.bulkAdd(plan.addAssessments);
      await db.assessments.bulkPut(plan.putAssessments);
      await db.answers.bulkPut(plan.putAnswers);
      return plan.report;
    }),
  );
}
