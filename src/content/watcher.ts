/**
 * Watches the page for items: only nodes that are new (or changed inside an item) are
 * examined, in batches that yield to the page, so the cost follows what is new and no
 * task runs long.
 */
export const HOST_ATTRIBUTE = 'data-replyline-host';

export interface WatcherOptions {
  root: Document;
  itemSelector: string;
  /** Items that appeared or changed; called in chunks. */
  onItems(items: Element[]): Promise<void> | void;
  /** Called once per batch before items, e.g. to notice single-page navigation. */
  onBatch?(): void;
  signal: AbortSignal;
  /** Budget of one slice of work before yielding to the page, in ms. */
  sliceMs?: number;
  chunkSize?: number;
}

interface PostTask {
  postTask?: (run: () => void) => Promise<void>;
}

/**
 * Gives the page its turn: our work goes on in a task queued after the page's. A posted task where
 * the browser has them: nested timers wait 4 ms at least, idle time in which the badges waiting
 * would be drawn (and the page rendered) between two slices of reading.
 */
export const yieldToPage = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: PostTask }).scheduler;
  if (typeof scheduler?.postTask === 'function') return scheduler.postTask(() => undefined);
  return new Promise<void>((resolve) => setTimeout(resolve, 0));
};

function isOurs(node: Node): boolean {
  return (
    node instanceof Element
    && (node.hasAttribute(HOST_ATTRIBUTE) || node.closest(`[${HOST_ATTRIBUTE}]`) !== null)
  );
}

/** What one watcher has still to look at, and whether a run is due or under way. */
interface Watch {
  options: WatcherOptions;
  sliceMs: number;
  chunkSize: number;
  /** New nodes: searched in full. */
  queued: Set<Node>;
  /** Nodes changed inside: only the item around them is looked at again. */
  touched: Set<Node>;
  scheduled: boolean;
  running: boolean;
}

const hasWork = (watch: Watch) => watch.queued.size > 0 || watch.touched.size > 0;

/** The items in or around new nodes, and around nodes changed inside. */
function collect(itemSelector: string, nodes: Iterable<Node>, changed: Iterable<Node>): Element[] {
  const found = new Set<Element>();
  const around = (node: Node) => {
    const element = node instanceof Element ? node : node.parentElement;
    const item = element?.closest(itemSelector);
    if (item) found.add(item);
  };
  for (const node of nodes) {
    if (!node.isConnected || isOurs(node)) continue;
    around(node);
    if (node instanceof Element)
      for (const inner of Array.from(node.querySelectorAll(itemSelector))) found.add(inner);
  }
  for (const node of changed) if (node.isConnected) around(node);
  return [...found];
}

/** Hands the items over in chunks, yielding to the page when a slice (begun at `start`) is used up. */
async function handOver(watch: Watch, items: Element[], start: number) {
  const { signal } = watch.options;
  for (let i = 0; i < items.length && !signal.aborted; i += watch.chunkSize) {
    // Finding the items on a large page can fill a slice by itself.
    if (performance.now() - start > watch.sliceMs) {
      await yieldToPage();
      start = performance.now();
    }
    await watch.options.onItems(items.slice(i, i + watch.chunkSize));
  }
}

/** One batch: what is queued and touched so far, its items handed over. */
async function batch(watch: Watch) {
  watch.options.onBatch?.();
  const nodes = [...watch.queued];
  const changed = [...watch.touched];
  watch.queued.clear();
  watch.touched.clear();
  const start = performance.now();
  await handOver(watch, collect(watch.options.itemSelector, nodes, changed), start);
}

async function run(watch: Watch) {
  watch.scheduled = false;
  const { signal } = watch.options;
  if (watch.running || signal.aborted) return;
  watch.running = true;
  try {
    while (hasWork(watch) && !signal.aborted) {
      await batch(watch);
      await yieldToPage();
    }
  }
  finally {
    watch.running = false;
    if (hasWork(watch) && !signal.aborted) schedule(watch);
  }
}

function schedule(watch: Watch) {
  if (watch.scheduled) return;
  watch.scheduled = true;
  setTimeout(() => void run(watch), 50);
}

/**
 * Queues what the page changed (never what we did) and schedules a run for it. A record of nodes
 * added or removed is looked at by its nodes first: our badges coming and going (thousands on a
 * large page) are told apart by their own attribute, without looking up where they went.
 */
function noteChanges(watch: Watch, records: MutationRecord[]) {
  for (const record of records) {
    if (record.type !== 'childList') {
      if (!isOurs(record.target)) watch.touched.add(record.target);
      continue;
    }
    const added = Array.from(record.addedNodes).filter((node) => !isOurs(node));
    const theirs = added.length > 0 || Array.from(record.removedNodes).some((node) => !isOurs(node));
    if (!theirs || isOurs(record.target)) continue;
    for (const node of added) watch.queued.add(node);
    // Content changed inside an item (text filled in late): look at the item again.
    watch.touched.add(record.target);
  }
  if (hasWork(watch)) schedule(watch);
}

export function watchItems(options: WatcherOptions): { rescan(): void } {
  const { root, signal } = options;
  const watch: Watch = {
    options,
    sliceMs: options.sliceMs ?? 8,
    chunkSize: options.chunkSize ?? 25,
    queued: new Set(),
    touched: new Set(),
    scheduled: false,
    running: false,
  };
  const observer = new MutationObserver((records) => noteChanges(watch, records));
  observer.observe(root, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['href', 'datetime'],
  });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });

  const rescan = () => {
    if (root.body) watch.queued.add(root.body);
    schedule(watch);
  };
  rescan();
  return { rescan };
}
