import type { ComponentChild } from 'preact';
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PageRow } from '../shared/protocol';

/** How tall a row is taken to be until it is drawn and measured (its height, with the gap below it). */
export const ESTIMATE = 126;
/** The space below each row (popup.css: `ul.items > li`'s margin). */
export const ROW_GAP = 8;
/** The list's height until it is laid out (then its own). */
const LIST_HEIGHT = 380;
const OVERSCAN = 3;

/** What a row's own element takes from the list: its place in the list, and whether Tab stops on it. */
export interface RowProps {
  'data-index': number;
  'aria-setsize': number;
  'aria-posinset': number;
  'tabIndex': number;
}

interface VirtualListProps {
  count: number;
  rowAt: (index: number) => PageRow | null;
  /** The rows drawn now: their pages are wanted. */
  onRange: (first: number, last: number) => void;
  /** A row's element: an `li` that spreads `props`. */
  render: (row: PageRow, props: RowProps) => ComponentChild;
  /** Changes when the list shows other rows (another query): back to the top, heights forgotten. */
  listId: string;
  label: string;
  placeholder: string;
}

/**
 * Where rows start: a row not measured is ESTIMATE tall, and the measured ones (those drawn so far,
 * a few of many) move what follows them. Both questions are binary searches, whatever the count.
 */
class Offsets {
  private measured: number[];
  /** For each measured row (in order), how much taller than the estimate the rows measured before it are. */
  private extra: Float64Array;

  constructor(readonly count: number, heights: Map<number, number>) {
    this.measured = [...heights.keys()].filter((i) => i < count).sort((a, b) => a - b);
    this.extra = new Float64Array(this.measured.length + 1);
    this.measured.forEach((i, k) => (this.extra[k + 1] = this.extra[k]! + heights.get(i)! - ESTIMATE));
  }

  /** The top of row `index` (of the end, at `count`). */
  at(index: number): number {
    let lo = 0;
    let hi = this.measured.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.measured[mid]! < index) lo = mid + 1;
      else hi = mid;
    }
    return index * ESTIMATE + this.extra[lo]!;
  }

  /** The first row whose bottom is below `y`. */
  rowAt(y: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.at(mid + 1) <= y) lo = mid + 1;
      else hi = mid;
    }
    return Math.min(lo, Math.max(0, this.count - 1));
  }
}

/** Keys that move between rows, and where to. */
function keyTarget(key: string, at: number, count: number, perScreen: number): number | null {
  const moves: Record<string, number> = {
    ArrowDown: at + 1,
    ArrowUp: at - 1,
    PageDown: at + perScreen,
    PageUp: at - perScreen,
    Home: 0,
    End: count - 1,
  };
  const to = moves[key];
  return to === undefined ? null : Math.max(0, Math.min(count - 1, to));
}

/**
 * The rows' heights as drawn: each drawn row is observed, and its height (with the gap) kept by
 * its index; `measured` changes whenever one does. A row not laid out (0 px) is not taken.
 */
function useRowHeights(list: { current: HTMLUListElement | null }) {
  const heights = useRef(new Map<number, number>());
  const [measured, setMeasured] = useState(0);
  const observer = useMemo(() => new ResizeObserver((records) => {
    let changed = false;
    for (const { target } of records) {
      const li = target as HTMLElement;
      const height = li.offsetHeight;
      const index = Number(li.dataset.index);
      if (height === 0 || !li.isConnected || heights.current.get(index) === height + ROW_GAP) continue;
      heights.current.set(index, height + ROW_GAP);
      changed = true;
    }
    if (changed) setMeasured((n) => n + 1);
  }), []);
  /** Observes the rows drawn now (a placeholder is not measured: its height is the estimate). */
  const observe = () => {
    observer.disconnect();
    const drawn = list.current?.querySelectorAll<HTMLElement>(':scope > li[data-index]:not([aria-busy])') ?? [];
    for (const li of drawn) observer.observe(li);
  };
  return { heights, measured, observe };
}

interface Drawn extends Pick<VirtualListProps, 'count' | 'rowAt' | 'render' | 'placeholder'> {
  first: number;
  last: number;
  /** The row Tab stops on. */
  stop: number;
}

/** The rows from `first` to `last`; one whose page has not come yet is a placeholder as tall as the estimate. */
function drawRows({ first, last, stop, count, rowAt, render, placeholder }: Drawn): ComponentChild[] {
  const rows: ComponentChild[] = [];
  for (let i = first; i <= last; i++) {
    const props: RowProps = { 'data-index': i, 'aria-setsize': count, 'aria-posinset': i + 1, 'tabIndex': i === stop ? 0 : -1 };
    const row = rowAt(i);
    const height = `${ESTIMATE - ROW_GAP}px`;
    rows.push(row
      ? render(row, props)
      : <li key={i} class="placeholder" aria-busy="true" style={{ height }} {...props}>{placeholder}</li>);
  }
  return rows;
}

/** The list's height: what the popup leaves it (popup.css), followed as it changes. */
function useListHeight(list: { current: HTMLUListElement | null }): number {
  const [height, setHeight] = useState(LIST_HEIGHT);
  useLayoutEffect(() => {
    const ul = list.current!;
    const watch = new ResizeObserver(() => setHeight(ul.clientHeight || LIST_HEIGHT));
    watch.observe(ul);
    return () => watch.disconnect();
  }, [list]);
  return height;
}

/** What a key pressed in a row acts on: the row, or a button or box in it (a text field keeps its keys). */
function rowOfKey(target: HTMLElement, list: HTMLUListElement | null): HTMLElement | null {
  if (target.parentElement === list) return target;
  if (!target.matches('button, input[type=checkbox]')) return null;
  const row = target.closest<HTMLElement>('li[data-index]');
  return row?.parentElement === list ? row : null;
}

interface Moves {
  list: { current: HTMLUListElement | null };
  offsets: Offsets;
  perScreen: number;
  setTop: (top: number) => void;
}

/**
 * The rows as one Tab stop (`active`: the last row focused), and the keys that move between them:
 * the row reached is scrolled to by its offsets, so that it is drawn, then focused (`follow`) and
 * kept in view while the heights around it settle, until the user scrolls.
 */
function useRowMoves({ list, offsets, perScreen, setTop }: Moves) {
  const [active, setActive] = useState(0);
  const follow = useRef<number | null>(null);
  const moveTo = (index: number) => {
    follow.current = index;
    setActive(index);
    const ul = list.current!;
    const bottom = offsets.at(index + 1);
    if (offsets.at(index) < ul.scrollTop) ul.scrollTop = offsets.at(index);
    else if (bottom > ul.scrollTop + ul.clientHeight) ul.scrollTop = bottom - ul.clientHeight;
    setTop(ul.scrollTop);
  };
  return {
    active,
    reset: () => {
      follow.current = null;
      setActive(0);
    },
    /** After each drawing: the row moved to, focused and in view. */
    follow: () => {
      const target = follow.current === null ? null : list.current?.querySelector<HTMLElement>(`:scope > li[data-index="${follow.current}"]`);
      if (target && document.activeElement !== target) target.focus({ preventScroll: true });
      target?.scrollIntoView({ block: 'nearest' });
    },
    stopFollowing: () => (follow.current = null),
    onKeyDown: (event: KeyboardEvent) => {
      const row = rowOfKey(event.target as HTMLElement, list.current);
      const to = row ? keyTarget(event.key, Number(row.dataset.index), offsets.count, perScreen) : null;
      if (to === null) return;
      event.preventDefault();
      moveTo(to);
    },
    onFocusIn: (event: FocusEvent) => {
      const row = (event.target as HTMLElement).closest<HTMLElement>('li[data-index]');
      if (row?.parentElement === list.current) setActive(Number(row!.dataset.index));
    },
  };
}

/**
 * Draws only the rows in view (and a few around), each as tall as its content: rows are measured
 * once drawn, and those not drawn yet are estimated. The rows are one Tab stop (the last one
 * focused); arrows, Page Up/Down, Home and End move between them, drawing the one reached.
 */
export function VirtualList({ count, rowAt, onRange, render, listId, label, placeholder }: VirtualListProps) {
  const list = useRef<HTMLUListElement>(null);
  const { heights, measured, observe } = useRowHeights(list);
  const height = useListHeight(list);
  const [top, setTop] = useState(0);
  // `measured` says the heights changed.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const offsets = useMemo(() => new Offsets(count, heights.current), [count, heights, measured]);
  const firstShown = offsets.rowAt(top);
  const lastShown = offsets.rowAt(top + height);
  const first = Math.max(0, firstShown - OVERSCAN);
  const last = Math.min(count - 1, lastShown + OVERSCAN);
  const moves = useRowMoves({ list, offsets, perScreen: Math.max(1, lastShown - firstShown), setTop });

  useLayoutEffect(() => {
    heights.current.clear();
    moves.reset();
    setTop(0);
    if (list.current) list.current.scrollTop = 0;
    // Only when the list shows other rows.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [listId]);

  useLayoutEffect(() => {
    onRange(first, last);
    observe();
    moves.follow();
  });

  const stop = moves.active >= first && moves.active <= last ? moves.active : firstShown;
  const below = offsets.at(count) - offsets.at(last + 1);
  return (
    <ul
      ref={list}
      class="items"
      aria-label={label}
      onScroll={(e) => setTop((e.currentTarget as HTMLElement).scrollTop)}
      onWheel={moves.stopFollowing}
      onPointerDown={moves.stopFollowing}
      onKeyDown={moves.onKeyDown}
      onFocusIn={moves.onFocusIn}
    >
      {first > 0 && <li aria-hidden="true" class="spacer" style={{ height: `${offsets.at(first)}px` }} />}
      {drawRows({ first, last, stop, count, rowAt, render, placeholder })}
      {last < count - 1 && <li aria-hidden="true" class="spacer" style={{ height: `${below}px` }} />}
    </ul>
  );
}
