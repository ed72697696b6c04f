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
/**
 * Reports sent before the first is answered: the worker stores one while the page draws the badges
 * of another (a page of thousands takes a frame of hundreds of ms), so neither waits for the other.
 */
const IN_FLIGHT = 4;
/** Statuses asked for in one message when the badges are drawn again from the log. */
const STATUS_BATCH = 2000;
/** A report that found no worker is sent again after this, doubling up to the maximum. */
const RETRY_MS = 500;
const RETRY_MAX_MS = 30_000;

export interface ReporterHooks {
  /** The log's answer to a report: the statuses of the items it stored. */
  answered(batch: [Element, ScannedItem][], result: ReportResult): void;
}

/** Found but not yet acknowledged, in the order found (the latest read of an element wins), and what is on its way. */
function createOutbox() {
  const waiting = new Map<Element, ScannedItem>();
  /** The reads in a report not answered yet: not sent again while it is on its way. */
  const sent = new Map<Element, ScannedItem>();
  const unsend = (batch: [Element, ScannedItem][]) => {
    for (const [el, item] of batch) if (sent.get(el) === item) sent.delete(el);
  };
  return {
    waiting,
    add(found: [Element, ScannedItem][]) {
      for (const [el, item] of found) {
        waiting.delete(el);
        waiting.set(el, item);
      }
    },
    /** The next report: reads waiting that no report on its way holds. */
    take(): [Element, ScannedItem][] {
      const batch: [Element, ScannedItem][] = [];
      for (const [el, item] of waiting) {
        if (sent.get(el) === item) continue;
        batch.push([el, item]);
        if (batch.length === REPORT_BATCH) break;
      }
      for (const [el, item] of batch) sent.set(el, item);
      return batch;
    },
    /** The report failed: its reads wait to go again. */
    failed: unsend,
    /** Acknowledged (stored, or refused by the log's checks): what it held that is still the latest read. */
    answered(batch: [Element, ScannedItem][]): [Element, ScannedItem][] {
      unsend(batch);
      return batch.filter(([el, item]) => {
        // A newer read of the element stays, and its own answer draws it.
        if (waiting.get(el) !== item) return !waiting.has(el);
        waiting.delete(el);
        return true;
      });
    },
  };
}

export function createReporter(ctx: PageContext, hooks: ReporterHooks) {
  const outbox = createOutbox();
  let [inFlight, failures, timerSet] = [0, 0, false];
  /** Set while a failed report waits to go again: nothing is sent before then. */
  let backingOff = false;

  function schedule() {
    if (timerSet || outbox.waiting.size === 0 || ctx.signal.aborted) return;
    timerSet = true;
    later(ctx.signal, 0, () => {
      timerSet = false;
      pump();
    });
  }

  function backOff() {
    if (backingOff) return;
    backingOff = true;
    const retryIn = Math.min(RETRY_MAX_MS, RETRY_MS * 2 ** (failures - 1));
    later(ctx.signal, retryIn, () => {
      backingOff = false;
      pump();
    });
  }

  /** Sends what waits, up to IN_FLIGHT reports at once. */
  function pump() {
    while (inFlight < IN_FLIGHT && !backingOff && !ctx.signal.aborted) {
      const batch = outbox.take();
      if (batch.length === 0) return;
      void sendReport(batch);
    }
  }

  async function sendReport(batch: [Element, ScannedItem][]) {
    inFlight++;
    try {
      const result = await ctx.send('items/report', { site: ctx.adapter.id, items: batch.map(([, item]) => item) });
      failures = 0;
      hooks.answered(outbox.answered(batch), result);
    }
    catch (error) {
      outbox.failed(batch);
      failures++;
      console.warn(`Replyline could not report what it found (${(error as Error).message}); it tries again.`);
      backOff();
    }
    finally {
      inFlight--;
      pump();
    }
  }

  return {
    queue(found: [Element, ScannedItem][]) {
      outbox.add(found);
      schedule();
    },
    /** Whether reads wait to be sent or answered (their answers will draw badges). */
    expecting: () => outbox.waiting.size > 0,
    /** What was found under another owner or on a site now turned off is not sent. */
    clear() {
      outbox.waiting.clear();
    },
    /**
     * The worker (re)started or the tab came back into view: what was not acknowledged goes out
     * now, and the stored statuses of `keys` come back (a change told while the worker was being
     * stopped may never have arrived).
     */
    async resync(keys: string[], apply: (statuses: Record<string, ItemStatus>) => void) {
      failures = 0;
      backingOff = false;
      pump();
      for (let i = 0; i < keys.length; i += STATUS_BATCH) {
        apply(await ctx.send('items/statuses', { keys: keys.slice(i, i + STATUS_BATCH) }));
      }
    },
  };
}

export type Reporter = ReturnType<typeof createReporter>;
