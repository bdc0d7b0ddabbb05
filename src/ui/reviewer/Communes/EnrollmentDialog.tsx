import { useEffect, useRef, useState } from 'preact/hooks';
import { formatDateTime, useLanguage, useT } from '../../../i18n';
import { Button } from '../../components/Button';
import { announce } from '../../components/announce';
import { api } from '../api';
import { errorText } from '../errors';
import type { EnrollmentCode } from '../types';

/** The server's QR SVG as an image source: an <img> never runs what is inside it. */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/**
 * Issues a single-use enrollment code for one commune and shows it once: the code, the link
 * that opens the app with it, its QR code and when it expires. Native <dialog>: focus is kept
 * inside, Escape closes, focus returns to the button that opened it.
 */
export function EnrollmentDialog({ commune, onClose }: { commune: { code: string; name: string }; onClose: () => void }) {
  const t = useT('reviewer');
  const lang = useLanguage();
  const dialog = useRef<HTMLDialogElement>(null);
  const closeBtn = useRef<HTMLButtonElement>(null);
  const [result, setResult] = useState<EnrollmentCode | undefined>();
  const [error, setError] = useState<unknown>();
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    const el = dialog.current;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (el && !el.open) el.showModal();
    closeBtn.current?.focus();
    let live = true;
    api.enrollmentCode(commune.code).then(
      (r) => {
        if (!live) return;
        setResult(r);
        announce(t('enroll.issued', { commune: commune.name }));
      },
      (err: unknown) => live && setError(err),
    );
    return () => {
      live = false;
      if (el?.open) el.close();
      returnTo?.focus();
    };
  }, [commune.code]);

  const copy = async () => {
    if (!result) return;
    try {
      await navigator.clipboard.writeText(result.link);
      setCopied(true);
      announce(t('enroll.copied'));
    } catch {
      setCopied(false);
    }
  };

  return (
    <dialog
      ref={dialog}
      class="rv-enroll"
      aria-labelledby="rv-enroll-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id="rv-enroll-title">{t('enroll.title', { commune: commune.name })}</h2>
      {!result && !error && <p role="status">{t('enroll.issuing')}</p>}
      {error !== undefined && (
        <p class="error-text" role="alert">
          {errorText(error, t)}
        </p>
      )}
      {result && (
        <div class="rv-enroll__body">
          <img
            class="rv-enroll__qr"
            src={svgDataUrl(result.qrSvg)}
            alt={t('enroll.qrAlt', { commune: commune.name })}
            width={200}
            height={200}
          />
          <dl class="rv-enroll__facts">
            <dt>{t('enroll.code')}</dt>
            <dd class="rv-enroll__code" lang="en">
              {result.code}
            </dd>
            <dt>{t('enroll.expires')}</dt>
            <dd>
              <time dateTime={result.expiresAt}>{formatDateTime(result.expiresAt, lang)}</time>
            </dd>
            <dt>{t('enroll.link')}</dt>
            <dd>
              <a href={result.link} class="rv-enroll__link" target="_blank" rel="noopener noreferrer">
                {result.link}
              </a>
            </dd>
          </dl>
          <p class="muted">{t('enroll.howTo')}</p>
        </div>
      )}
      <div class="actions">
        {result && <Button onClick={() => void copy()}>{copied ? t('enroll.copiedShort') : t('enroll.copy')}</Button>}
        <Button ref={closeBtn} variant="primary" onClick={onClose}>
          {t('common:actions.close')}
        </Button>
      </div>
    </dialog>
  );
}
