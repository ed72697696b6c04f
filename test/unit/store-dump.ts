import type { StoreNames } from 'idb';
import type { ReplylineDb, ReplylineSchema } from '../../src/background/db';

/** A deterministic text of any stored value: object keys sorted, and -0, NaN, Infinity and undefined told apart. */
export function canonical(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : Number.isFinite(value) ? String(value) : `${value}`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${Array.from(value, canonical).join(',')}]`;
  const proto = Object.getPrototypeOf(value) === Object.prototype ? '' : `<${Object.prototype.toString.call(value)}>`;
  const keys = Object.keys(value).sort();
  return `${proto}{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

/** Stores as [key, value] pairs in key order, as one deterministic text. */
export function dumpOf(stores: Record<string, [IDBValidKey, unknown][]>): string {
  return Object.keys(stores)
    .sort()
    .map((name) => `${name} ${canonical(stores[name])}`)
    .join('\n');
}

/** Stores derived from the others (the popup's catalog of the items, and its journal): built from them, not data. */
const DERIVED: ReadonlySet<string> = new Set(['catalog', 'journal']);

/** Every store of the database but the derived ones, each key with its value, as one deterministic text. */
export async function dumpStores(db: ReplylineDb): Promise<string> {
  const names: StoreNames<ReplylineSchema>[] = [];
  for (let i = 0; i < db.objectStoreNames.length; i++) {
    const name = db.objectStoreNames.item(i)! as StoreNames<ReplylineSchema>;
    if (!DERIVED.has(name)) names.push(name);
  }
  const tx = db.transaction(names);
  const stores: Record<string, [IDBValidKey, unknown][]> = {};
  for (const name of names) {
    const store = tx.objectStore(name);
    const [keys, values] = await Promise.all([store.getAllKeys(), store.getAll()]);
    stores[name] = keys.map((key, i) => [key, values[i]]);
  }
  await tx.done;
  return dumpOf(stores);
}
