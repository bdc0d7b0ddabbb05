/**
 * The three ways to attach: "Chụp ảnh" opens the camera (capture), "Chọn ảnh" the gallery
 * (several at once), "Tệp PDF" the files. Each is a label around a visually hidden file input, so
 * a tap anywhere on it opens the picker and the focus ring shows on the label.
 */
import { useT } from '../../i18n';

interface Props {
  idBase: string;
  busy: boolean;
  onFiles: (files: File[]) => void;
}

export function PickButtons({ idBase, busy, onFiles }: Props) {
  const t = useT('evidence');
  const pick = (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const files = Array.from(input.files ?? []);
    input.value = ''; // the same file may be picked again later
    onFiles(files);
  };
  const inputs = [
    { key: 'camera', label: t('takePhoto'), accept: 'image/*', capture: 'environment' as const, multiple: false },
    { key: 'photos', label: t('pickPhotos'), accept: 'image/*', capture: undefined, multiple: true },
    { key: 'pdf', label: t('pickPdf'), accept: 'application/pdf,.pdf', capture: undefined, multiple: true },
  ];
  return (
    <div class="evidence-pick">
      {inputs.map((i) => (
        <label key={i.key} class={`btn btn--secondary evidence-pick__btn${busy ? ' is-busy' : ''}`} for={`${idBase}-${i.key}`}>
          <input
            id={`${idBase}-${i.key}`}
            class="visually-hidden"
            type="file"
            accept={i.accept}
            capture={i.capture}
            multiple={i.multiple}
            disabled={busy}
            onChange={pick}
          />
          {i.label}
        </label>
      ))}
    </div>
  );
}
