/**
 * The evidence the commune attached to one item (issue #13): photos as thumbnails, PDFs as a link
 * that opens them, and "chưa nhận được tệp" for a file the phone has not sent yet. Files are read
 * with the reviewer's session (the API needs the bearer token, so no plain <img src>): fetched as
 * blobs and shown through object URLs, revoked when the item goes. The list of the whole
 * submission comes through EvidenceContext, so AnswerItem only places it.
 */
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { formatBytes, useT } from '../../../i18n';
import { send } from '../api';
import type { EvidenceView } from '../types';
import './evidence.css';

export const EvidenceContext = createContext<readonly EvidenceView[]>([]);

/** An object URL of the file, fetched once the item is shown; 'failed' when it could not be read. */
function useFileUrl(sha256: string, wanted: boolean): string | 'failed' | undefined {
  const [url, setUrl] = useState<string | 'failed' | undefined>();
  useEffect(() => {
    if (!wanted) return;
    const abort = new AbortController();
    let made: string | undefined;
    send(`/evidence/files/${sha256}`, { accept: '*/*', signal: abort.signal })
      .then((res) => res.blob())
      .then(
        (blob) => {
          made = URL.createObjectURL(blob);
          setUrl(made);
        },
        () => !abort.signal.aborted && setUrl('failed'),
      );
    return () => {
      abort.abort();
      if (made) URL.revokeObjectURL(made);
    };
  }, [sha256, wanted]);
  return url;
}

function EvidenceFile({ item }: { item: EvidenceView }) {
  const t = useT('reviewer');
  const pdf = item.type === 'application/pdf';
  const url = useFileUrl(item.sha256, item.received);
  const caption = item.caption || t('evidence.noCaption');
  let body;
  if (!item.received) body = <span class="rv-evidence__pending">{t('evidence.pending')}</span>;
  else if (url === 'failed') body = <span class="rv-evidence__pending">{t('evidence.loadFailed')}</span>;
  else if (!url) body = <span class="rv-evidence__thumb rv-evidence__thumb--loading" aria-hidden="true" />;
  else if (pdf)
    body = (
      <a href={url} target="_blank" rel="noopener noreferrer">
        {t('evidence.openPdf', { size: formatBytes(item.size) })}
      </a>
    );
  else
    body = (
      <a href={url} target="_blank" rel="noopener noreferrer" class="rv-evidence__thumb">
        <img src={url} alt={t('evidence.photoAlt', { caption })} />
      </a>
    );
  return (
    <li class={`rv-evidence__item${item.received ? '' : ' rv-evidence__item--pending'}`}>
      {body}
      <span class="rv-evidence__caption rv-user-text">{caption}</span>
    </li>
  );
}

/** Nothing when the item carries no evidence. */
export function EvidenceList({ code }: { code: string }) {
  const t = useT('reviewer');
  const items = useContext(EvidenceContext).filter((e) => e.code === code);
  if (items.length === 0) return null;
  return (
    <div class="rv-evidence">
      <p class="rv-answer__field">{t('evidence.heading', { count: items.length })}</p>
      <ul class="rv-evidence__list">
        {items.map((item) => (
          <EvidenceFile key={item.sha256} item={item} />
        ))}
      </ul>
    </div>
  );
}
