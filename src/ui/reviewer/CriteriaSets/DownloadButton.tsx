import { useState } from 'preact/hooks';
import { useT } from '../../../i18n';
import { Button } from '../../components/Button';
import { criteriaApi } from '../criteria-sets-api';
import { errorText } from '../errors';
import type { CriteriaSetMeta } from '../types';

/** Downloads the template workbook, or a stored version as a workbook for the province to edit. */
export function DownloadButton({ from, label, aria }: { from?: CriteriaSetMeta; label: string; aria?: string }) {
  const t = useT('reviewer');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const onClick = async () => {
    setBusy(true);
    setError('');
    try {
      await criteriaApi.downloadWorkbook(from);
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span class="rv-cs__download">
      <Button busy={busy} aria-label={aria} onClick={() => void onClick()}>
        {label}
      </Button>
      {error && (
        <span class="error-text" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
