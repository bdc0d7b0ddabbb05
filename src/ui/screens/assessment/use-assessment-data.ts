/**
 * Everything an assessment screen needs: the assessment, its answers, the catalogue and
 * methodology (and the criteria set it names, if any), the province and commune, and the catalogue labels in the UI language.
 * Shared by Checklist, Summary and Report. A language switch swaps only the labels: the
 * screen stays mounted, so nothing typed is lost.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { findCommune, findProvince } from '../../../domain/admin-units';
import type { Commune, Province } from '../../../domain/admin-units';
import type { Answer, Assessment, Catalogue, CatalogueTranslation, Methodology } from '../../../domain/types';
import { getAnswers, getAssessment } from '../../../db';
import type { CriteriaSet } from '../../../domain/criteria/schema';
import { loadAdminUnits, loadCatalogue, loadCatalogueTranslation, loadMethodology } from '../../../data/load';
import { findCriteriaSet } from '../../../sync/held-sets';
import { useLanguage } from '../../../i18n';

export interface AssessmentData {
  assessment: Assessment;
  answers: Record<string, Answer>;
  catalogue: Catalogue;
  methodology: Methodology;
  /** The criteria set the assessment names (bundled chunk or downloaded set, loaded only for such an assessment). */
  criteriaSet: CriteriaSet | undefined;
  translation: CatalogueTranslation | undefined;
  province: Province | undefined;
  commune: Commune | undefined;
}

type Base = Omit<AssessmentData, 'translation'>;

export type Loaded =
  { status: 'loading' } | { status: 'missing' } | { status: 'error'; error: unknown } | { status: 'ready'; data: AssessmentData };

type BaseState =
  { status: 'loading' } | { status: 'missing' } | { status: 'error'; error: unknown } | { status: 'ready'; base: Base };

export async function loadBase(id: string): Promise<Base | undefined> {
  const [assessment, answers, catalogue, methodology, units] = await Promise.all([
    getAssessment(id),
    getAnswers(id),
    loadCatalogue(),
    loadMethodology(),
    loadAdminUnits(),
  ]);
  if (!assessment) return undefined;
  const named = assessment.criteriaSet;
  // Bundled with the app or downloaded from the province (offline either way).
  const criteriaSet = named ? await findCriteriaSet(named) : undefined;
  // Never score it under another rule than the one it names: a set this phone lacks is a failure to load.
  if (named && !criteriaSet) throw new Error(`The criteria set ${named.id} ${named.version} is not on this phone.`);
  const province = findProvince(units, assessment.provinceCode);
  const commune = findCommune(units, assessment.communeCode);
  return { assessment, answers, catalogue, methodology, criteriaSet, province, commune };
}

export function useAssessmentData(id: string): Loaded {
  const lang = useLanguage();
  const [base, setBase] = useState<BaseState>({ status: 'loading' });
  const [labels, setLabels] = useState<{ translation: CatalogueTranslation | undefined } | undefined>();

  useEffect(() => {
    let live = true;
    setBase({ status: 'loading' });
    loadBase(id).then(
      (b) => live && setBase(b ? { status: 'ready', base: b } : { status: 'missing' }),
      (error: unknown) => live && setBase({ status: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, [id]);

  useEffect(() => {
    let live = true;
    // Without the labels (offline, never cached) the source Vietnamese shows: still usable.
    loadCatalogueTranslation(lang).then(
      (translation) => live && setLabels({ translation }),
      () => live && setLabels({ translation: undefined }),
    );
    return () => {
      live = false;
    };
  }, [lang]);

  return useMemo((): Loaded => {
    if (base.status !== 'ready') return base;
    if (!labels) return { status: 'loading' };
    return { status: 'ready', data: { ...base.base, translation: labels.translation } };
  }, [base, labels]);
}
