/**
 * What stands between an assessment and the province, item by item: each required component
 * still unanswered and each invalid answer, with a link that opens its card (issue #10).
 */
import { componentIndex } from '../../../domain/catalogue';
import type { SubmissionProblem } from '../../../domain/submission';
import type { CriteriaSet } from '../../../domain/criteria/schema';
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

/** The locale key under "block.problem": an unanswered indicator of a set is not an "essential component". */
function problemKey(problem: string, indicator: boolean): string {
  if (indicator && problem === 'required-unanswered') return 'required-indicator';
  return KNOWN.has(problem) ? problem : 'other';
}

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
  set,
}: {
  assessmentId: string;
  problems: readonly SubmissionProblem[];
  catalogue: Catalogue;
  /** The assessment's criteria set: its indicators are named by their own words. */
  set?: CriteriaSet | undefined;
}) {
  const t = useT('sync');
  const rows = blockingRows(problems);
  if (rows.length === 0) return null;
  const index = componentIndex(catalogue);
  const indicators = new Map(set?.indicators.map((i) => [i.code, i]));
  return (
    <ul class="submit-panel__items" aria-label={t('block.itemsLabel')}>
      {rows.map((r) => {
        const label = indicators.get(r.code)?.vi ?? index.get(r.code)?.vi;
        return (
          <li key={r.code}>
            <a href={`#${paths.checklist(assessmentId)}?code=${encodeURIComponent(r.code)}`}>
              <span class="submit-panel__code">{r.code}</span>
              {label && <span lang="vi"> {label}</span>}
            </a>
            <span>: {t(`block.problem.${problemKey(r.problem, set !== undefined && indicators.has(r.code))}`)}</span>
          </li>
        );
      })}
    </ul>
  );
}
