/**
 * Export and import of the backup file. src/db/backup pulls in the file schema (zod), so it is
 * fetched only when the officer presses one of the buttons.
 */
import { useId, useState } from 'preact/hooks';
import type { ImportReport } from '../../../db/backup';
import { StorageWriteError } from '../../../db/errors';
import { useT, type TFn } from '../../../i18n';
import { announce } from '../../components/announce';
import { Button } from '../../components/Button';
import { ImportReportView } from './ImportReportView';

/** Far above any real backup (a few hundred kB); refuses to read a wrong, huge file into memory. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

function importErrorText(t: TFn, err: unknown): string {
  if (err instanceof StorageWriteError) return t(`backup.storageError.${err.reason}`);
  const code =
    (err as { name?: string; code?: string } | null)?.name === 'BackupImportError' ? (err as { code: string }).code : '';
  if (code) return t(`backup.fileError.${code}`);
  return t('backup.importFailed', { message: err instanceof Error ? err.message : String(err) });
}

export function BackupSection() {
  const t = useT('settings');
  const inputId = useId();
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<string>();
  const [importing, setImporting] = useState(false);
  const [report, setReport] = useState<ImportReport>();
  const [error, setError] = useState<string>();

  const doExport = async () => {
    setExporting(true);
    setError(undefined);
    try {
      const { exportBackup, backupFileName } = await import('../../../db/backup');
      const name = backupFileName(new Date());
      download(JSON.stringify(await exportBackup()), name);
      setExported(t('backup.exported', { file: name }));
    } catch (err) {
      setError(t('backup.exportFailed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setExporting(false);
    }
  };

  const doImport = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = ''; // the same file may be chosen again after a fix
    if (!file) return;
    setImporting(true);
    setError(undefined);
    setReport(undefined);
    try {
      if (file.size > MAX_FILE_BYTES)
        throw Object.assign(new Error('too large'), { name: 'BackupImportError', code: 'too-large' });
      const { importBackup } = await import('../../../db/backup');
      const result = await importBackup(await file.text());
      setReport(result);
      announce(t('backup.importDone'));
    } catch (err) {
      setError(importErrorText(t, err));
    } finally {
      setImporting(false);
    }
  };

  return (
    <section class="settings-section card" aria-labelledby="settings-backup">
      <h2 id="settings-backup">{t('backup.title')}</h2>
      <p>{t('backup.intro')}</p>
      <div class="actions">
        <Button variant="primary" busy={exporting} onClick={() => void doExport()}>
          {t('backup.export')}
        </Button>
        <input
          id={inputId}
          class="visually-hidden settings-file"
          type="file"
          accept="application/json,.json"
          disabled={importing}
          onChange={(e) => void doImport(e.currentTarget)}
        />
        <label for={inputId} class="btn btn--secondary" aria-busy={importing || undefined}>
          {importing ? t('backup.importing') : t('backup.import')}
        </label>
      </div>
      <p class="muted">{t('backup.importNote')}</p>
      {exported && <p role="status">{exported}</p>}
      {error && (
        <p class="error-text" role="alert">
          {error}
        </p>
      )}
      {report && <ImportReportView report={report} />}
    </section>
  );
}
