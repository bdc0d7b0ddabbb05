/**
 * Zod schemas for the data files under data/: the catalogue, its translations and the
 * administrative units. The tests check every shipped file against them, and the server can
 * use them on anything it loads. The methodology schema lives in ./methodology-schema.ts.
 */
import { z } from 'zod';
import type { Catalogue, CatalogueTranslation, GroupCode, LayerId } from './types';
import { AREA_TYPES, COMMUNE_CODE_RE, PROVINCE_CODE_RE } from './vocabulary';
import type { AdminUnits } from './admin-units';
import type { Same } from './same-type';

/** Text shown to people must be NFC so that equal words compare equal. */
export const nfcText = z
  .string()
  .min(1)
  .refine((s) => s === s.normalize('NFC'), { message: 'not NFC' });

export const GROUP_CODES = [
  'HTS',
  'ANM',
  'DL',
  'NTL',
  'ƯDCQS',
  'NVCQS',
  'ƯDKTS',
  'NVKTS',
  'ƯDXHS',
  'NVXHS',
  'KTT',
  'ĐLHQ',
] as const satisfies readonly GroupCode[];

const LayerIdSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
const GroupCodeSchema = z.enum(GROUP_CODES);
const BlockSchema = z.enum(['CQS', 'KTS', 'XHS']);
const TierSchema = z.enum(['central', 'provincial', 'commune-essential', 'area-specific']);
const AreaTypeSchema = z.enum(AREA_TYPES);

const CatalogueComponentSchema = z
  .strictObject({
    code: nfcText,
    group: GroupCodeSchema,
    layer: LayerIdSchema,
    block: BlockSchema.optional(),
    kind: z.enum(['component', 'activity']),
    tier: TierSchema,
    areaType: AreaTypeSchema.optional(),
    vi: nfcText,
    open: z.boolean(),
    exploit: z.boolean(),
  })
  .refine((c) => new RegExp(`^${c.group}[1-9][0-9]*$`, 'u').test(c.code), {
    message: 'code must be the group code followed by a number',
  })
  .refine((c) => (c.tier === 'area-specific') === (c.areaType !== undefined), {
    message: 'areaType is required for area-specific components and only for them',
  })
  .refine((c) => (c.layer === 3) === (c.block !== undefined), {
    message: 'block is required in layer 3 and only there',
  });

const CatalogueGroupSchema = z.strictObject({
  code: GroupCodeSchema,
  layer: LayerIdSchema,
  block: BlockSchema.optional(),
  vi: nfcText,
});

export const CatalogueSchema = z
  .strictObject({
    version: z.string().min(1),
    source: z.strictObject({ file: z.string().min(1), section: z.string().min(1), title: nfcText }),
    layers: z.array(z.strictObject({ id: LayerIdSchema, vi: nfcText })).length(4),
    groups: z.array(CatalogueGroupSchema).min(1),
    components: z.array(CatalogueComponentSchema).min(1),
    sameItems: z.array(z.array(nfcText).min(2)).optional(),
  })
  .superRefine((cat, ctx) => {
    // A same-item set: known, area-specific, closed items of one group, one per area type, each in one set.
    const byCode = new Map(cat.components.map((c) => [c.code, c]));
    const inSet = new Set<string>();
    (cat.sameItems ?? []).forEach((set, i) => {
      const members = set.map((code) => byCode.get(code));
      const ok = members.every((c) => c?.tier === 'area-specific' && !c.open && c.group === members[0]?.group);
      if (!ok)
        ctx.addIssue({
          code: 'custom',
          path: ['sameItems', i],
          message: 'members must be closed area-specific items of one group',
        });
      if (new Set(members.map((c) => c?.areaType)).size !== set.length)
        ctx.addIssue({ code: 'custom', path: ['sameItems', i], message: 'one member per area type' });
      for (const code of set) {
        if (inSet.has(code)) ctx.addIssue({ code: 'custom', path: ['sameItems', i], message: `${code} is in two sets` });
        inSet.add(code);
      }
    });
    // Components must agree with the group they name, and codes must be unique.
    const groups = new Map(cat.groups.map((g) => [g.code, g]));
    const seen = new Set<string>();
    cat.components.forEach((c, i) => {
      const group = groups.get(c.group);
      if (!group) ctx.addIssue({ code: 'custom', path: ['components', i, 'group'], message: 'unknown group' });
      else if (group.layer !== c.layer || group.block !== c.block)
        ctx.addIssue({ code: 'custom', path: ['components', i], message: 'layer/block differ from its group' });
      if (seen.has(c.code)) ctx.addIssue({ code: 'custom', path: ['components', i, 'code'], message: 'duplicate code' });
      seen.add(c.code);
    });
    if (groups.size !== cat.groups.length) ctx.addIssue({ code: 'custom', path: ['groups'], message: 'duplicate group' });
  });

export const CatalogueTranslationSchema = z.strictObject({
  catalogueVersion: z.string().min(1),
  lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'BCP 47 language tag'),
  layers: z.record(z.string(), nfcText),
  groups: z.record(z.string(), nfcText),
  components: z.record(z.string(), nfcText),
});

const CommuneSchema = z.strictObject({
  code: z.string().regex(COMMUNE_CODE_RE),
  name: nfcText,
  type: z.enum(['xã', 'phường', 'đặc khu']),
});

const ProvinceSchema = z.strictObject({
  code: z.string().regex(PROVINCE_CODE_RE),
  name: nfcText,
  type: z.enum(['thành phố', 'tỉnh']),
  communes: z.array(CommuneSchema).min(1),
});

const AdminUnitChangeSchema = z.strictObject({
  level: z.enum(['province', 'commune']),
  code: z.union([z.string().regex(PROVINCE_CODE_RE), z.string().regex(COMMUNE_CODE_RE)]),
  before: z.record(z.string(), z.unknown()),
  after: z.record(z.string(), z.unknown()),
  effective: z.iso.date(),
  basis: z.string().min(1),
  note: z.string().optional(),
  source: z.string().optional(),
});

export const AdminUnitsSchema = z
  .strictObject({
    source: z.record(z.string(), z.unknown()),
    changes_since_baseline: z.array(AdminUnitChangeSchema),
    provinces: z.array(ProvinceSchema).min(1),
  })
  .superRefine((units, ctx) => {
    const codes = new Set<string>();
    for (const code of units.provinces.flatMap((p) => [p.code, ...p.communes.map((c) => c.code)])) {
      if (codes.has(code)) ctx.addIssue({ code: 'custom', path: ['provinces'], message: `duplicate code ${code}` });
      codes.add(code);
    }
  });

// Compile-time guarantees that the schemas and the shared types describe the same shapes.
const _catalogueMatches: Same<z.infer<typeof CatalogueSchema>, Catalogue> = true;
const _translationMatches: Same<z.infer<typeof CatalogueTranslationSchema>, CatalogueTranslation> = true;
const _adminUnitsMatches: Same<z.infer<typeof AdminUnitsSchema>, AdminUnits> = true;
const _layerIdMatches: Same<z.infer<typeof LayerIdSchema>, LayerId> = true;
