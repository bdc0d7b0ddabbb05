/**
 * Zod schema for a scoring methodology (data/methodology/<id>.json). The methodology is data,
 * not code, so that the ministry's official method can replace the provisional one; this schema
 * is what keeps a replacement file from silently breaking the scoring module's assumptions.
 */
import { z } from 'zod';
import { GROUP_CODES, nfcText } from './schemas';
import type { Methodology } from './types';
import type { Same } from './same-type';

const LAYERS = [1, 2, 3, 4] as const;
const LayerIdSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
const GroupCodeSchema = z.enum(GROUP_CODES);
const TierSchema = z.enum(['central', 'provincial', 'commune-essential', 'area-specific']);
const StatusValueSchema = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);
const weight = z.number().finite().nonnegative();

const StatusDefSchema = z.strictObject({ value: StatusValueSchema, vi: nfcText, en: nfcText });

const ScoreGroupSchema = z.strictObject({
  id: nfcText,
  layer: LayerIdSchema,
  members: z.array(GroupCodeSchema).min(1),
  vi: nfcText,
  en: nfcText,
});

const LevelSchema = z.strictObject({
  level: z.number().int().positive(),
  min: z.number().finite().min(0).max(100),
  vi: nfcText,
  en: nfcText,
});

const GateSchema = z.strictObject({
  id: nfcText,
  groups: z.array(GroupCodeSchema).min(1),
  tiers: z.array(TierSchema).min(1),
  minStatus: StatusValueSchema,
  capLevel: z.number().int().positive(),
  vi: nfcText,
  en: nfcText,
});

/** Numeric indicators for a later version: ratio × points, or points by steps of a value. */
const IndicatorSchema = z.discriminatedUnion('kind', [
  z.strictObject({ code: nfcText, kind: z.literal('ratio'), points: weight, group: nfcText, vi: nfcText, en: nfcText }),
  z.strictObject({
    code: nfcText,
    kind: z.literal('steps'),
    group: nfcText,
    steps: z.array(z.strictObject({ min: z.number().finite(), points: weight })).min(1),
    vi: nfcText,
    en: nfcText,
  }),
]);

export const MethodologySchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'lower-case id, digits, dots and dashes'),
    catalogueVersions: z.array(z.string().min(1)).min(1),
    title: z.strictObject({ vi: nfcText, en: nfcText }),
    statusScale: z.array(StatusDefSchema).length(4),
    maxStatus: z.literal(3),
    weights: z.strictObject({ 'commune-essential': weight, 'area-specific': weight, open: weight }),
    openItemsCountOnlyWhenNamed: z.boolean(),
    na: z.strictObject({
      allowedTiers: z.array(TierSchema),
      allowedForOpenItems: z.boolean(),
      reasonRequired: z.boolean(),
    }),
    scoreGroups: z.array(ScoreGroupSchema).min(1),
    levels: z.array(LevelSchema).min(1),
    gates: z.array(GateSchema),
    submission: z.strictObject({ requireEssentialAnswered: z.boolean() }),
    indicators: z.array(IndicatorSchema),
  })
  .superRefine((m, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });

    m.statusScale.forEach((s, i) => {
      if (s.value !== i) issue(['statusScale', i, 'value'], 'status scale must list 0, 1, 2, 3 in order');
    });

    // levelFor walks the levels in order; a gap below the first level would leave an index unlevelled.
    m.levels.forEach((l, i) => {
      const prev = m.levels[i - 1];
      if (i === 0 && l.min !== 0) issue(['levels', 0, 'min'], 'the first level must start at 0');
      if (prev && !(l.min > prev.min && l.level > prev.level))
        issue(['levels', i], 'levels must ascend strictly in both level and min');
    });

    // A catalogue group in two score groups would be counted twice.
    const owner = new Map<string, string>();
    m.scoreGroups.forEach((g, i) => {
      if (m.scoreGroups.findIndex((o) => o.id === g.id) !== i) issue(['scoreGroups', i, 'id'], 'duplicate id');
      for (const code of g.members) {
        if (owner.has(code)) issue(['scoreGroups', i, 'members'], `${code} is already in ${owner.get(code)}`);
        owner.set(code, g.id);
      }
    });
    for (const layer of LAYERS)
      if (!m.scoreGroups.some((g) => g.layer === layer)) issue(['scoreGroups'], `layer ${layer} has no score group`);

    // Central and provincial components are context, never answered by the commune.
    m.na.allowedTiers.forEach((t, i) => {
      if (t === 'central' || t === 'provincial') issue(['na', 'allowedTiers', i], `${t} components are never scored`);
    });

    const levels = new Set(m.levels.map((l) => l.level));
    m.gates.forEach((g, i) => {
      if (!levels.has(g.capLevel)) issue(['gates', i, 'capLevel'], 'capLevel is not a defined level');
    });

    const groupIds = new Set(m.scoreGroups.map((g) => g.id));
    m.indicators.forEach((ind, i) => {
      if (!groupIds.has(ind.group)) issue(['indicators', i, 'group'], 'unknown score group');
    });
  });

/** Validates a methodology file; throws a ZodError that names every problem. */
export function parseMethodology(json: unknown): Methodology {
  return MethodologySchema.parse(json);
}

// Compile-time guarantee that the schema and the shared type describe the same shape.
const _methodologyMatches: Same<z.infer<typeof MethodologySchema>, Methodology> = true;
