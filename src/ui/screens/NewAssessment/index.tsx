/**
 * #/new — start an assessment: province, commune (diacritic-insensitive search),
 * area types, period, who helped and the criteria set it is scored under. Invalid fields get a message beside them and
 * the first one takes focus; a valid form creates the assessment and opens its checklist.
 */
import { storageProblemText } from '../../components/storage-problem';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { LIMITS } from '../../../domain/answer-rules';
import type { AdminUnits, Commune } from '../../../domain/admin-units';
import { createAssessment, listAssessments } from '../../../db';
import { CURRENT_CATALOGUE_VERSION, CURRENT_METHODOLOGY_ID, loadAdminUnits } from '../../../data/load';
import type { Assessment } from '../../../domain/types';
import { formatDateTime, useT } from '../../../i18n';
import { navigate, paths } from '../../router';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Page } from '../../components/Page';
import { AreaTypesField, AREA_FIRST_ID } from './AreaTypesField';
import { CriteriaSetField } from './CriteriaSetField';
import { PROVISIONAL_KEY, refOfChoice, type SetChoice } from './set-choices';
import { CommunePicker, COMMUNE_INPUT_ID } from './CommunePicker';
import { TextField } from './TextField';
import { normalizeText } from '../../../domain/answer-rules';
import { emptyForm, findDuplicate, firstErrorField, validateNewAssessment } from './form';
import type { FormErrors, FormField, NewAssessmentForm } from './form';
import './style.css';

const FOCUS_ID: Record<FormField, string> = {
  province: 'new-province',
  commune: COMMUNE_INPUT_ID,
  areaTypes: AREA_FIRST_ID,
  period: 'new-period',
  helpers: 'new-helpers',
};

const FIELD_OF: Record<keyof NewAssessmentForm, FormField> = {
  provinceCode: 'province',
  communeCode: 'commune',
  areaTypes: 'areaTypes',
  period: 'period',
  helpers: 'helpers',
};

export default function NewAssessment() {
  const t = useT('assess');
  const [units, setUnits] = useState<AdminUnits | undefined>();
  const [loadFailed, setLoadFailed] = useState(false);
  const [form, setForm] = useState<NewAssessmentForm>(() => emptyForm());
  const [commune, setCommune] = useState<Commune | undefined>();
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);
  const [submitError, setSubmitError] = useState('');
  /** An assessment of the same commune and period already on the phone: asked about before a second is made. */
  const [duplicate, setDuplicate] = useState<Assessment>();
  const [setChoice, setSetChoice] = useState<SetChoice>({ key: PROVISIONAL_KEY });

  useEffect(() => {
    loadAdminUnits().then(setUnits, () => setLoadFailed(true));
  }, []);

  const province = useMemo(() => units?.provinces.find((p) => p.code === form.provinceCode), [units, form.provinceCode]);

  const set = <K extends keyof NewAssessmentForm>(key: K, value: NewAssessmentForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    // A field's message goes once the user changes it; the next "Tạo" checks everything again.
    const field = FIELD_OF[key];
    setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e));
  };
  const err = (f: FormField) => (errors[f] ? t(`new.errors.${errors[f]}`, { max: maxFor(f) }) : undefined);

  const onSubmit = async (e: Event, allowDuplicate = false) => {
    e.preventDefault();
    if (busy) return;
    const found = validateNewAssessment(form, LIMITS);
    setErrors(found);
    setSubmitError('');
    const first = firstErrorField(found);
    if (first) {
      document.getElementById(FOCUS_ID[first])?.focus();
      return;
    }
    setBusy(true);
    try {
      if (!allowDuplicate) {
        const existing = findDuplicate(await listAssessments(), form.communeCode, form.period);
        if (existing) {
          setBusy(false);
          setDuplicate(existing);
          return;
        }
      }
      setDuplicate(undefined);
      const helpers = normalizeText(form.helpers);
      const criteriaSet = refOfChoice(setChoice);
      const a = await createAssessment({
        provinceCode: form.provinceCode,
        communeCode: form.communeCode,
        areaTypes: form.areaTypes,
        period: normalizeText(form.period),
        catalogueVersion: CURRENT_CATALOGUE_VERSION,
        methodologyId: CURRENT_METHODOLOGY_ID,
        ...(criteriaSet ? { criteriaSet } : {}),
        ...(helpers ? { helpers } : {}),
      });
      navigate(paths.checklist(a.id));
    } catch (x) {
      setBusy(false);
      setSubmitError(
        storageProblemText(x, t) ?? t('new.errors.create-failed', { message: x instanceof Error ? x.message : String(x) }),
      );
    }
  };

  return (
    <Page title={t('new.title')}>
      {loadFailed && (
        <p class="form-alert" role="alert">
          {t('new.errors.units-failed')}
        </p>
      )}
      <form class="new-assessment" noValidate onSubmit={onSubmit}>
        <div class={`field${errors.province ? ' field--error' : ''}`}>
          <label for="new-province">{t('new.province.label')}</label>
          <select
            id="new-province"
            value={form.provinceCode}
            disabled={!units}
            aria-describedby={errors.province ? 'new-province-error' : undefined}
            aria-invalid={errors.province ? 'true' : undefined}
            onChange={(e) => {
              set('provinceCode', e.currentTarget.value);
              set('communeCode', '');
              setCommune(undefined);
            }}
          >
            <option value="">{units ? t('new.province.choose') : t('new.province.loading')}</option>
            {units?.provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
          {errors.province && (
            <p id="new-province-error" class="field-error">
              {err('province')}
            </p>
          )}
        </div>
        <CommunePicker
          key={form.provinceCode}
          province={province}
          selected={commune}
          error={err('commune')}
          onSelect={(c) => {
            setCommune(c);
            set('communeCode', c?.code ?? '');
          }}
        />
        <AreaTypesField value={form.areaTypes} onChange={(v) => set('areaTypes', v)} error={err('areaTypes')} />
        <TextField
          id="new-period"
          label={t('new.period.label')}
          hint={t('new.period.hint')}
          value={form.period}
          onInput={(v) => set('period', v)}
          error={err('period')}
        />
        <TextField
          id="new-helpers"
          label={t('new.helpers.label')}
          hint={t('new.helpers.hint')}
          value={form.helpers}
          onInput={(v) => set('helpers', v)}
          error={err('helpers')}
          autocomplete="name"
        />
        <CriteriaSetField value={setChoice.key} onChange={setSetChoice} provinceCode={form.provinceCode} />
        {submitError && (
          <p class="form-alert" role="alert">
            {submitError}
          </p>
        )}
        <Button type="submit" variant="primary" class="new-submit" busy={busy}>
          {busy ? t('new.creating') : t('new.create')}
        </Button>
      </form>
      <ConfirmDialog
        open={duplicate !== undefined}
        title={t('new.duplicate.title')}
        confirmLabel={t('new.duplicate.open')}
        cancelLabel={t('common:actions.cancel')}
        busy={busy}
        onConfirm={() => duplicate && navigate(paths.checklist(duplicate.id))}
        onCancel={() => setDuplicate(undefined)}
      >
        {duplicate && (
          <>
            <p>
              {t('new.duplicate.body', {
                commune: commune?.name ?? duplicate.communeCode,
                period: duplicate.period,
                time: formatDateTime(duplicate.updatedAt),
              })}
            </p>
            <Button onClick={(e: Event) => void onSubmit(e, true)}>{t('new.duplicate.createAnyway')}</Button>
          </>
        )}
      </ConfirmDialog>
    </Page>
  );
}

function maxFor(f: FormField): number | undefined {
  if (f === 'period') return LIMITS.period;
  if (f === 'helpers') return LIMITS.helpers;
  return undefined;
}
