import { formatDate, formatDateTime, useLanguage, useT } from '../../../i18n';
import { Button } from '../../components/Button';
import { communeState, nextSort, type SortKey, type SortSpec } from '../communes';
import { communeTypeKey, formatIndex, formatLag } from '../format';
import { reviewPaths } from '../routes';
import type { CommuneRow } from '../types';
import { levelName, type Reference } from '../use-reference';
import { CommunityCell } from './CommunityCell';
import { CriteriaPointsCell } from './CriteriaPointsCell';

interface Props {
  rows: CommuneRow[];
  sort: SortSpec;
  onSort: (s: SortSpec) => void;
  reference: Reference | undefined;
  onEnroll: (row: CommuneRow) => void;
  /** Opens the commune's unused codes and enrolled phones, to revoke one. */
  onAccess: (row: CommuneRow) => void;
}

const COLUMNS: SortKey[] = ['name', 'type', 'index', 'level', 'points', 'areaTypes', 'submittedAt', 'syncLag', 'reviewState'];
const NUMERIC: SortKey[] = ['index', 'level', 'points', 'syncLag'];

/** Every commune of the province; each column header sorts (aria-sort says how). */
export function CommuneTable({ rows, sort, onSort, reference, onEnroll, onAccess }: Props) {
  const t = useT('reviewer');
  const lang = useLanguage();
  return (
    <div class="rv-table-wrap" tabIndex={0} role="region" aria-labelledby="rv-communes-caption">
      <table class="rv-table">
        <caption id="rv-communes-caption">{t('communes.caption')}</caption>
        <thead>
          <tr>
            {COLUMNS.map((key) => {
              const active = sort.key === key;
              return (
                <th
                  key={key}
                  scope="col"
                  class={NUMERIC.includes(key) ? 'rv-num' : undefined}
                  aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  <button type="button" class="rv-sort" onClick={() => onSort(nextSort(sort, key))}>
                    {t(`columns.${key}`)}
                    <span class="rv-sort__mark" aria-hidden="true">
                      {active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              );
            })}
            <th scope="col">{t('columns.community')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const state = communeState(row);
            return (
              <tr key={row.code}>
                <th scope="row">
                  {row.assessmentId ? <a href={`#${reviewPaths.submission(row.assessmentId)}`}>{row.name}</a> : row.name}
                  <span class="rv-code">{row.code}</span>
                </th>
                <td>{t(communeTypeKey(row.type))}</td>
                <td class="rv-num">
                  {formatIndex(row.index, lang)}
                  {row.verified && (
                    <span class="rv-level-name"> {t('verify.indexAfter', { index: formatIndex(row.verified.index, lang) })}</span>
                  )}
                </td>
                <td class="rv-num">
                  {row.level !== null ? (
                    <span title={levelName(reference, row.level)}>
                      {row.level}
                      <span class="rv-level-name"> {levelName(reference, row.level)}</span>
                    </span>
                  ) : (
                    '–'
                  )}
                </td>
                <CriteriaPointsCell row={row} />
                <td>{row.areaTypes.map((a) => t(`common:areaType.${a}`)).join('; ') || '–'}</td>
                <td>
                  {row.submittedAt ? (
                    <time dateTime={row.submittedAt} title={formatDateTime(row.submittedAt, lang)}>
                      {formatDate(row.submittedAt, lang)}
                    </time>
                  ) : (
                    '–'
                  )}
                  {row.period && <span class="rv-code">{t('communes.period', { period: row.period })}</span>}
                </td>
                <td class="rv-num">{row.syncLagSeconds !== null ? formatLag(row.syncLagSeconds, lang) : '–'}</td>
                <td>
                  <span class={`rv-state rv-state--${state}`}>{t(`states.${state}`)}</span>
                </td>
                <CommunityCell row={row} />
                <td>
                  <Button
                    class="rv-small"
                    onClick={() => onEnroll(row)}
                    aria-label={t('enroll.buttonFor', { commune: row.name })}
                  >
                    {t('enroll.button')}
                  </Button>
                  <Button
                    class="rv-small"
                    onClick={() => onAccess(row)}
                    aria-label={t('access.buttonFor', { commune: row.name })}
                  >
                    {t('access.button')}
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length === 0 && <p class="rv-empty">{t('communes.none')}</p>}
    </div>
  );
}
