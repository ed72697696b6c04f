/**
 * What Replyline knows of a site as plain data: no DOM, no browser, so every layer may read it.
 * Core validates backups and messages with the ids, the build writes the manifest's hosts, the
 * worker and the pages name sites and their selectors. How the site's pages are read is its
 * adapter's business (src/sites/<site>.ts), which takes all of this from here.
 */
export interface SiteDeclaration<Id extends string = string, Names extends string = string> {
  /** The site's key in the log, the settings and backups: it never changes once shipped. */
  readonly id: Id;
  /** The site's name as users read it (a brand: not translated). */
  readonly name: string;
  /**
   * Match patterns of the pages the adapter reads: the manifest's content script and host
   * permissions. Empty for a site that runs only on the instances the user adds (`onInstances`).
   */
  readonly hosts: readonly string[];
  /** What a comment box holds at most, in characters, as the site documents it (the picker warns beyond). */
  readonly commentLimit: number;
  /** Whether the site's pages show who is signed in (else the handle is typed in Options). */
  readonly readsOwner: boolean;
  /** Events the site fires on the document when it changes page without a load (YouTube's own). */
  readonly navigationEvents?: readonly string[];
  /**
   * No fixed hosts: the site runs on the instances the user adds in Options, each asked of the
   * browser on its own (src/background/instances.ts), and is in use only once one is added.
   */
  readonly onInstances?: boolean;
  /** Accounts are only known with their instance: typed and compared as full `user@instance` addresses. */
  readonly fullAddresses?: boolean;
  /**
   * Every selector the adapter uses, by name, as shipped. A user may replace each in Options; the
   * names are what backups and the options page may name.
   */
  readonly selectors: Readonly<Record<Names, string>>;
}

/**
 * A site's declaration, frozen: one per file in src/core/sites/, listed once in its index.ts. Each
 * call is marked pure, so that a site's content script keeps no other site's declaration.
 */
export function defineSite<Id extends string, Names extends string>(
  site: SiteDeclaration<Id, Names>,
): SiteDeclaration<Id, Names> {
  return Object.freeze({
    ...site,
    hosts: Object.freeze([...site.hosts]),
    ...(site.navigationEvents && { navigationEvents: Object.freeze([...site.navigationEvents]) }),
    selectors: Object.freeze({ ...site.selectors }),
  });
}

/**
 * Whether a URL is one a manifest match pattern names (`https://host/path*`, `*.` before a host
 * for its subdomains too), as the browser decides where a content script runs.
 */
export function matchesPattern(pattern: string, url: URL): boolean {
  const match = /^(https?):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!match) return false;
  const [, scheme, host, path] = match;
  if (`${scheme}:` !== url.protocol) return false;
  const hostOk = host?.startsWith('*.')
    ? url.hostname === host.slice(2) || url.hostname.endsWith(host.slice(1))
    : url.hostname === host;
  const pathRe = new RegExp(`^${(path ?? '').replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return hostOk && pathRe.test(url.pathname + url.search);
}
