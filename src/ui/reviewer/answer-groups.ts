/**
 * The submitted answers laid out as the checklist is: by layer, then catalogue group, in
 * catalogue order. Every component the commune had to assess appears (an unanswered one as
 * such); an answer to a component outside that set is still shown, never dropped.
 */
import { applicableComponents } from '../../domain/catalogue';
import type { Answer, AreaType, Catalogue, CatalogueComponent, CatalogueGroup, LayerId, Status } from '../../domain/types';

export interface AnswerItem {
  component: CatalogueComponent;
  answer: Answer | undefined;
}

export interface AnswerGroup {
  group: CatalogueGroup;
  items: AnswerItem[];
}

export interface AnswerLayer {
  layer: LayerId;
  groups: AnswerGroup[];
}

export function groupAnswers(cat: Catalogue, areaTypes: readonly AreaType[], answers: readonly Answer[]): AnswerLayer[] {
  const byCode = new Map(answers.map((a) => [a.code, a]));
  const shown = new Set(applicableComponents(cat, areaTypes).map((c) => c.code));
  for (const a of answers) shown.add(a.code);
  const layers: AnswerLayer[] = [];
  for (const layer of cat.layers) {
    const groups: AnswerGroup[] = [];
    for (const group of cat.groups.filter((g) => g.layer === layer.id)) {
      const items = cat.components
        .filter((c) => c.group === group.code && shown.has(c.code))
        .map((component) => ({ component, answer: byCode.get(component.code) }));
      if (items.length > 0) groups.push({ group, items });
    }
    if (groups.length > 0) layers.push({ layer: layer.id, groups });
  }
  return layers;
}

/** Answers to codes the catalogue does not know (should not happen: the server validates). */
export function unknownAnswers(cat: Catalogue, answers: readonly Answer[]): Answer[] {
  const known = new Set(cat.components.map((c) => c.code));
  return answers.filter((a) => !known.has(a.code));
}

export type ItemFilter = 'all' | 'changed' | 'weak';

/** "weak": not yet deployed (below status 2) or unanswered; N/A items are not weak. */
export function isWeak(status: Status | null | undefined): boolean {
  return status === null || status === undefined || (typeof status === 'number' && status < 2);
}

export function filterLayers(layers: readonly AnswerLayer[], filter: ItemFilter, changed: ReadonlySet<string>): AnswerLayer[] {
  if (filter === 'all') return [...layers];
  const keep = (i: AnswerItem) => (filter === 'changed' ? changed.has(i.component.code) : isWeak(i.answer?.status));
  return layers
    .map((l) => ({
      layer: l.layer,
      groups: l.groups.map((g) => ({ group: g.group, items: g.items.filter(keep) })).filter((g) => g.items.length > 0),
    }))
    .filter((l) => l.groups.length > 0);
}

/** Per-component comments worth sending: trimmed, non-empty. */
export function cleanComments(comments: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [code, text] of Object.entries(comments)) {
    const t = text.trim();
    if (t) out[code] = t;
  }
  return out;
}
