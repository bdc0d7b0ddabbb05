/**
 * Home: the assessments on this phone, newest edit first, each with its progress; create,
 * open, delete. Part of the first bundle, so it stays light: the catalogue and the commune names
 * arrive after the first paint (see use-home-data.ts).
 */
import { storageProblemText } from '../../components/storage-problem';
import { useState } from 'preact/hooks';
import { deleteAssessment } from '../../../db';
import type { Assessment } from '../../../domain/types';
import { useT } from '../../../i18n';
import { announce } from '../../components/announce';
import { LinkButton } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { paths } from '../../router';
import { AssessmentItem } from './AssessmentItem';
import { StorageLine } from './StorageLine';
import { useHomeData } from './use-home-data';
import './style.css';

export default function Home() {
  const t = useT('home');
  const { items, failed, progress, names, reload } = useHomeData();
  const [toDelete, setToDelete] = useState<Assessment>();
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<string>();

  const nameOf = (a: Assessment) => names[a.id]?.commune ?? t('item.communeCode', { code: a.communeCode });

  const confirmDelete = async () => {
    if (!toDelete) return;
    setDeleting(true);
    setDeleteError(undefined);
    try {
      await deleteAssessment(toDelete.id);
      setToDelete(undefined);
      announce(t('delete.done'));
      reload();
    } catch (err) {
      setToDelete(undefined);
      setDeleteError(
        storageProblemText(err, t) ?? t('delete.failed', { message: err instanceof Error ? err.message : String(err) }),
      );
    } finally {
      setDeleting(false);
    }
  };

  return (
    <Page title={t('title')}>
      <p class="home-intro">{t('intro')}</p>
      <LinkButton variant="primary" class="home-new" href={`#${paths.new()}`}>
        {t('new')}
      </LinkButton>
      {deleteError && (
        <p class="error-text" role="alert">
          {deleteError}
        </p>
      )}
      {failed ? (
        <p class="error-text" role="alert">
          {t('loadFailed')}
        </p>
      ) : items === undefined ? (
        <Loading label={t('common:loading')} />
      ) : items.length === 0 ? (
        <div class="home-empty card">
          <h2>{t('empty.title')}</h2>
          <p>{t('empty.body')}</p>
        </div>
      ) : (
        <ul class="home-list" aria-label={t('listLabel')}>
          {items.map((a) => (
            <AssessmentItem key={a.id} assessment={a} names={names[a.id]} progress={progress[a.id]} onDelete={setToDelete} />
          ))}
        </ul>
      )}
      {items !== undefined && <StorageLine hasData={items.length > 0} />}
      <ConfirmDialog
        open={toDelete !== undefined}
        title={t('delete.title')}
        confirmLabel={t('common:actions.delete')}
        cancelLabel={t('common:actions.cancel')}
        danger
        busy={deleting}
        onConfirm={() => void confirmDelete()}
        onCancel={() => setToDelete(undefined)}
      >
        {toDelete && <p>{t('delete.body', { name: nameOf(toDelete), period: toDelete.period })}</p>}
      </ConfirmDialog>
    </Page>
  );
}
