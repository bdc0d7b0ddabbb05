/**
 * #/a/:id/version — a newer version of the criteria set this draft is on (issue #12 item 3): what
 * changes (VersionChanges) and the score before and after (ScoreCompare), both computed on the
 * phone, offline. "Chuyển sang phiên bản mới" moves the draft in one transaction (every answer
 * kept: moveToSetVersion) and says so only once it is committed; "Giữ phiên bản cũ" records the
 * choice. A submitted or accepted assessment is never moved: the screen says so instead.
 */
import { useMemo, useState } from 'preact/hooks';
import { keepSetVersion, listDownloadedSets, moveToSetVersion, type DownloadedSetRow } from '../../../db/criteria-sets';
import { isLocked } from '../../../domain/vocabulary';
import { useLanguage, useT } from '../../../i18n';
import { announce } from '../../components/announce';
import { Button, LinkButton } from '../../components/Button';
import { Page } from '../../components/Page';
import { storageProblemText } from '../../components/storage-problem';
import { navigate, paths } from '../../router';
import { useLive } from '../../sync/use-live';
import { LoadState } from '../assessment/LoadState';
import { useAssessmentData, type AssessmentData } from '../assessment/use-assessment-data';
import { newerVersionOf } from './newer-version';
import { ScoreCompare } from './ScoreCompare';
import { VersionChanges } from './VersionChanges';
import { versionMove } from './version-move';
import './style.css';

export default function SetVersion({ id }: { id: string }) {
  const t = useT('criteria');
  const loaded = useAssessmentData(id);
  const held = useLive(() => listDownloadedSets(), []);
  if (loaded.status !== 'ready' || !held)
    return <LoadState loaded={loaded.status === 'ready' ? { status: 'loading' } : loaded} title={t('version.title')} />;
  return <VersionScreen data={loaded.data} newer={newerVersionOf(loaded.data.assessment, held)} />;
}

function VersionScreen({ data, newer }: { data: AssessmentData; newer: DownloadedSetRow | undefined }) {
  const t = useT('criteria');
  const lang = useLanguage();
  const { assessment, criteriaSet: from } = data;
  const [busy, setBusy] = useState<'move' | 'keep'>();
  const [error, setError] = useState('');
  const move = useMemo(
    () =>
      from && newer ? versionMove(from, newer.set, { catalogue: data.catalogue, assessment, answers: data.answers }) : undefined,
    [from, newer, data, assessment],
  );
  const back = <LinkButton href={`#${paths.checklist(assessment.id)}`}>{t('version.back')}</LinkButton>;
  if (!from || !newer || !move) {
    const locked = from && isLocked(assessment.status);
    return (
      <Page title={t('version.title')} class="set-version">
        <p>{locked ? t('version.locked', { version: from.version }) : t('version.none')}</p>
        {back}
      </Page>
    );
  }

  const act = async (kind: 'move' | 'keep') => {
    setBusy(kind);
    setError('');
    try {
      if (kind === 'move') {
        await moveToSetVersion(assessment.id, newer.set);
        announce(t('version.movedAnnounce', { version: newer.set.version }));
      } else {
        await keepSetVersion(assessment.id, newer.set);
        announce(t('version.keptAnnounce', { version: from.version }));
      }
      navigate(paths.checklist(assessment.id));
    } catch (err) {
      setBusy(undefined);
      setError(storageProblemText(err, t) ?? t('version.failed', { message: err instanceof Error ? err.message : String(err) }));
    }
  };

  return (
    <Page title={t('version.title')} class="set-version">
      <p>
        {t('version.intro', { title: lang === 'en' ? from.title.en : from.title.vi, from: from.version, to: newer.set.version })}
      </p>
      <section aria-labelledby="ver-score">
        <h2 id="ver-score">{t('version.scoreHeading')}</h2>
        <p class="field-hint">{t('version.scoreHint')}</p>
        <ScoreCompare from={from} to={newer.set} before={move.before} after={move.after} />
      </section>
      <VersionChanges diff={move.diff} keptUncounted={move.keptUncounted} />
      <p>{t('version.answersKept')}</p>
      <div class="actions">
        <Button variant="primary" busy={busy === 'move'} disabled={busy !== undefined} onClick={() => void act('move')}>
          {t('version.move')}
        </Button>
        <Button busy={busy === 'keep'} disabled={busy !== undefined} onClick={() => void act('keep')}>
          {t('version.keep')}
        </Button>
      </div>
      {error && <p role="alert">{error}</p>}
    </Page>
  );
}
