/** A photo full screen, on the native <dialog> (focus trapped, Escape closes), with its caption. */
import { useEffect, useRef } from 'preact/hooks';
import { useT } from '../../i18n';
import { Button } from '../components/Button';

interface Props {
  url: string;
  name: string;
  caption: string;
  onClose: () => void;
}

export function PhotoViewer({ url, name, caption, onClose }: Props) {
  const t = useT('evidence');
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
    return () => el?.close();
  }, []);
  return (
    <dialog ref={dialog} class="photo-viewer" aria-label={name} onCancel={onClose}>
      <img src={url} alt={caption || name} />
      <div class="photo-viewer__bar">
        <p>{caption || name}</p>
        <Button variant="primary" onClick={onClose}>
          {t('close')}
        </Button>
      </div>
    </dialog>
  );
}
