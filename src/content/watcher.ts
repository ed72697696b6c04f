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

export const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function isOurs(node: Node): boolean {
  return (
    node instanceof Element
    && (node.hasAttribute(HOST_ATTRIBUTE) || node.closest(`[${HOST_ATTRIBUTE}]`) !== null)
  );
}

export function watchItems(options: WatcherOptions): { rescan(): void } {
  const { root, itemSelector, signal } = options;
  const sliceMs = options.sliceMs ?? 8;
  const chunkSize = options.chunkSize ?? 25;
  /** New nodes: searched in full. */
  const queued = new Set<Node>();
  /** Nodes changed inside: only the item around them is looked at again. */
  const touched = new Set<Node>();
  let scheduled = false;
  let running = false;

  const collect = (nodes: Iterable<Node>, changed: Iterable<Node>): Element[] => {
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
  };

  const run = async () => {
    scheduled = false;
    if (running || signal.aborted) return;
    running = true;
    try {
      while ((queued.size > 0 || touched.size > 0) && !signal.aborted) {
        options.onBatch?.();
        const nodes = [...queued];
        const changed = [...touched];
        queued.clear();
        touched.clear();
        let start = performance.now();
        const items = collect(nodes, changed);
        for (let i = 0; i < items.length && !signal.aborted; i += chunkSize) {
          // Finding the items on a large page can fill a slice by itself.
          if (performance.now() - start > sliceMs) {
            await yieldToPage();
            start = performance.now();
          }
          await options.onItems(items.slice(i, i + chunkSize));
        }
        await yieldToPage();
      }
    }
    finally {
      running = false;
      if ((queued.size > 0 || touched.size > 0) && !signal.aborted) schedule();
    }
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(() => void run(), 50);
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (isOurs(record.target)) continue;
      if (record.type === 'childList') {
        let theirs = false;
        for (const node of Array.from(record.addedNodes)) {
          if (isOurs(node)) continue;
          queued.add(node);
          theirs = true;
        }
        for (const node of Array.from(record.removedNodes)) if (!isOurs(node)) theirs = true;
        // Content changed inside an item (text filled in late): look at the item again.
        // Our own badges coming and going change nothing the adapter reads.
        if (theirs) touched.add(record.target);
      }
      else {
        touched.add(record.target);
      }
    }
    if (queued.size > 0 || touched.size > 0) schedule();
  });
  observer.observe(root, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['href', 'datetime'],
  });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });

  const rescan = () => {
    if (root.body) queued.add(root.body);
    schedule();
  };
  rescan();
  return { rescan };
}
