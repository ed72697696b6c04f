/**
 * What an adapter builds once for the stretch of synchronous work in progress: the content script
 * asks `relatedItems` for every new item of a batch in one go, and the page does not change in
 * between, so one index of a conversation serves them all. It is dropped at the next microtask,
 * before the page can change.
 */
const built = new WeakMap<object, Map<string, unknown>>();

/** `fits` tells whether what was built still serves (else it is built again: the page changed). */
export function batchMemo<T>(root: object, name: string, build: () => T, fits: (value: T) => boolean = () => true): T {
  let byName = built.get(root);
  if (!byName) {
    const fresh = new Map<string, unknown>();
    byName = fresh;
    built.set(root, fresh);
    queueMicrotask(() => {
      if (built.get(root) === fresh) built.delete(root);
    });
  }
  if (byName.has(name) && fits(byName.get(name) as T)) return byName.get(name) as T;
  const value = build();
  byName.set(name, value);
  return value;
}
