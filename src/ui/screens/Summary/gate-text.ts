/**
 * The sentence that says why the level is capped ("Mức bị giới hạn ở 2 vì…"): the summary's
 * headline and the printed report word a gate alike.
 */
import type { useT } from '../../../i18n';
import type { GateNotice } from './view-model';

export function gateCappedText(t: ReturnType<typeof useT>, g: GateNotice): string {
  return t('gate.capped', {
    cap: g.cap,
    groups: g.groups,
    tiers: g.tiers.map((x) => t(`gate.tier.${x}`)).join(', '),
    status: g.minStatus,
  });
}
