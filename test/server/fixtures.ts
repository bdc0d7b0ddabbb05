/** Submissions built from the real catalogue, the way the phone would send them. */
import { applicableComponents } from '../../src/domain/catalogue';
import type { Submission } from '../../src/domain/submission';
import type { AreaType, Catalogue, CatalogueComponent, Status } from '../../src/domain/types';
import { realReference } from './harness';

/** Cao Bằng (04): a mountain province. */
export const MOUNTAIN_PROVINCE = '04';
export const MOUNTAIN_COMMUNE = '01290'; // Xã Bảo Lâm
export const MOUNTAIN_COMMUNE_2 = '01273'; // Phường Thục Phán
/** Hà Nội (01). */
export const CITY_PROVINCE = '01';
export const CITY_COMMUNE = '00004'; // Phường Ba Đình

export function catalogue(): Catalogue {
  const reference = realReference();
  const found = reference.catalogues.get(reference.current.catalogueVersion);
  if (!found) throw new Error('no catalogue');
  return found;
}

export interface SubmissionOptions {
  areaTypes?: AreaType[];
  /** Status of each non-open applicable component; open "…khác" items are left out. */
  status?: (c: CatalogueComponent) => Status;
  revision?: number;
  baseRevision?: number | null;
  period?: string;
  submittedAt?: string;
}

export function submission(communeCode: string, options: SubmissionOptions = {}): Submission {
  const reference = realReference();
  const areaTypes = options.areaTypes ?? ['mountain-border-island'];
  const status = options.status ?? (() => 3);
  const answers = applicableComponents(catalogue(), areaTypes)
    .filter((c) => !c.open)
    .map((c) => {
      const s = status(c);
      return {
        code: c.code,
        status: s,
        ...(s === 'na' ? { naReason: 'Không có trên địa bàn' } : {}),
        updatedAt: '2026-03-01T07:00:00.000Z',
      };
    });
  return {
    revision: options.revision ?? 1,
    baseRevision: options.baseRevision ?? null,
    communeCode,
    areaTypes,
    period: options.period ?? '2026',
    catalogueVersion: reference.current.catalogueVersion,
    methodologyId: reference.current.methodologyId,
    submittedAt: options.submittedAt ?? '2026-03-01T07:30:00.000Z',
    answers,
  };
}

export function essential(code: string): boolean {
  return catalogue().components.find((c) => c.code === code)?.tier === 'commune-essential';
}

export function firstComponent(predicate: (c: CatalogueComponent) => boolean): CatalogueComponent {
  const found = catalogue().components.find(predicate);
  if (!found) throw new Error('no such component');
  return found;
}
