import { useT } from '../../../i18n';
import { problemPlace } from '../criteria-sets-view';
import type { CriteriaSetProblem } from '../types';

/**
 * Every problem of a refused upload: sheet, cell (row and column), JSON path, and what is wrong.
 * Under 40rem the rows become cards whose cells carry their column's name (style.css).
 */
export function ProblemTable({ file, problems }: { file: string; problems: readonly CriteriaSetProblem[] }) {
  const t = useT('reviewer');
  const cols = {
    sheet: t('criteriaSets.colSheet'),
    cell: t('criteriaSets.colCell'),
    path: t('criteriaSets.colPath'),
    problem: t('criteriaSets.colProblem'),
  };
  return (
    <section class="rv-cs__problems" aria-labelledby="rv-cs-problems-title">
      {/* The heading is announced; the table is there to read at one's pace. */}
      <div role="alert">
        <h3 id="rv-cs-problems-title" class="error-text">
          {t('criteriaSets.problemsTitle', { file, count: problems.length })}
        </h3>
      </div>
      <div class="rv-table-wrap">
        <table class="rv-table rv-cs__stack">
          <caption>{t('criteriaSets.problemsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{cols.sheet}</th>
              <th scope="col">{cols.cell}</th>
              <th scope="col">{cols.path}</th>
              <th scope="col">{cols.problem}</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p, i) => {
              const at = problemPlace(p);
              const cell =
                at.cell && at.row !== undefined && at.column
                  ? t('criteriaSets.cellAt', { cell: at.cell, row: at.row, column: at.column })
                  : at.row !== undefined
                    ? t('criteriaSets.rowAt', { row: at.row })
                    : at.column
                      ? t('criteriaSets.columnAt', { column: at.column })
                      : (at.cell ?? '');
              return (
                <tr key={i}>
                  <td data-label={cols.sheet}>{at.sheet ?? ''}</td>
                  <td data-label={cols.cell}>{cell}</td>
                  <td data-label={cols.path}>{at.path && <code>{at.path}</code>}</td>
                  <td data-label={cols.problem}>{p.message}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
