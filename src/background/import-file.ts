/**
 * A backup file imported from an extension page as it streams: first read through to check it and
 * count what it would do (the preview), then read again and written in one transaction. Only the
 * piece of the file being read and a batch of its records are held at a time (and the keys seen).
 */
import { type BackupSummary, type ImportMode, type ParseOptions } from '../core/backup';
import { BackupStream, type StreamRead } from '../core/backup-stream';
import type { Item, Snippet } from '../core/types';
import type { ReplylineDb } from './db';
import { type Imported, ImportWrite, type Written } from './import-write';

export interface StreamControl extends ParseOptions {
  signal: AbortSignal;
  /** The share of the file read so far, 0 to 1. */
  progress(share: number): void;
}

export interface Preview {
  summary: BackupSummary;
  /** What a merge would do with the file's records. */
  items: Written;
  snippets: Written;
  /** What a replace would remove: the records here now. */
  storedItems: number;
  storedSnippets: number;
}

export interface FileImported {
  imported: Imported;
  items: Written;
  snippets: Written;
}

/** Records handed on at a time: enough that each batch's round trip to the database counts little. */
const BATCH = 1000;

/** Records read from the latest piece of the file, waiting for their batch to be handled. */
interface Batches {
  items: Item[];
  snippets: Snippet[];
}

/**
 * Streams the file through a BackupStream, handing its records on in batches (each handled before
 * more of the file is read). Throws the stream's Refusal for a file that cannot be imported, and the signal's
 * reason once it is aborted.
 */
async function readFile(file: Blob, control: StreamControl, batch: (b: Batches) => Promise<void>): Promise<StreamRead> {
  const pending: Batches = { items: [], snippets: [] };
  const stream = new BackupStream({
    ...control,
    item: (item) => pending.items.push(item),
    snippet: (snippet) => pending.snippets.push(snippet),
  });
  // Progress is told in the file's bytes, counted before they are decoded.
  let read = 0;
  const counted = new TransformStream<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>>({
    transform(chunk, out) {
      read += chunk.byteLength;
      out.enqueue(chunk);
    },
  });
  const reader = file.stream().pipeThrough(counted).pipeThrough(new TextDecoderStream()).getReader();
  const handOn = () => batch({ items: pending.items.splice(0), snippets: pending.snippets.splice(0) });
  try {
    for (;;) {
      control.signal.throwIfAborted();
      const { done, value } = await reader.read();
      control.signal.throwIfAborted();
      if (done) break;
      stream.push(value);
      if (pending.items.length + pending.snippets.length >= BATCH) await handOn();
      control.progress(Math.min(1, read / Math.max(1, file.size)));
    }
    await handOn();
  }
  finally {
    reader.cancel().catch(() => undefined);
  }
  return stream.end();
}

/**
 * Work on batches, one at a time, while more of the file is read: each call waits for the batch
 * before (and throws its failure), then starts its own and returns. The last call's wait is the end.
 */
function oneAtATime(): (work: () => Promise<void>) => Promise<void> {
  let previous: Promise<void> = Promise.resolve();
  return async (work) => {
    await previous;
    previous = work();
    previous.catch(() => undefined); // thrown by the next call
  };
}

const add = (a: Written, b: Written): Written => ({ added: a.added + b.added, updated: a.updated + b.updated });

/** Reads the file through, and counts what it holds, what is here already, and what is here now. */
export async function previewFile(db: ReplylineDb, file: Blob, control: StreamControl): Promise<Preview> {
  let items: Written = { added: 0, updated: 0 };
  let snippets: Written = { added: 0, updated: 0 };
  const here = async (store: 'items' | 'snippets', keys: string[]): Promise<Written> => {
    if (keys.length === 0) return { added: 0, updated: 0 };
    const tx = db.transaction(store);
    const found = await Promise.all(keys.map((key) => tx.store.getKey(key)));
    const updated = found.filter((key) => key !== undefined).length;
    return { added: keys.length - updated, updated };
  };
  const overlap = oneAtATime();
  const read = await readFile(file, control, (batch) =>
    overlap(async () => {
      items = add(items, await here('items', batch.items.map((i) => i.key)));
      snippets = add(snippets, await here('snippets', batch.snippets.map((s) => s.id)));
    }),
  );
  await overlap(async () => undefined);
  const tx = db.transaction(['items', 'snippets']);
  const [storedItems, storedSnippets] = await Promise.all([tx.objectStore('items').count(), tx.objectStore('snippets').count()]);
  return { summary: read.summary, items, snippets, storedItems, storedSnippets };
}

/**
 * Reads the file again and writes it in one transaction: a refusal (the file changed since its
 * preview), a cancel or a failed write undoes it all, and is thrown once that is done.
 */
export async function importFile(
  db: ReplylineDb,
  file: Blob,
  mode: ImportMode,
  control: StreamControl,
): Promise<FileImported> {
  const write = await ImportWrite.begin(db, mode);
  let items: Written = { added: 0, updated: 0 };
  let snippets: Written = { added: 0, updated: 0 };
  try {
    const overlap = oneAtATime();
    const read = await readFile(file, control, (batch) =>
      overlap(async () => {
        if (batch.items.length > 0) items = add(items, await write.items(batch.items));
        if (batch.snippets.length > 0) snippets = add(snippets, await write.snippets(batch.snippets));
      }),
    );
    await overlap(async () => undefined);
    control.signal.throwIfAborted();
    const imported = await write.finish(read.settings);
    return { imported, items, snippets };
  }
  catch (error) {
    await write.abort();
    throw error;
  }
}
