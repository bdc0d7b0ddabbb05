import { useT } from '../../../i18n';
import { Button } from '../../components/Button';
import { ApiError } from '../api';
import { errorText } from '../errors';

/** Worth trying again: the network or the server failed, not a refusal (403) or absence (404). */
function transient(error: unknown): boolean {
  return !(error instanceof ApiError) || error.status === 0 || error.status >= 500;
}

/** A failed load, said in words, with a way to try again when trying again can help. */
export function LoadFailed({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT('reviewer');
  return (
    <div class="card stack rv-load-failed" role="alert">
      <p class="error-text">{errorText(error, t)}</p>
      {onRetry && transient(error) && <Button onClick={onRetry}>{t('common:actions.retry')}</Button>}
    </div>
  );
}
