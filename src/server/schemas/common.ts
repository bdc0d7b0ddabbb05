/** Schemas shared by several payloads: the error body, path parameters, codes. */
import { z } from 'zod';
import { AREA_TYPES, COMMUNE_CODE_RE, PROVINCE_CODE_RE } from '../../domain/vocabulary';

export const ErrorSchema = z
  .object({
    error: z
      .object({
        code: z.string().meta({ description: 'Stable machine-readable code, e.g. "revision_conflict"' }),
        message: z.string(),
      })
      .catchall(z.unknown()),
  })
  .meta({ title: 'Error' });

export const ProblemSchema = z
  .object({ code: z.string().optional(), problem: z.string() })
  .meta({ title: 'Problem', description: 'One validation problem; `code` names the component when there is one' });

export const ProvinceCodeSchema = z.string().regex(PROVINCE_CODE_RE);
export const CommuneCodeSchema = z.string().regex(COMMUNE_CODE_RE);
/** Assessment ids are chosen by the phone (a UUID); anything URL-safe and short is accepted. */
export const AssessmentIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
export const AreaTypeSchema = z.enum(AREA_TYPES);
export const IsoDateTime = z.string().meta({ format: 'date-time' });
