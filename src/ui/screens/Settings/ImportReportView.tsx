import type { ImportReport } from '../../../db/backup';
import { formatNumber, useT } from '../../../i18n';

/** What an import did, in counts; what it left alone and why. */
export function ImportReportView({ report: r }: { report: ImportReport }) {
  const t = useT('settings');
  const locked = r.skipped.filter((s) => s.reason === 'locked').length;
  const mismatch = r.skipped.length - locked;
  const rows: [string, number][] = [
    ['assessmentsAdded', r.assessmentsAdded],
    ['assessmentsMerged', r.assessmentsMerged],
    ['assessmentsUnchanged', r.assessmentsUnchanged],
    ['answersAdded', r.answersAdded],
    ['answersUpdated', r.answersUpdated],
    ['answersKeptLocal', r.answersKeptLocal],
    ['answersUnchanged', r.answersUnchanged],
    ['skippedLocked', locked],
    ['skippedMismatch', mismatch],
  ];
  return (
    <div class="settings-report" role="status">
      <h3>{t('backup.importDone')}</h3>
      <dl>
        {rows.map(([key, n]) => (
          <div key={key}>
            <dt>{t(`backup.report.${key}`)}</dt>
            <dd>{formatNumber(n, { maximumFractionDigits: 0 })}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
