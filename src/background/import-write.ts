/**
 * An import's write: one readwrite transaction over items, saved replies and settings, fed in
 * batches as the file is read, so that afterwards the store holds either the import's result or
 * exactly what it held. A merge reads and writes only the records the file holds.
 *
 * A transaction commits as soon as it has no request left while the page waits for something else
 * (the next piece of the file): a small read of the settings is kept pending the whole time, and
 * each batch is written from the answer to one of them, while the transaction is active.
 */
import { mergeItem, mergeSettings, mergeSnippet } from '../core/backup-merge';
import { forgetCatalog } from './catalog-store';
import type { ImportMode } from '../core/backup';
import type { Item, Settings, Snippet } from '../core/types';
import { type ReplylineDb, SETTINGS_KEY, settingsFrom } from './db';

export interface Imported {
  /** The Mastodon instances listed before the import: the worker withdraws those no longer listed. */
  hostsBefore: string[];
}

/** What a batch did: records new here, and those merged with (or replacing) one already here. */
export interface Written {
  added: number;
  updated: number;
}

type Tx = ReturnType<typeof openTx>;
const openTx = (db: ReplylineDb) => db.transaction(['items', 'snippets', 'settings', 'catalog', 'journal'], 'readwrite');

/** A request whose failure is answered elsewhere (the transaction aborts, and that is awaited). */
function quiet<T>(request: Promise<T>): Promise<T> {
  request.catch(() => undefined);
  return request;
}

export class ImportWrite {
  private readonly jobs: (() => void)[] = [];
  private spinning = true;
  /** Whether the read is pending; and how many pieces of work are under way. */
  private asking = false;
  private busy = 0;
  /** False once no answer will come again: work is then run at once (and fails at its first request). */
  private alive = true;
  readonly done: Promise<void>;

  private constructor(
    private readonly tx: Tx,
    readonly mode: ImportMode,
    /** The settings stored before the import. */
    readonly before: Settings,
  ) {
    this.done = quiet(tx.done);
    this.done.finally(() => this.stop()).catch(() => undefined);
    this.spin();
  }

  /** Opens the transaction; a replace empties the log and saved replies in it first. */
  static async begin(db: ReplylineDb, mode: ImportMode): Promise<ImportWrite> {
    const tx = openTx(db);
    quiet(tx.done);
    const before = settingsFrom(await quiet(tx.objectStore('settings').get(SETTINGS_KEY)));
    // The popup's catalog (catalog.ts) is written without these items: it is forgotten with the
    // import, so that a worker stopped before it hears of the import builds it anew.
    forgetCatalog(tx).forEach(quiet);
    if (mode === 'replace') {
      quiet(tx.objectStore('items').clear());
      quiet(tx.objectStore('snippets').clear());
    }
    return new ImportWrite(tx, mode, before);
  }

  /** Runs `work` while the transaction is active: from the next answer to the pending read. */
  run<T>(work: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const job = () => {
        this.busy++;
        let running: Promise<T>;
        try {
          running = work();
        }
        catch (error) {
          running = Promise.reject(error);
        }
        running.then(
          (value) => {
            // Still in the answer to the work's last request: the transaction is active.
            this.busy--;
            this.idle();
            resolve(value);
          },
          (error: unknown) => {
            this.busy--;
            reject(error);
          },
        );
      };
      if (this.alive) this.jobs.push(job);
      else job();
    });
  }

  items(batch: readonly Item[]): Promise<Written> {
    return this.run(() => this.write('items', batch, (item) => item.key, mergeItem));
  }

  snippets(batch: readonly Snippet[]): Promise<Written> {
    return this.run(() => this.write('snippets', batch, (snippet) => snippet.id, mergeSnippet));
  }

  /** Writes the settings (the file's, or merged with those here) and waits for the commit. */
  async finish(theirs: Settings): Promise<Imported> {
    await this.run(async () => {
      this.spinning = false;
      const settings = this.mode === 'replace' ? theirs : mergeSettings(this.before, theirs);
      await quiet(this.tx.objectStore('settings').put(settings, SETTINGS_KEY));
    });
    await this.tx.done;
    return { hostsBefore: this.before.mastodonHosts };
  }

  /** Undoes everything written (when not already undone by a failure), and waits until it is. */
  async abort(): Promise<void> {
    this.spinning = false;
    try {
      this.tx.abort();
    }
    catch {
      // Already aborted (a failed request aborts it) or finished: nothing left to undo.
    }
    await this.done.catch(() => undefined);
  }

  /** Work done: the waiting work runs now, or, with none, the read is asked for again. */
  private idle(): void {
    const jobs = this.jobs.splice(0);
    for (const job of jobs) job();
    if (this.busy === 0 && jobs.length === 0) this.spin();
  }

  /**
   * The pending read, asked for while no work is (work's own requests keep the transaction alive
   * meanwhile): its answer runs the work waiting, or asks again.
   */
  private spin(): void {
    if (!this.spinning || this.asking) return;
    this.asking = true;
    let request: Promise<unknown>;
    try {
      request = this.tx.objectStore('settings').getKey(SETTINGS_KEY);
    }
    catch {
      this.asking = false;
      return this.stop(); // the transaction ended
    }
    request.then(
      () => {
        this.asking = false;
        this.idle();
      },
      () => this.stop(),
    );
  }

  /** No answer comes again: the waiting work runs now, and fails at its first request, saying why. */
  private stop(): void {
    this.alive = false;
    this.spinning = false;
    for (const job of this.jobs.splice(0)) job();
  }

  private async write<K extends 'items' | 'snippets', V extends Item | Snippet>(
    name: K,
    batch: readonly V[],
    keyOf: (value: V) => string,
    merge: (mine: V, theirs: V) => V,
  ): Promise<Written> {
    // Typed loosely here: items and saved replies go the same way, each to its own store.
    const store = this.tx.objectStore(name) as unknown as {
      get(key: string): Promise<V | undefined>;
      put(value: V): Promise<unknown>;
    };
    if (this.mode === 'replace') {
      await Promise.all(batch.map((value) => quiet(store.put(value))));
      return { added: batch.length, updated: 0 };
    }
    const stored = await Promise.all(batch.map((value) => quiet(store.get(keyOf(value)))));
    let updated = 0;
    const puts = batch.map((value, n) => {
      const mine = stored[n];
      if (mine) updated++;
      // `put` may throw at once (a value it cannot clone) rather than fail its request: the caller aborts.
      return quiet(store.put(mine ? merge(mine, value) : value));
    });
    await Promise.all(puts);
    return { added: batch.length - updated, updated };
  }
}
