/**
 * One catalogue group as a collapsible section with its progress. Cards are mounted only
 * once the group has been opened, so a cheap phone renders a handful, not seventy, at start.
 * Memoised, with only stable props besides its counts: a save re-renders the checklist, and
 * then only a group whose count changed renders again, not all twenty (issue #4).
 */
import { Component } from 'preact';
import { useState } from 'preact/hooks';
import { componentLabel, groupLabel } from '../../../domain/catalogue';
import { useT } from '../../../i18n';
import { ComponentCard } from './ComponentCard';
import type { ChecklistContext } from './checklist-context';
import { ContextList } from './ContextList';
import { ScaleKey } from './ScaleKey';
import type { GroupSection as Section } from './view-model';

interface Props {
  section: Section;
  initiallyOpen: boolean;
  answered: number;
  total: number;
  /** The same object on every render of the checklist. */
  ctx: ChecklistContext;
  /** Open "…khác" items not counted yet: shown as cards, optional. */
  optional: number;
  /** Answers in this group that block sending (invalid), so the header can say so. */
  invalid: number;
}

/** memo() without preact/compat (kept out of the bundle): re-render only when a prop changed. */
export class GroupSection extends Component<Props> {
  override shouldComponentUpdate(next: Props) {
    const prev: Props = this.props;
    return (Object.keys(next) as (keyof Props)[]).some((k) => next[k] !== prev[k]);
  }

  override render() {
    return <GroupSectionView {...this.props} />;
  }
}

function GroupSectionView(p: Props) {
  const t = useT('assess');
  const [mounted, setMounted] = useState(p.initiallyOpen);
  const { translation } = p.ctx;
  const g = p.section.group;
  const done = p.total > 0 && p.answered >= p.total && p.invalid === 0;
  const headingId = `grp-${g.code}`;
  return (
    <details
      class={`group${done ? ' group--done' : ''}`}
      open={p.initiallyOpen}
      onToggle={(e) => {
        if ((e.currentTarget as HTMLDetailsElement).open) setMounted(true);
      }}
    >
      <summary class="group-summary">
        <h3 class="group-title" id={headingId}>
          <span class="group-code">{g.code}</span> {groupLabel(g, translation)}
        </h3>
        <span class="group-progress">
          {t('checklist.groupProgress', { answered: p.answered, total: p.total })}
          {done && <span aria-hidden="true"> ✓</span>}
          {p.optional > 0 && <span class="group-optional"> · {t('checklist.groupOptional', { count: p.optional })}</span>}
        </span>
        {p.invalid > 0 && <span class="group-invalid">{t('checklist.groupInvalid', { count: p.invalid })}</span>}
        <span class="group-bar" aria-hidden="true">
          <span style={{ width: `${p.total ? Math.round((100 * p.answered) / p.total) : 0}%` }} />
        </span>
      </summary>
      {mounted && (
        <div class="group-body">
          <ScaleKey methodology={p.ctx.methodology} lang={p.ctx.lang} />
          {p.section.components.map((c) => {
            const translated = translation?.components[c.code];
            return (
              <ComponentCard
                key={c.code}
                component={c}
                label={componentLabel(c, translation)}
                labelLang={translated ? (translation?.lang ?? 'vi') : 'vi'}
                ctx={p.ctx}
              />
            );
          })}
          <ContextList components={p.section.context} translation={translation} />
        </div>
      )}
    </details>
  );
}
