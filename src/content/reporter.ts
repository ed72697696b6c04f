/**
 * Every relevant item reaches the log at least once. The worker may be stopped at any moment
 * (MV3): an item stays in the outbox until a report holding it was answered, however long that
 * takes, even after its element left the page; a report that failed goes again with backoff.
 */
import type { ItemStatus, ScannedItem } from '../core/types';
import type { ReportResult } from '../shared/protocol';
import { later, type PageContext } from './context';

/** Items in one report to the worker. */
const REPORT_BATCH = 200;
/** Statuses asked for in one message when the badges are drawn again from the log. */
const STATUS_BATCH = 2000;
/** A report that found no worker is sent again after this, doubling up to the maximum. */
const RETRY_MS = 500;
const RETRY_MAX_MS = 30_000;

export interface ReporterHooks {
  /** The log's answer to a report: the statuses of the items it stored. */
  answered(batch: [Element, ScannedItem][], result: ReportResult): void;
}

export function createReporter(ctx: PageContext, hooks: ReporterHooks) {
  /** Found but not yet acknowledged, in the order found; the latest read of an element wins. */
  const outbox = new Map<Element, ScannedItem>();
  let timerSet = false;
  let flushing = false;
  let failures = 0;

  function schedule(delay: number) {
    if (timerSet || flushing || outbox.size === 0 || ctx.signal.aborted) return;
    timerSet = true;
    later(ctx.signal, delay, () => {
      timerSet = false;
      void flush();
    });
  }

  function nextBatch(): [Element, ScannedItem][] {
    const batch: [Element, ScannedItem][] = [];
    for (const entry of outbox) {
      batch.push(entry);
      if (batch.length === REPORT_BATCH) break;
    }
    return batch;
  }

  async function flush() {
    if (flushing) return;
    flushing = true;
    let retryIn = 0;
    try {
      while (outbox.size > 0 && !ctx.signal.aborted) {
        const batch = nextBatch();
        let result: ReportResult;
        try {
          result = await ctx.send('items/report', { site: ctx.adapter.id, items: batch.map(([, item]) => item) });
        }
        catch (error) {
          failures++;
          retryIn = Math.min(RETRY_MAX_MS, RETRY_MS * 2 ** (failures - 1));
          console.warn(`Replyline will send what it found again in ${retryIn} ms:`, (error as Error).message);
          return;
        }
        failures = 0;
        // Acknowledged (stored, or refused by the log's checks): only a newer read of the same element stays.
        for (const [el, item] of batch) if (outbox.get(el) === item) outbox.delete(el);
        hooks.answered(batch, result);
      }
    }
    finally {
      flushing = false;
      schedule(retryIn);
    }
  }

  return {
    queue(found: [Element, ScannedItem][]) {
      for (const [el, item] of found) {
        outbox.delete(el);
        outbox.set(el, item);
      }
      schedule(0);
    },
    /** What was found under another owner or on a site now turned off is not sent. */
    clear() {
      outbox.clear();
    },
    /**
     * The worker (re)started or the tab came back into view: what was not acknowledged goes out
     * now, and the stored statuses of `keys` come back (a change told while the worker was being
     * stopped may never have arrived).
     */
    async resync(keys: string[], apply: (statuses: Record<string, ItemStatus>) => void) {
      failures = 0;
      void flush();
      for (let i = 0; i < keys.length; i += STATUS_BATCH) {
        apply(await ctx.send('items/statuses', { keys: keys.slice(i, i + STATUS_BATCH) }));
      }
    },
  };
}

export type Reporter = ReturnType<typeof createReporter>;
