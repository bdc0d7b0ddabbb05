/**
 * The evidence of one item (issue #13): take a photo, choose photos, attach a PDF; each file with
 * its thumbnail, caption, full-screen view and removal; how much space evidence takes. Its own
 * chunk, loaded when a card's "Minh chứng" is first opened. A file shows in the list only once it
 * and its link are committed to IndexedDB (the list is a live query of the store).
 */
import { useState } from 'preact/hooks';
import { getDb } from '../../db';
import { listEvidence } from '../../db/evidence';
import { useT } from '../../i18n';
import { useLive } from '../sync/use-live';
import { attachFiles, type AttachOutcome } from './attach-files';
import { EvidenceItem } from './EvidenceItem';
import { PickButtons } from './PickButtons';
import { StorageLine } from './StorageLine';
import './style.css';

export interface EvidencePanelProps {
  id: string;
  assessmentId: string;
  code: string;
  readOnly: boolean;
}

export function EvidencePanel({ id, assessmentId, code, readOnly }: EvidencePanelProps) {
  const t = useT('evidence');
  const links = useLive(() => listEvidence(getDb(), assessmentId, code), [assessmentId, code]);
  const [outcome, setOutcome] = useState<AttachOutcome>();
  const [busy, setBusy] = useState(false);
  const [keepOriginal, setKeepOriginal] = useState(false);

  const onFiles = (files: File[]) => {
    if (files.length === 0 || busy) return;
    setBusy(true);
    // Not awaited in the handler: the work runs after the click returns.
    void attachFiles(files, { assessmentId, code, keepOriginal }, setOutcome).finally(() => setBusy(false));
  };

  return (
    <section id={id} class="evidence-panel" aria-label={t('title', { code })}>
      {!readOnly && (
        <>
          <PickButtons idBase={id} busy={busy} onFiles={onFiles} />
          <label class="evidence-keep">
            <input type="checkbox" checked={keepOriginal} onChange={(e) => setKeepOriginal(e.currentTarget.checked)} />
            {t('keepOriginal')}
          </label>
        </>
      )}
      <p
        class={`evidence-outcome${outcome?.kind === 'error' ? ' evidence-outcome--error' : ''}`}
        role={outcome?.kind === 'error' ? 'alert' : 'status'}
      >
        {outcome && (outcome.kind === 'error' ? t(outcome.key, { name: outcome.name }) : t(outcome.kind, { name: outcome.name }))}
      </p>
      {links && links.length === 0 && <p class="evidence-none">{t('none')}</p>}
      {links && links.length > 0 && (
        <ul class="evidence-list" aria-label={t('list', { code })}>
          {links.map((l) => (
            <EvidenceItem key={l.id} link={l} readOnly={readOnly} />
          ))}
        </ul>
      )}
      <StorageLine />
    </section>
  );
}
