/**
 * One attached file: thumbnail (an object URL, revoked when the item goes), name and size, its
 * caption (saved to IndexedDB as it is typed, "Đã lưu chú thích" only once committed), "Xem"
 * (a photo full screen; a PDF opens in a new tab) and "Xóa" after a confirmation.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { getDb } from '../../db';
import { getEvidenceFile, removeEvidence, updateEvidenceCaption } from '../../db/evidence';
import type { EvidenceLinkRow } from '../../db/evidence-rows';
import { EVIDENCE_LIMITS } from '../../domain/evidence-file';
import { formatNumber, useT } from '../../i18n';
import { Button } from '../components/Button';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { useLive } from '../sync/use-live';
import { errorKey } from './attach-files';
import { formatBytes } from './storage-use';
import { PhotoViewer } from './PhotoViewer';
import { useObjectUrl } from './use-object-url';

type CaptionState = 'idle' | 'saving' | 'saved' | { error: string };
const CAPTION_IDLE_MS = 600;

export function EvidenceItem({ link, readOnly }: { link: EvidenceLinkRow; readOnly: boolean }) {
  const t = useT('evidence');
  const file = useLive(() => getEvidenceFile(getDb(), link.sha256), [link.sha256]);
  const url = useObjectUrl(file?.blob);
  const [caption, setCaption] = useState(link.caption);
  const [captionState, setCaptionState] = useState<CaptionState>('idle');
  const [viewing, setViewing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [removeError, setRemoveError] = useState<string>();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const typed = useRef(link.caption);
  const stored = useRef(link.caption);

  const saveCaption = () => {
    clearTimeout(timer.current);
    const text = typed.current;
    if (text === stored.current) return;
    setCaptionState('saving');
    updateEvidenceCaption(getDb(), link.id, text).then(
      (saved) => {
        stored.current = text;
        // "Đã lưu" only for what is in the box now; a newer text has its own save coming.
        if (typed.current === text) setCaptionState('saved');
        return saved;
      },
      (err: unknown) => setCaptionState({ error: errorKey(err) }),
    );
  };
  // Whatever is still waiting is written when the item goes (panel closed).
  useEffect(() => () => saveCaption(), []);

  const onInput = (value: string) => {
    typed.current = value;
    setCaption(value);
    setCaptionState('idle');
    clearTimeout(timer.current);
    timer.current = setTimeout(saveCaption, CAPTION_IDLE_MS);
  };

  const remove = () => {
    removeEvidence(getDb(), link.id).then(
      () => setConfirming(false),
      (err: unknown) => {
        setConfirming(false);
        setRemoveError(errorKey(err));
      },
    );
  };

  const name = link.name || link.sha256.slice(0, 12);
  const isPdf = file?.type === 'application/pdf';
  const captionId = `ev-${link.id}-caption`;
  const size = (b: number) => formatBytes(b, (n, digits) => formatNumber(n, { maximumFractionDigits: digits }));
  return (
    <li class="evidence-item">
      <div class="evidence-item__thumb" aria-hidden="true">
        {isPdf ? <span class="evidence-item__pdf">PDF</span> : url && <img src={url} alt="" />}
      </div>
      <div class="evidence-item__body">
        <p class="evidence-item__name">
          {name}
          {file && (
            <span class="evidence-item__meta">
              {' · '}
              {size(file.size)}
              {file.original && ` · ${t('original')}`}
            </span>
          )}
        </p>
        {readOnly ? (
          link.caption && <p class="evidence-item__caption">{link.caption}</p>
        ) : (
          <>
            <label class="evidence-item__label" for={captionId}>
              {t('caption')}
            </label>
            <input
              id={captionId}
              class="evidence-item__input"
              type="text"
              value={caption}
              maxLength={EVIDENCE_LIMITS.caption}
              placeholder={t('captionPlaceholder')}
              onInput={(e) => onInput(e.currentTarget.value)}
              onBlur={saveCaption}
            />
            <p class="evidence-item__state" aria-live="polite" role={typeof captionState === 'object' ? 'alert' : undefined}>
              {captionState === 'saving' && t('captionSaving')}
              {captionState === 'saved' && t('captionSaved')}
              {typeof captionState === 'object' && t(captionState.error, { name })}
            </p>
          </>
        )}
        {removeError && (
          <p class="evidence-outcome--error" role="alert">
            {t(removeError, { name })}
          </p>
        )}
        <div class="evidence-item__actions">
          {url &&
            (isPdf ? (
              <a class="btn btn--quiet" href={url} target="_blank" rel="noopener" download={name}>
                {t('openPdf')}
              </a>
            ) : (
              <Button variant="quiet" aria-label={t('viewNamed', { name })} onClick={() => setViewing(true)}>
                {t('view')}
              </Button>
            ))}
          {!readOnly && (
            <Button variant="quiet" aria-label={t('removeNamed', { name })} onClick={() => setConfirming(true)}>
              {t('remove')}
            </Button>
          )}
        </div>
      </div>
      {viewing && url && <PhotoViewer url={url} name={name} caption={link.caption} onClose={() => setViewing(false)} />}
      <ConfirmDialog
        open={confirming}
        title={t('removeTitle')}
        confirmLabel={t('remove')}
        cancelLabel={t('cancel')}
        danger
        onConfirm={remove}
        onCancel={() => setConfirming(false)}
      >
        {t('removeBody', { name, code: link.code })}
      </ConfirmDialog>
    </li>
  );
}
