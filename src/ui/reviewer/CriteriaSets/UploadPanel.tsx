import { useRef, useState } from 'preact/hooks';
import type { CriteriaSet } from '../../../domain/criteria';
import { formatNumber, useLanguage, useT } from '../../../i18n';
import { Button } from '../../components/Button';
import { announce } from '../../components/announce';
import { MAX_UPLOAD_BYTES, UploadCancelledError, uploadCriteriaSet, uploadType } from '../criteria-sets-api';
import { errorText } from '../errors';
import type { CriteriaSetMeta, CriteriaSetProblem } from '../types';
import { DownloadButton } from './DownloadButton';
import { ProblemTable } from './ProblemTable';

type Outcome = { kind: 'error'; text: string } | { kind: 'problems'; file: string; problems: CriteriaSetProblem[] };

/**
 * The template download and the upload of a workbook or JSON file as a new draft, with its
 * progress and "Hủy" while it is sent (a 10 MB workbook takes minutes on a slow office line).
 */
export function UploadPanel({
  province,
  onUploaded,
  onCancelled,
}: {
  province: string;
  onUploaded: (meta: CriteriaSetMeta, set: CriteriaSet) => void;
  /** A cancel can cross the server's answer: the caller reloads what is stored. */
  onCancelled: () => void;
}) {
  const t = useT('reviewer');
  const lang = useLanguage();
  const [file, setFile] = useState<File>();
  const [progress, setProgress] = useState<number>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [saved, setSaved] = useState('');
  const sending = useRef<AbortController | undefined>(undefined);

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    if (progress !== undefined) return;
    setSaved('');
    if (!file) return setOutcome({ kind: 'error', text: t('criteriaSets.chooseFile') });
    const type = uploadType(file.name);
    if (!type) return setOutcome({ kind: 'error', text: t('criteriaSets.badType') });
    if (file.size > MAX_UPLOAD_BYTES) return setOutcome({ kind: 'error', text: t('criteriaSets.tooLarge') });
    setOutcome(undefined);
    setProgress(0);
    const controller = new AbortController();
    sending.current = controller;
    try {
      const result = await uploadCriteriaSet(province, file, type, setProgress, controller.signal);
      if (!result.ok) {
        setOutcome({ kind: 'problems', file: file.name, problems: result.problems });
        return;
      }
      const { meta, set } = result;
      const text = t('criteriaSets.saved', { set: meta.setId, version: meta.version, count: meta.indicatorCount });
      setSaved(text);
      announce(text);
      onUploaded(meta, set);
    } catch (err) {
      if (err instanceof UploadCancelledError) {
        setSaved(t('criteriaSets.uploadCancelled'));
        onCancelled();
      } else setOutcome({ kind: 'error', text: errorText(err, t) });
    } finally {
      sending.current = undefined;
      setProgress(undefined);
    }
  };

  return (
    <section class="card stack rv-cs__upload" aria-labelledby="rv-cs-upload-title">
      <h2 id="rv-cs-upload-title">{t('criteriaSets.uploadTitle')}</h2>
      <div class="rv-cs__template">
        <DownloadButton label={t('criteriaSets.downloadTemplate')} />
        <p class="muted">{t('criteriaSets.templateHint')}</p>
      </div>
      <form class="stack" onSubmit={(e) => void onSubmit(e)} noValidate>
        <div class="rv-field">
          <label for="rv-cs-file">{t('criteriaSets.file')}</label>
          <input
            id="rv-cs-file"
            type="file"
            accept=".xlsx,.json,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby="rv-cs-file-hint"
            onChange={(e) => {
              setFile(e.currentTarget.files?.[0]);
              setOutcome(undefined);
              setSaved('');
            }}
          />
          <span id="rv-cs-file-hint" class="muted">
            {t('criteriaSets.uploadHint')}
          </span>
        </div>
        {progress !== undefined && (
          <div class="rv-field">
            <label for="rv-cs-progress">{t('criteriaSets.uploading')}</label>
            <div class="rv-cs__progress">
              <progress id="rv-cs-progress" max={1} value={progress}>
                {formatNumber(progress, { percent: true, maximumFractionDigits: 0 }, lang)}
              </progress>
              <Button onClick={() => sending.current?.abort()}>{t('criteriaSets.cancelUpload')}</Button>
            </div>
          </div>
        )}
        {outcome?.kind === 'error' && (
          <p class="error-text" role="alert">
            {outcome.text}
          </p>
        )}
        <p class="rv-cs__saved" role="status">
          {saved}
        </p>
        <Button type="submit" variant="primary" busy={progress !== undefined}>
          {t('criteriaSets.upload')}
        </Button>
      </form>
      {outcome?.kind === 'problems' && <ProblemTable file={outcome.file} problems={outcome.problems} />}
    </section>
  );
}
