import type { Assessment } from '../../../domain/types';
import { formatDateTime, formatNumber, useT } from '../../../i18n';
import { Button, LinkButton } from '../../components/Button';
import { paths } from '../../router';
import { SyncBadge } from '../../sync/SyncBadge';
import type { PlaceNames, Progress } from './progress';

export interface AssessmentItemProps {
  assessment: Assessment;
  names?: PlaceNames;
  progress?: Progress;
  onDelete: (a: Assessment) => void;
}

/** One assessment in the home list. Until the names chunk arrives the codes are shown. */
export function AssessmentItem({ assessment: a, names, progress, onDelete }: AssessmentItemProps) {
  const t = useT('home');
  const commune = names?.commune ?? t('item.communeCode', { code: a.communeCode });
  const province = names?.province ?? t('item.provinceCode', { code: a.provinceCode });
  const href = `#${paths.checklist(a.id)}`;
  const percent = progress && progress.total > 0 ? progress.answered / progress.total : undefined;

  return (
    <li class="home-item card">
      <h2 class="home-item__title">
        <a href={href}>{commune}</a>
      </h2>
      <p class="home-item__province muted">{province}</p>
      <dl class="home-item__meta">
        <dt>{t('item.period')}</dt>
        <dd>{a.period}</dd>
        <dt>{t('item.areaTypes')}</dt>
        <dd>{a.areaTypes.map((x) => t(`common:areaType.${x}`)).join('; ')}</dd>
        <dt>{t('item.status')}</dt>
        <dd>
          {/* One state, said once (issue #10): where the assessment stands with the province, live. */}
          <SyncBadge assessmentId={a.id} showTime={false} showHint />
        </dd>
        <dt>{t('item.updated')}</dt>
        <dd>{formatDateTime(a.updatedAt)}</dd>
      </dl>
      {progress ? (
        <div class="home-item__progress">
          <span>{t('item.progress', { answered: progress.answered, total: progress.total })}</span>
          {percent !== undefined && (
            <progress
              max={progress.total}
              value={progress.answered}
              aria-label={t('item.progressLabel', {
                percent: formatNumber(percent, { percent: true, maximumFractionDigits: 0 }),
              })}
            />
          )}
        </div>
      ) : (
        <p class="home-item__progress muted">{t('item.progressLoading')}</p>
      )}
      <div class="actions">
        <LinkButton variant="primary" href={href} aria-label={t('item.openLabel', { name: commune, period: a.period })}>
          {t('item.open')}
        </LinkButton>
        <Button
          variant="danger"
          onClick={() => onDelete(a)}
          aria-label={t('item.deleteLabel', { name: commune, period: a.period })}
        >
          {t('common:actions.delete')}
        </Button>
      </div>
    </li>
  );
}
