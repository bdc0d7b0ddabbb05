/**
 * What stands between an assessment and the province, item by item: each required component
 * still unanswered and each invalid answer, with a link that opens its card (issue #10).
 */
import { componentIndex } from '../../../domain/catalogue';
import type { SubmissionProblem } from '../../../domain/submission';
import type { Catalogue } from '../../../domain/types';
import { useT } from '../../../i18n';
import { paths } from '../../router';

/** Problems the locale explains; anything else (a limit the server checks) reads as "invalid". */
const KNOWN = new Set([
  'required-unanswered',
  'na-reason-required',
  'na-not-allowed',
  'note-too-long',
  'na-reason-too-long',
  'open-name-too-long',
]);

export interface BlockingRow {
  code: string;
  problem: string;
}

/** One row per component (its first problem), in the order the checks found them. */
export function blockingRows(problems: readonly SubmissionProblem[]): BlockingRow[] {
  const seen = new Map<string, BlockingRow>();
  for (const p of problems) if (p.code && !seen.has(p.code)) seen.set(p.code, { code: p.code, problem: p.problem });
  return [...seen.values()];
}

export function BlockingItems({
  assessmentId,
  problems,
  catalogue,
}: {
  assessmentId: string;
  problems: readonly SubmissionProblem[];
  catalogue: Catalogue;
}) {
  const t = useT('sync');
  const rows = blockingRows(problems);
  if (rows.length === 0) return null;
  const index = componentIndex(catalogue);
  return (
    <ul class="submit-panel__items" aria-label={t('block.itemsLabel')}>
      {rows.map((r) => {
        const label = index.get(r.code)?.vi;
        return (
          <li key={r.code}>
            <a href={`#${paths.checklist(assessmentId)}?code=${encodeURIComponent(r.code)}`}>
              <span class="submit-panel__code">{r.code}</span>
              {label && <span lang="vi"> {label}</span>}
            </a>
            <span>: {t(`block.problem.${KNOWN.has(r.problem) ? r.problem : 'other'}`)}</span>
          </li>
        );
      })}
    </ul>
  );
}
