/** Payloads of the criteria-set routes (issue #12; the shared contract's names). */
import { z } from 'zod';
import { CommuneCodeSchema, IsoDateTime, ProvinceCodeSchema } from './common';

const Text = z.object({ vi: z.string(), en: z.string() });

export const CriteriaSetMetaSchema = z
  .object({
    /** Server uuid: the {id} of /criteria-sets/{id}. */
    id: z.string(),
    /** The set's own id and version, as submissions name them. */
    setId: z.string(),
    version: z.string(),
    provinceCode: z.string(),
    status: z.enum(['draft', 'published']),
    title: Text,
    indicatorCount: z.int(),
    /** SHA-256 (hex) of the set's canonical JSON, exactly the `set` served. */
    sha256: z.string(),
    bytes: z.int(),
    createdAt: IsoDateTime,
    createdBy: z.string(),
    publishedAt: IsoDateTime.optional(),
  })
  .meta({ title: 'CriteriaSetMeta' });
export type CriteriaSetMeta = z.infer<typeof CriteriaSetMetaSchema>;

export const CriteriaSetProblemSchema = z
  .object({
    message: z.string().meta({ description: 'In Vietnamese, naming the field and what is wrong' }),
    path: z.string().optional().meta({ description: 'JSON path, e.g. "groups[2].points"' }),
    sheet: z.string().optional(),
    row: z.int().optional(),
    column: z.string().optional(),
    cell: z.string().optional().meta({ description: 'e.g. "Chỉ tiêu!F12"' }),
  })
  .meta({ title: 'CriteriaSetProblem' });

/** The set itself (src/domain/criteria/schema.ts): documented by GET /criteria-sets/schema.json. */
const SetDoc = z.record(z.string(), z.unknown()).meta({ description: 'The criteria set (see /criteria-sets/schema.json)' });

export const CriteriaSetResponseSchema = z.object({ meta: CriteriaSetMetaSchema, set: SetDoc });
export const CriteriaSetMetaResponseSchema = z.object({ meta: CriteriaSetMetaSchema });
export const CriteriaSetListSchema = z.object({ sets: z.array(CriteriaSetMetaSchema) });

export const CriteriaSetListQuerySchema = z.object({
  /** Default: the caller's own province (required of the admin to see one province only). */
  provinceCode: ProvinceCodeSchema.optional(),
  /** published (default); draft: drafts only; all: both. Drafts: the province's reviewers and the admin. */
  status: z.enum(['published', 'draft', 'all']).default('published'),
});

export const PreviewQuerySchema = z.object({ communeCode: CommuneCodeSchema });
export const TemplateQuerySchema = z.object({ from: z.string().min(1).max(100).optional() });

export const CriteriaPreviewSchema = z.object({
  communeCode: z.string(),
  assessmentId: z.string(),
  revision: z.int(),
  /** The latest submission's answers scored under this set (server-side scoreCriteria). */
  draft: z.record(z.string(), z.unknown()),
  /** Its score under the set it was submitted with; absent when it named none. */
  current: z.record(z.string(), z.unknown()).optional(),
  /** The set it was submitted with, "id@version". */
  currentSet: z.string().optional(),
});
