import type { Row } from '../core/triage';
import { SITE_NAMES } from '../core/types';
import { t } from '../core/i18n';
import { ItemRow } from './ItemRow';
import type { Triage } from './useTriage';
import { GROUP_HEIGHT, VirtualList } from './VirtualList';

/** A conversation's header: how many of its comments wait, and a box that selects them all. */
function GroupRow({ row, triage }: { row: Extract<Row, { type: 'group' }>; triage: Triage }) {
  const all = row.keys.every((k) => triage.selected.has(k));
  return (
    <li class="group" style={{ height: `${GROUP_HEIGHT - 8}px` }}>
      <label>
        <input type="checkbox" checked={all} onChange={() => triage.toggle(row.keys, !all)} />
        {' '}
        {t('groupHeader', row.keys.length, SITE_NAMES[row.site])}
      </label>
    </li>
  );
}

/** The comments shown, with their conversations' headers when grouped; only those in view are drawn. */
export function ItemList({ rows, triage }: { rows: Row[]; triage: Triage }) {
  const now = Date.now();
  return (
    <VirtualList
      rows={rows}
      render={(row) => (row.type === 'group'
        ? <GroupRow key={`group:${row.id}`} row={row} triage={triage} />
        : <ItemRow key={row.item.key} item={row.item} inGroup={row.grouped} now={now} triage={triage} />)}
    />
  );
}
