import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ItemStatus } from '../core/types';
import type { ItemPage, ItemQuery, PageRow } from '../shared/protocol';
import { coalesced } from '../core/coalesced';
import { onLogChanged, send } from '../ui/api';

/** Rows asked for at once: a few screens of the list. */
export const PAGE_SIZE = 40;

interface Pages {
  /** The query and the log's version the pages were read at: pages of another one do not fit with them. */
  query: string;
  version: number;
  total: number;
  matched: number;
  counts: Record<ItemStatus, number>;
  mine: number;
  pages: Map<number, PageRow[]>;
}

/** The popup's list as the worker answers it, a page at a time. */
export interface ItemPages {
  /** Null until the first answer for the query is in. */
  total: number | null;
  matched: number;
  counts: Record<ItemStatus, number> | null;
  /** Waiting comments assigned to the member signed in (0 without a team). */
  mine: number;
  /** The query the rows shown answer (it may lag the one asked, until its answer comes). */
  shown: string | null;
  /** A row, or null while its page is being read. */
  rowAt: (index: number) => PageRow | null;
  /** Asks for the pages holding these rows, if they are not in yet. */
  want: (first: number, last: number) => void;
  /** Reads the pages shown again (after an action), and the counts with them. */
  reload: () => Promise<void>;
}

const queryId = (query: ItemQuery) => JSON.stringify(query);

/** Pages read at one version of the log fit together; one of another version or query starts afresh. */
function merge(state: Pages | null, query: string, answers: ItemPage[]): Pages {
  const [first] = answers;
  const fresh = !state || state.query !== query || state.version !== first!.version;
  const pages = fresh ? new Map<number, PageRow[]>() : new Map(state.pages);
  for (const answer of answers) {
    if (answer.version === first!.version) pages.set(answer.offset / PAGE_SIZE, answer.rows);
  }
  const { version, total, matched, counts, mine } = first!;
  return { query, version, total, matched, counts, mine, pages };
}

export function useItemPages(query: ItemQuery, onError: (error: unknown) => void): ItemPages {
  const [state, setState] = useState<Pages | null>(null);
  const id = queryId(query);
  /** The query asked last, and the pages asked for it that have not come yet. */
  const asked = useRef({ id, generation: 0, pending: new Set<number>() });

  const fetchPages = useCallback(
    async (numbers: number[]) => {
      const mine = asked.current;
      const generation = mine.generation;
      numbers.forEach((n) => mine.pending.add(n));
      try {
        const answers = await Promise.all(
          numbers.map((n) => send('items/page', { query, offset: n * PAGE_SIZE, limit: PAGE_SIZE })),
        );
        if (asked.current !== mine || mine.generation !== generation) return;
        setState((prev) => merge(prev, id, answers));
      }
      catch (error) {
        onError(error);
      }
      finally {
        numbers.forEach((n) => mine.pending.delete(n));
      }
    },
    [query, id, onError],
  );

  // A new query: its first page (what was shown stays until it comes). Asked as soon as the view is
  // drawn, not after the browser paints it: the first rows come a frame sooner.
  useLayoutEffect(() => {
    asked.current = { id, generation: 0, pending: new Set() };
    void fetchPages([0]);
  }, [id, fetchPages]);

  const current = state?.query === id ? state : null;
  // One function per state of the pages: the list's offsets are computed again only when rows come.
  const rowAt = useCallback(
    (index: number) => state?.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE] ?? null,
    [state],
  );
  const want = (first: number, last: number) => {
    if (!current) return;
    const missing: number[] = [];
    for (let n = Math.floor(first / PAGE_SIZE); n <= Math.floor(last / PAGE_SIZE); n++) {
      if (n * PAGE_SIZE < current.total && !current.pages.has(n) && !asked.current.pending.has(n)) missing.push(n);
    }
    if (missing.length) void fetchPages(missing);
  };
  const reload = async () => {
    asked.current.generation++;
    const shown = current ? [...current.pages.keys()].filter((n) => n !== 0) : [];
    await fetchPages([0, ...shown]);
  };
  // The log changed while the popup is open (a teammate's action, a page's report, a snooze ending):
  // the pages shown are read again, so what is listed never lags what the badges say. One reading at
  // a time, and one more if the log changed meanwhile: a reading begun makes older answers stale, so
  // a page reporting faster than the worker answers would otherwise leave the list never refreshed.
  const reloadNow = useRef(reload);
  reloadNow.current = reload;
  useEffect(() => onLogChanged(coalesced(() => reloadNow.current())), []);
  return {
    total: state?.total ?? null,
    matched: state?.matched ?? 0,
    counts: state?.counts ?? null,
    mine: state?.mine ?? 0,
    shown: state?.query ?? null,
    rowAt,
    want,
    reload,
  };
}
