import type { PageEntry } from '../core/relevance';
import type { SiteDeclaration, SiteId } from '../core/sites';

/**
 * What the adapter knows about the page being scanned. `memo` lives for one scan (one chunk of the
 * content script's work: nothing in it may be trusted after new items arrive). `facts` lives for the
 * page's state (its address, owner and settings), across chunks: only facts that are checked on
 * use or kept up to date as items arrive go there (see incremental.ts), and no node is held strongly.
 */
export interface PageInfo {
  url: URL;
  memo: Map<string, unknown>;
  facts?: Map<string, unknown>;
  /**
   * The watcher's batch this chunk belongs to (a new object per batch): what is kept for a batch is
   * read again in the next, when items may have changed inside.
   */
  batch?: object;
  /**
   * The account the rules judge for, when known: an adapter may then leave out of `relatedItems`
   * what a new item cannot change (a reply by someone else answers no one's comment for the owner).
   */
  owner?: string | null;
}

/**
 * One adapter per site: all knowledge of a site's markup lives behind this interface. What is plain
 * data (id, hosts, selectors as shipped…) comes from the site's declaration (src/core/sites/).
 */
export interface SiteAdapter {
  readonly id: SiteId;
  /** The site's name as users read it, and what a comment box holds at most (its declaration's). */
  readonly name: string;
  readonly commentLimit: number;
  /** Every selector the adapter uses, by name: read at each use, so a user's override applies at once. */
  readonly selectors: Record<string, string>;
  /** The selectors as shipped (what "reset" goes back to). */
  readonly defaultSelectors: Readonly<Record<string, string>>;
  /** Manifest match patterns of the pages this adapter reads (the declaration's hosts). */
  readonly matches: readonly string[];
  /** Whether a URL of this site is a page with items worth scanning. */
  scansPage(url: URL): boolean;
  /** Whether this page should show items (a conversation, a mentions page): none there is a warning sign. */
  expectsItems(url: URL, doc: Document): boolean;
  /** Parts that must match on a page where items are expected, by name (shown when one stops matching). */
  readonly required: Readonly<Record<string, string>>;
  /** Elements that are posts or comments (one entry each). */
  readonly itemSelector: string;
  /** The facts of one item element, or null while it is incomplete or not understood. */
  readEntry(el: Element, page: PageInfo): PageEntry | null;
  /** Done once per page in a task of its own before the first reading (what the first reading would learn). */
  prepare?(doc: Document): void;
  /**
   * Where the site's times are words ("2 hours ago", "November 20 at 9:00"): takes the words the
   * worker learnt for the page's languages (core/time-words.ts `takeAgeWords`…), so the page does
   * not learn them. Sites without it are not sent any.
   */
  takeTimeWords?(given: unknown): void;
  /**
   * Items whose verdict may change when `el` appears (the comments it answers). `page` is the chunk's
   * (as for readEntry) when the content script asks, so an index built for the one serves the other.
   */
  relatedItems(el: Element, page?: PageInfo): Element[];
  /** Whether the site's pages show who is signed in (else the handle is typed in Options). */
  readonly readsOwner: boolean;
  /** The signed-in user's handle, where the page shows it. */
  detectOwner(doc: Document): string | null;
  /** Where the item's badge goes (appended as the last child). */
  badgeAnchor(el: Element): Element | null;
  /** The item's own reply button. */
  replyButton(el: Element): HTMLElement | null;
  /** The composer that replies to `el`, once open (null until it is there). */
  composerFor(el: Element, doc: Document): HTMLElement | null;
  /** Any composer of this site (for the element that has focus). */
  readonly composerSelector: string;
  /** Enter alone sends a comment (Shift+Enter breaks the line), as on Facebook. */
  readonly sendsOnEnter?: boolean;
  /** The buttons that send what a composer holds. */
  readonly sendButtonSelector: string;
  /** A send control no selector tells from its neighbours (Threads' "Post" beside "Cancel"), from a click's target. */
  isSendControl?(target: Element): boolean;
  /** Events the site fires on the document when it changes page without a load (YouTube's own). */
  readonly navigationEvents?: readonly string[];
}

/**
 * A site's selectors in use: a mutable copy of its declared ones, which the adapter reads at each
 * use so that a user's override (Options) applies at once.
 */
export function selectorsInUse<Names extends string>(site: SiteDeclaration<SiteId, Names>): Record<Names, string> {
  return { ...site.selectors };
}

/** Where an adapter's items, comment boxes or send buttons are: selector names joined, or computed. */
type SelectorPart<Names extends string> = readonly Names[] | (() => string);

/** The adapter's own knowledge: everything but what its declaration and selector parts give. */
type AdapterBody = Omit<
  SiteAdapter,
  'id' | 'name' | 'commentLimit' | 'matches' | 'readsOwner' | 'navigationEvents' | 'selectors' | 'defaultSelectors'
  | 'itemSelector' | 'composerSelector' | 'sendButtonSelector'
>;

/**
 * An adapter from its site's declaration, the selectors in use, where its items, comment boxes
 * ("composer" by default) and send buttons ("send" by default) are, and its own readers. The three
 * selectors are read at each use, so a user's override applies at once; the body's getters stay
 * getters.
 */
export function defineAdapter<Names extends string>(
  site: SiteDeclaration<SiteId, Names>,
  selectors: Record<Names, string>,
  parts: { items: SelectorPart<Names>; composers?: SelectorPart<Names>; sends?: SelectorPart<Names> },
  body: AdapterBody & ThisType<SiteAdapter>,
): SiteAdapter {
  const read = (part: SelectorPart<Names>) =>
    typeof part === 'function' ? part() : part.map((name) => selectors[name]).join(', ');
  const adapter = {
    id: site.id,
    name: site.name,
    commentLimit: site.commentLimit,
    matches: site.hosts,
    readsOwner: site.readsOwner,
    ...(site.navigationEvents && { navigationEvents: site.navigationEvents }),
    selectors,
    defaultSelectors: site.selectors,
  };
  Object.defineProperties(adapter, {
    itemSelector: { get: () => read(parts.items), enumerable: true },
    composerSelector: { get: () => read(parts.composers ?? (['composer'] as Names[])), enumerable: true },
    sendButtonSelector: { get: () => read(parts.sends ?? (['send'] as Names[])), enumerable: true },
    ...Object.getOwnPropertyDescriptors(body),
  });
  return adapter as unknown as SiteAdapter;
}

export function memoize<T>(page: PageInfo, key: string, compute: () => T): T {
  if (page.memo.has(key)) return page.memo.get(key) as T;
  const value = compute();
  page.memo.set(key, value);
  return value;
}

/**
 * Puts a user's selector overrides in place (unknown names ignored), the rest back to the defaults.
 * An override that is not valid CSS is refused, named in the result, and the default stays.
 */
export function applySelectorOverrides(
  adapter: SiteAdapter,
  overrides: Readonly<Record<string, string>> | undefined,
  isValid: (selector: string) => boolean,
): string[] {
  const refused: string[] = [];
  for (const [name, fallback] of Object.entries(adapter.defaultSelectors)) {
    const wanted = overrides?.[name]?.trim();
    const ok = !!wanted && isValid(wanted);
    if (wanted && !ok) refused.push(name);
    adapter.selectors[name] = ok ? wanted : fallback;
  }
  return refused;
}

/** Whether the browser accepts `selector` as CSS (checked on a detached fragment). */
export function isValidSelector(selector: string, doc: Document): boolean {
  try {
    doc.createDocumentFragment().querySelector(selector);
    return true;
  }
  catch {
    return false;
  }
}
