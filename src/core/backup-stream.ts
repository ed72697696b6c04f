/**
 * A backup read as it streams in: each item and saved reply is checked as it arrives and handed on,
 * so that a file of any number of comments is read in bounded memory (what is kept is the keys seen,
 * to refuse one recorded twice, and the counts of the preview). The checks are parseBackup's: the
 * first problem is named, and a file refused changes nothing.
 */
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupSummary,
  CLOCK_SKEW_MS,
  MAX_BACKUP_DEPTH,
  type ParseOptions,
} from './backup-format';
import { readExportedAt, readItem, readSettings, readSnippet, Refusal, refuse, type Tally } from './backup-read';
import { JsonScanner, parseJson, ScanError, type ScanSink, type Take } from './backup-scan';
import type { Item, Settings, SiteId, Snippet } from './types';
import { SITE_IDS } from './types';

export interface StreamOptions extends ParseOptions {
  /** Each item, once checked; its key is not yet known to be the only one of its kind until the end. */
  item?(item: Item): void;
  snippet?(snippet: Snippet): void;
}

export interface StreamRead {
  version: number;
  exportedAt: string;
  settings: Settings;
  summary: BackupSummary;
}

/** The largest single record, settings or unknown field read, in characters (an item is at most some 30,000). */
const MAX_VALUE = 1 << 20;
const HEAD = ['format', 'version', 'exportedAt'] as const;

export class BackupStream implements ScanSink {
  private readonly scanner = new JsonScanner(this);
  private readonly latest: number;
  private readonly tally: Tally = { dropped: 0 };
  private readonly head: Partial<Record<(typeof HEAD)[number], unknown>> = {};
  private readonly seen = new Set<string>();
  private readonly notLists = new Set<string>();
  private readonly keys = new Set<string>();
  private readonly ids = new Set<string>();
  private readonly sites = new Set<SiteId>();
  /** A record's problem met before the file's head said it is a backup of a version read here. */
  private deferred: Refusal | null = null;
  private settingsText: string | null = null;
  private items = 0;
  private pending = 0;
  private snippets = 0;

  constructor(private readonly options: StreamOptions) {
    this.latest = options.now + CLOCK_SKEW_MS;
  }

  /** Reads on; throws the Refusal that says why the file cannot be imported. */
  push(text: string): void {
    this.guard(() => this.scanner.push(text));
  }

  end(): StreamRead {
    return this.guard(() => {
      this.scanner.end();
      const version = this.headRead(true) as number;
      if (this.notLists.size > 0 || !this.seen.has('items') || !this.seen.has('snippets')) throw refuse('backupNoLists');
      if (this.deferred) throw this.deferred;
      const stored = this.settingsText === null ? undefined : parseJson(this.settingsText);
      const settings = readSettings(stored, this.tally, this.options);
      const exportedAt = this.head.exportedAt as string;
      const summary: BackupSummary = {
        exportedAt,
        items: this.items,
        pending: this.pending,
        snippets: this.snippets,
        sites: SITE_IDS.filter((s) => this.sites.has(s)),
        dropped: this.tally.dropped,
      };
      return { version, exportedAt, settings, summary };
    });
  }

  take(field: string): Take {
    return { list: field === 'items' || field === 'snippets', max: MAX_VALUE };
  }

  value(field: string, text: string): void {
    const value = parseJson(text);
    this.once(field);
    if (field === 'items' || field === 'snippets') this.notLists.add(field);
    else if (field === 'settings') this.settingsText = text;
    else if ((HEAD as readonly string[]).includes(field)) {
      this.head[field as (typeof HEAD)[number]] = value;
      this.headRead(false);
    }
    else this.tally.dropped++;
  }

  element(field: string, index: number, text: string): void {
    if (index === 0) this.once(field);
    const value = parseJson(text);
    if (this.deferred) return;
    try {
      if (field === 'items') this.readItem(value, index);
      else this.readSnippet(value, index);
    }
    catch (error) {
      if (!(error instanceof Refusal)) throw error;
      this.problem(error);
    }
  }

  listEnd(field: string): void {
    // An empty list was never told an element.
    this.seen.add(field);
  }

  top(text: string): void {
    parseJson(text);
    throw refuse('backupNotOurs');
  }

  private readItem(value: unknown, index: number) {
    const item = readItem(value, index, this.tally, this.latest);
    if (this.keys.has(item.key)) throw refuse('backupItemTwice', item.key.slice(0, 60));
    this.keys.add(item.key);
    this.items++;
    if (item.status === 'pending') this.pending++;
    this.sites.add(item.site);
    this.options.item?.(item);
  }

  private readSnippet(value: unknown, index: number) {
    const snippet = readSnippet(value, index, this.tally, this.latest);
    if (this.ids.has(snippet.id)) throw refuse('backupSnippetTwice', snippet.title.slice(0, 60));
    this.ids.add(snippet.id);
    this.snippets++;
    this.options.snippet?.(snippet);
  }

  /** A field of the file read twice: no export writes one, and which of them would count is unclear. */
  private once(field: string) {
    if (this.seen.has(field)) throw refuse('backupNotOurs');
    this.seen.add(field);
  }

  /** A record's problem is said at once when the file is known to be a backup read here; else once that is known. */
  private problem(refusal: Refusal) {
    if (this.headRead(false)) throw refusal;
    this.deferred = refusal;
  }

  /**
   * Whether the head (format, version, export date) is read and good, checked in parseBackup's order;
   * throws what is wrong with it once that is certain. `final`: the file ended, what is missing is missing.
   */
  private headRead(final: boolean): number | false {
    const { head } = this;
    const missing = (field: (typeof HEAD)[number]) => !Object.hasOwn(head, field);
    if (missing('format')) {
      if (final) throw refuse('backupNotOurs');
      return false;
    }
    if (head.format !== BACKUP_FORMAT) throw refuse('backupNotOurs');
    if (missing('version')) {
      if (final) throw refuse('backupNoVersion');
      return false;
    }
    const version = head.version;
    if (typeof version !== 'number') throw refuse('backupNoVersion');
    if (!Number.isSafeInteger(version) || version < 1) throw refuse('backupBadVersion');
    if (version > BACKUP_VERSION) throw refuse('backupNewer');
    if (missing('exportedAt') && !final) return false;
    readExportedAt(head.exportedAt, this.latest);
    return version;
  }

  private guard<T>(read: () => T): T {
    try {
      return read();
    }
    catch (error) {
      if (!(error instanceof ScanError)) throw error;
      if (error.kind === 'json') throw refuse('backupNotJson');
      if (error.kind === 'deep') throw refuse('backupTooDeep', MAX_BACKUP_DEPTH);
      if (error.field === 'items') throw refuse('backupBadItem', error.index + 1);
      if (error.field === 'snippets') throw refuse('backupBadSnippet', error.index + 1);
      throw refuse(error.field === 'settings' ? 'backupNoSettings' : 'backupNotOurs');
    }
  }
}
