import type { SiteId } from '../core/types';
import { SITE_NAMES } from '../core/types';
import { t } from '../core/i18n';
import type { PageRow } from '../shared/protocol';
import { ItemRow } from './ItemRow';
import type { Triage } from './useTriage';
import type { ItemPages } from './useItemPages';
import { type RowProps, VirtualList } from './VirtualList';

/** A conversation's selection, as its header shows it: whether all its comments are selected, and the switch. */
export interface GroupSelection {
  checked: (id: string) => boolean;
  toggle: (id: string) => void;
}

interface GroupRowProps {
  row: { id: string; site: SiteId; size: number };
  groups: GroupSelection;
  props: RowProps;
}

/** A conversation's header: how many of its comments the list shows, and a box that selects them all. */
function GroupRow({ row, groups, props }: GroupRowProps) {
  return (
    <li class="group" {...props}>
      <label>
        <input type="checkbox" checked={groups.checked(row.id)} onChange={() => groups.toggle(row.id)} />
        {' '}
        {t('groupHeader', row.size, SITE_NAMES[row.site])}
      </label>
    </li>
  );
}

interface ItemListProps {
  pages: ItemPages;
  /** The query the list answers: another one starts at the top. */
  listId: string;
  triage: Triage;
  groups: GroupSelection;
}

/** The comments shown, with their conversations' headers when grouped; only those in view are drawn. */
export function ItemList({ pages, listId, triage, groups }: ItemListProps) {
  const now = Date.now();
  const render = (row: PageRow, props: RowProps) => (row.type === 'group'
    ? <GroupRow key={props['data-index']} row={row} groups={groups} props={props} />
    : <ItemRow key={props['data-index']} item={row.item} inGroup={row.grouped} now={now} triage={triage} props={props} />);
  return (
    <VirtualList
      count={pages.total ?? 0}
      rowAt={pages.rowAt}
      onRange={pages.want}
      render={render}
      listId={listId}
      label={t('tabComments')}
      placeholder={t('loading')}
    />
  );
}
