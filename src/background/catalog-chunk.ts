/**
 * The catalog's entries as stored, a chunk at a time, in columns: numbers in typed arrays and
 * strings run together with their lengths. The browser reads such a record back as a few blocks
 * of memory, where a list of 2,000 small arrays costs it 2,000 objects to rebuild: reading 100,000
 * entries takes a fraction of the time. The words (what a search runs over) are a chunk of their
 * own, read after the entries.
 */
import type { ItemKind, ItemStatus, SiteId } from '../core/types';
import { SITE_IDS } from '../core/types';
import { type Entry, entryFrom } from './catalog-entry';

/** Strings run together, and where each ends. */
export interface Strings {
  text: string;
  ends: Uint32Array;
}

export interface EntryChunk {
  /** The names the columns of names stand for, by index, as they were when the chunk was written. */
  names: { status: ItemStatus[]; site: SiteId[]; kind: ItemKind[] };
  keys: Strings;
  threads: Strings;
  status: Uint8Array;
  site: Uint8Array;
  kind: Uint8Array;
  labels: Uint8Array;
  sortAt: Float64Array;
  statusAt: Float64Array;
  /** NaN where there is none. */
  answeredAt: Float64Array;
  firstSeenAt: Float64Array;
}

const STATUSES: ItemStatus[] = ['pending', 'snoozed', 'answered', 'dismissed'];
const KINDS: ItemKind[] = ['comment', 'reply', 'mention'];

function joined(values: readonly string[]): Strings {
  const ends = new Uint32Array(values.length);
  let at = 0;
  values.forEach((v, i) => (ends[i] = at += v.length));
  return { text: values.join(''), ends };
}

function split({ text, ends }: Strings): string[] {
  const values = new Array<string>(ends.length);
  let from = 0;
  for (let i = 0; i < ends.length; i++) {
    values[i] = text.slice(from, ends[i]);
    from = ends[i]!;
  }
  return values;
}

export function encodeChunk(entries: readonly Entry[]): EntryChunk {
  const index = <T>(names: readonly T[], pick: (e: Entry) => T) =>
    Uint8Array.from(entries, (e) => names.indexOf(pick(e)));
  const times = (pick: (e: Entry) => number | null) => Float64Array.from(entries, (e) => pick(e) ?? Number.NaN);
  return {
    names: { status: STATUSES, site: [...SITE_IDS], kind: KINDS },
    keys: joined(entries.map((e) => e.key)),
    threads: joined(entries.map((e) => e.thread)),
    status: index(STATUSES, (e) => e.status),
    site: index(SITE_IDS, (e) => e.site),
    kind: index(KINDS, (e) => e.kind),
    labels: Uint8Array.from(entries, (e) => e.labels),
    sortAt: times((e) => e.sortAt),
    statusAt: times((e) => e.statusAt),
    answeredAt: times((e) => e.answeredAt),
    firstSeenAt: times((e) => e.firstSeenAt),
  };
}

/** The chunk's entries, without their words (null: read afterwards). */
export function decodeChunk(chunk: EntryChunk): Entry[] {
  const keys = split(chunk.keys);
  const threads = split(chunk.threads);
  const { names } = chunk;
  return keys.map((key, i) => {
    const answeredAt = chunk.answeredAt[i]!;
    return entryFrom(
      [
        key,
        names.status[chunk.status[i]!]!,
        names.site[chunk.site[i]!]!,
        names.kind[chunk.kind[i]!]!,
        chunk.labels[i]!,
        chunk.sortAt[i]!,
        chunk.statusAt[i]!,
        threads[i]!,
        Number.isNaN(answeredAt) ? null : answeredAt,
        chunk.firstSeenAt[i]!,
      ],
      null,
    );
  });
}

export const encodeWords = (entries: readonly Entry[]): Strings => joined(entries.map((e) => e.words ?? ''));
export const decodeWords = split;
