/**
 * "Minh chứng (n)" on a card: a small disclosure button that opens the evidence panel under the
 * card's tier line. The panel and its strings are their own chunk, fetched on the first open
 * (precached by the service worker, so it opens offline); the checklist carries only this file.
 */
import type { ComponentType, VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../i18n';
import { useEvidenceCount } from './counts';
import type { EvidencePanelProps } from './EvidencePanel';

let panel: Promise<ComponentType<EvidencePanelProps>> | undefined;
function loadPanel(): Promise<ComponentType<EvidencePanelProps>> {
  panel ??= Promise.all([import('./EvidencePanel'), import('./strings').then((s) => s.ensureEvidenceStrings())]).then(
    ([m]) => m.EvidencePanel,
    (err: unknown) => {
      panel = undefined; // a later open tries again
      throw err;
    },
  );
  return panel;
}

function LazyPanel(props: EvidencePanelProps) {
  const [Panel, setPanel] = useState<{ C: ComponentType<EvidencePanelProps> }>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    loadPanel().then(
      (C) => setPanel({ C }),
      () => setFailed(true),
    );
  }, []);
  const t = useT('common');
  if (Panel) return <Panel.C {...props} />;
  return (
    <div id={props.id} class="evidence-panel" role={failed ? 'alert' : undefined}>
      {failed ? t('loadError.body') : t('loading')}
    </div>
  );
}

export interface EvidenceSlot {
  button: VNode;
  panel: VNode | null;
}

/** The card's button and, while open, its panel (placed by the card). */
export function useEvidenceSlot(assessmentId: string, code: string, idBase: string, readOnly: boolean): EvidenceSlot {
  const t = useT('assess');
  const count = useEvidenceCount(assessmentId, code);
  const [open, setOpen] = useState(false);
  const panelId = `${idBase}-evidence`;
  const button = (
    <button
      type="button"
      class="btn btn--quiet guidance-toggle evidence-toggle"
      aria-expanded={open}
      aria-controls={open ? panelId : undefined}
      onClick={() => setOpen(!open)}
    >
      {/* No ▾ mark, unlike "Hướng dẫn": the tier line has room for the words only (checklist-walk). */}
      {count > 0 ? t('checklist.evidence.buttonCount', { count }) : t('checklist.evidence.button')}
    </button>
  );
  return {
    button,
    panel: open ? <LazyPanel id={panelId} assessmentId={assessmentId} code={code} readOnly={readOnly} /> : null,
  };
}
