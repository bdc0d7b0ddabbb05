/**
 * "Đổi loại địa bàn": area types can be changed after creation (issue #10). The dialog shows what
 * the change adds and hides before anything is written; answers of hidden items stay on the
 * phone (not sent, not scored) and come back if the type is chosen again.
 */
import { useState } from 'preact/hooks';
import { updateAssessment } from '../../../db';
import { areaTypeChange } from '../../../domain/area-change';
import type { AnswerMap, AreaType, Catalogue } from '../../../domain/types';
import { useT } from '../../../i18n';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { AreaTypesField } from '../NewAssessment/AreaTypesField';

interface Props {
  assessmentId: string;
  current: readonly AreaType[];
  catalogue: Catalogue;
  answers: AnswerMap;
}

export function AreaTypesEdit({ assessmentId, current, catalogue, answers }: Props) {
  const t = useT('assess');
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<AreaType[]>([...current]);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const change = chosen.length > 0 ? areaTypeChange(catalogue, current, chosen, answers) : undefined;
  const unchanged =
    change !== undefined && change.added.length === 0 && change.hidden.length === 0 && chosen.length === current.length;

  const apply = async () => {
    if (!change || unchanged) return setOpen(false);
    setBusy(true);
    setFailed(false);
    try {
      await updateAssessment(assessmentId, { areaTypes: chosen });
      // The checklist, its sections and its progress are built from the area types: start it afresh.
      window.location.reload();
    } catch {
      setBusy(false);
      setFailed(true);
    }
  };

  return (
    <>
      <Button onClick={() => (setChosen([...current]), setOpen(true))}>{t('areaChange.button')}</Button>
      <ConfirmDialog
        open={open}
        title={t('areaChange.title')}
        confirmLabel={t('areaChange.confirm')}
        cancelLabel={t('common:actions.cancel')}
        busy={busy}
        onConfirm={() => void apply()}
        onCancel={() => setOpen(false)}
      >
        <AreaTypesField
          value={chosen}
          onChange={setChosen}
          error={chosen.length === 0 ? t('new.errors.area-types-required') : undefined}
        />
        {change && (
          <div class="area-change" aria-live="polite">
            <p>{t('areaChange.added', { count: change.added.length, codes: change.added.join(', ') || '—' })}</p>
            <p>{t('areaChange.hidden', { count: change.hidden.length, codes: change.hidden.join(', ') || '—' })}</p>
            {change.keptHidden > 0 && <p>{t('areaChange.keptHidden', { count: change.keptHidden })}</p>}
            {change.restored > 0 && <p>{t('areaChange.restored', { count: change.restored })}</p>}
          </div>
        )}
        {failed && (
          <p class="error-text" role="alert">
            {t('areaChange.failed')}
          </p>
        )}
      </ConfirmDialog>
    </>
  );
}
