import { useLanguage, useT } from '../../../i18n';
import { communityLines } from '../community';
import type { CommuneRow } from '../types';

/** The commune's community-team tally this year (issue #15), one fact a line; "—" when no team sent anything. */
export function CommunityCell({ row }: { row: CommuneRow }) {
  const t = useT('reviewer');
  const lang = useLanguage();
  const lines = communityLines(row.community, t, lang);
  if (lines.length === 0)
    return (
      <td class="rv-community">
        <span aria-hidden="true">—</span>
        <span class="visually-hidden">{t('community.none')}</span>
      </td>
    );
  return (
    <td class="rv-community">
      <ul class="rv-community__list">
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </td>
  );
}
