import type { ComponentChild } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { Row } from '../core/triage';
import { t } from '../core/i18n';

/** The height a comment's row takes in the list, and a conversation's header. */
export const ROW_HEIGHT = 118;
export const GROUP_HEIGHT = 34;
const LIST_HEIGHT = 380;
const OVERSCAN = 4;

const heightOf = (row: Row) => (row.type === 'group' ? GROUP_HEIGHT : ROW_HEIGHT);

/** Renders only the rows in view (and a few around): thousands of items stay smooth. */
export function VirtualList({ rows, render }: { rows: Row[]; render: (row: Row) => ComponentChild }) {
  const [top, setTop] = useState(0);
  const offsets = useMemo(() => {
    const at = [0];
    for (const row of rows) at.push(at.at(-1)! + heightOf(row));
    return at;
  }, [rows]);
  // The first row whose bottom is below the scroll position (binary search over the offsets).
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid + 1]! <= top) lo = mid + 1;
    else hi = mid;
  }
  const first = Math.max(0, lo - OVERSCAN);
  let last = lo;
  while (last < rows.length && offsets[last]! < top + LIST_HEIGHT) last++;
  last = Math.min(rows.length, last + OVERSCAN);
  const total = offsets[rows.length]!;
  return (
    <ul
      class="items"
      aria-label={t('tabComments')}
      style={{ maxHeight: `${LIST_HEIGHT}px` }}
      onScroll={(e) => setTop((e.currentTarget as HTMLElement).scrollTop)}
    >
      {first > 0 && <li aria-hidden="true" class="spacer" style={{ height: `${offsets[first]}px` }} />}
      {rows.slice(first, last).map(render)}
      {last < rows.length && <li aria-hidden="true" class="spacer" style={{ height: `${total - offsets[last]!}px` }} />}
    </ul>
  );
}
