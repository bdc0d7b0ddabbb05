import { useState } from 'preact/hooks';
import { useT } from '../../../i18n';
import { Button } from '../../components/Button';
import { announce } from '../../components/announce';
import { csvFileName, csvPath, downloadCsv, type CsvKind } from '../csv';
import { errorText } from '../errors';

/** "Xuất CSV": fetches the export with the token and saves it; says so when it fails. */
export function CsvButton({ kind, province, areaType }: { kind: CsvKind; province: string; areaType?: string }) {
  const t = useT('reviewer');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const onClick = async () => {
    setBusy(true);
    setError('');
    try {
      await downloadCsv(csvPath(kind, province, areaType), csvFileName(kind, province, new Date(), areaType));
      announce(t('csv.done'));
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="rv-csv">
      <Button busy={busy} onClick={() => void onClick()}>
        {t(`csv.${kind}`)}
      </Button>
      {error && (
        <p class="error-text" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
