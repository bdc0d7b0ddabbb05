/** What an assessment screen shows before its data is ready: loading, not found, or failed. */
import { storageProblemText } from '../../components/storage-problem';
import { useT } from '../../../i18n';
import { Page } from '../../components/Page';
import type { Loaded } from './use-assessment-data';
import './load-state.css';

export function LoadState({ loaded, title }: { loaded: Exclude<Loaded, { status: 'ready' }>; title: string }) {
  const t = useT('assess');
  return (
    <Page title={title}>
      {loaded.status === 'loading' && (
        <p class="load-state" role="status">
          {t('load.loading')}
        </p>
      )}
      {loaded.status === 'missing' && (
        <p class="load-state" role="alert">
          {t('load.missing')} <a href="#/">{t('load.home')}</a>
        </p>
      )}
      {loaded.status === 'error' && (
        <p class="load-state" role="alert">
          {storageProblemText(loaded.error, t) ??
            t('load.failed', { message: loaded.error instanceof Error ? loaded.error.message : String(loaded.error) })}
        </p>
      )}
    </Page>
  );
}
