/**
 * What to do next: every counted component not yet at full status, with how many index points
 * bringing it to full would add, whether it holds a gate, and who acts on it.
 */
import { isScaleStatus } from './answer-rules';
import { sharedMembers } from './same-items';
import { computeRawScores } from './scoring-raw';
import type { ScoringInput } from './scoring-raw';
import type { Gap, Methodology } from './types';

/** Gains equal up to this are ties, so float noise never reorders equal gains. */
const GAIN_TOLERANCE = 1e-9;

/**
 * Gap.gain, analytically. Raising one component changes neither weights nor which groups and
 * layers are scorable, so its effect on the index is linear:
 *   w × (1 − value) × 100 / Σw(group) / scorable groups in its layer / layers in the index.
 * test/domain/gaps.test.ts checks this against rescoring.
 */
export function gapList(input: ScoringInput): Gap[] {
  const m: Methodology = input.methodology;
  const raw = computeRawScores(input);
  const layerOf = new Map(raw.layers.map((l) => [l.layer, l]));
  const rows: { gap: Gap; exactGain: number; order: number }[] = [];

  raw.plan.components.forEach((p, k) => {
    const w = raw.weights[k] ?? 0;
    const pts = raw.points[k] ?? 0;
    if (w === 0 || pts >= m.maxStatus) return;
    const scoreGroup = m.scoreGroups[p.scoreGroup];
    const layer = layerOf.get(raw.plan.groupLayer[p.scoreGroup] ?? 1);
    const groupWeight = raw.groupWeight[p.scoreGroup] ?? 0;
    if (!scoreGroup || !layer || groupWeight === 0 || layer.scorableGroups === 0) return;

    const value = pts / m.maxStatus;
    const exactGain = (w * (1 - value) * 100) / groupWeight / layer.scorableGroups / raw.layers.length;
    const status = input.answers[p.component.code]?.status ?? null;
    const below = (min: number) => !(isScaleStatus(status, m) && pts >= min);
    const gate = p.gates.some((g) => {
      const def = m.gates[g];
      return def !== undefined && below(def.minStatus);
    });
    rows.push({
      gap: {
        code: p.component.code,
        scoreGroup: scoreGroup.id,
        status,
        gain: Math.round(exactGain * 100) / 100,
        gate,
        actor: p.component.exploit ? 'province' : 'commune',
      },
      exactGain,
      order: k,
    });
  });

  // A same item asked once is one gap: its members' gains go to the code the commune answers.
  const members = sharedMembers(input.catalogue, input.areaTypes);
  const byCode = new Map(rows.map((r) => [r.gap.code, r]));
  for (const [member, asked] of members) {
    const row = byCode.get(member);
    const target = byCode.get(asked);
    if (!row || !target) continue;
    target.exactGain += row.exactGain;
    target.gap.gain = Math.round(target.exactGain * 100) / 100;
    target.gap.gate ||= row.gap.gate;
  }
  const merged = members.size === 0 ? rows : rows.filter((r) => !members.has(r.gap.code));

  merged.sort((a, b) => {
    if (a.gap.gate !== b.gap.gate) return a.gap.gate ? -1 : 1;
    if (Math.abs(a.exactGain - b.exactGain) > GAIN_TOLERANCE) return b.exactGain - a.exactGain;
    return a.order - b.order;
  });
  return merged.map((r) => r.gap);
}
