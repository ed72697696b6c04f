/**
 * When badges are drawn. Each task that adds badges to a page costs it a frame, and on a page of
 * thousands of items that frame takes 100–600 ms nearly whatever the number of badges added (measured on
 * YouTube's markup with 5,000 comments: 40 badges or 400, the same frame). So a badge is made in two
 * steps: prepared off the page (its host, shadow root and words: most of the cost, and no frame),
 * many tasks of it if need be; then attached, a cheap step, as many as possible in one task.
 * While more answers are on their way (reports not answered yet), prepared badges wait for them, up
 * to HOLD_MS, so that one frame shows them all.
 */
import type { Attribution } from '../core/attribution';
import type { ItemStatus } from '../core/types';
import { later, type PageContext } from './context';
import { yieldToPage } from './watcher';

/** How long one task of preparing or attaching badges may take (the longest task stays well under 50 ms). */
const DRAW_BUDGET_MS = 30;
/** How long prepared badges may wait for more answers, to be attached with them. */
export const HOLD_MS = 1000;

/** A badge waiting to be prepared: its status, and who of the team set it (undefined: as it was). */
interface Shown {
  status: ItemStatus;
  by: Attribution | null | undefined;
}

export interface DrawSteps {
  /** Makes the badge of `el` off the page, or updates the one it has; true when it waits to be attached. */
  prepare(el: Element, status: ItemStatus, by: Attribution | null | undefined): boolean;
  /** Puts the prepared badge of `el` on the page. */
  attach(el: Element): void;
}

/** Prepared badges waiting for more answers: `over()` starts the wait, and is true once it ran out. */
function holdFor(ctx: PageContext, ranOut: () => void) {
  let state: 'none' | 'holding' | 'over' = 'none';
  /** Which wait a timer ends (an earlier one's, its badges attached since, ends nothing). */
  let holds = 0;
  return {
    over() {
      if (state === 'none') {
        state = 'holding';
        const mine = ++holds;
        later(ctx.signal, HOLD_MS, () => {
          if (mine !== holds) return;
          state = 'over';
          ranOut();
        });
      }
      return state === 'over';
    },
    reset() {
      state = 'none';
      holds++;
    },
  };
}

export function drawQueue(ctx: PageContext, moreComing: () => boolean, steps: DrawSteps) {
  const waiting = new Map<Element, Shown>();
  const prepared = new Set<Element>();
  const settled: (() => void)[] = [];
  let scheduled = false;
  /** Microseconds one attach took, as last measured (a first guess before). */
  let attachUs = 8;

  const schedule = () => {
    if (scheduled || ctx.signal.aborted) return;
    scheduled = true;
    void yieldToPage().then(() => {
      scheduled = false;
      if (!ctx.signal.aborted) work();
    });
  };

  const hold = holdFor(ctx, schedule);
  /** Whether the prepared badges go on the page now, or wait for the answers still to come. */
  const attachNow = () =>
    !moreComing() || prepared.size * attachUs >= DRAW_BUDGET_MS * 800 || hold.over();

  function work() {
    const start = performance.now();
    const spent = () => performance.now() - start > DRAW_BUDGET_MS;
    for (const [el, { status, by }] of waiting) {
      if (spent()) return schedule();
      waiting.delete(el);
      if (steps.prepare(el, status, by)) prepared.add(el);
    }
    if (prepared.size > 0) {
      if (!attachNow()) return;
      // Attaching gets a task of its own when preparing took much of this one: all of them in one frame.
      if (performance.now() - start > DRAW_BUDGET_MS / 3) return schedule();
    }
    const attachStart = performance.now();
    let attached = 0;
    for (const el of prepared) {
      if (spent()) break;
      prepared.delete(el);
      steps.attach(el);
      attached++;
    }
    if (attached >= 50) attachUs = ((performance.now() - attachStart) * 1000) / attached;
    if (prepared.size > 0 || waiting.size > 0) return schedule();
    hold.reset();
    for (const resolve of settled.splice(0)) resolve();
  }

  ctx.signal.addEventListener('abort', () => settled.splice(0).forEach((resolve) => resolve()), { once: true });
  return {
    add(el: Element, status: ItemStatus, by: Attribution | null | undefined) {
      waiting.set(el, { status, by });
    },
    /** The badges added are there to be drawn. */
    ready: schedule,
    /** A newer status for a badge not on the page yet: false when it is not waiting here. */
    update(el: Element, status: ItemStatus, by: Attribution | null | undefined): boolean {
      const before = waiting.get(el);
      if (before) waiting.set(el, { status, by: by === undefined ? before.by : by });
      else if (prepared.has(el)) steps.prepare(el, status, by);
      return !!before || prepared.has(el);
    },
    drop(el: Element) {
      waiting.delete(el);
      prepared.delete(el);
    },
    /** Resolves once no badge waits to be prepared or attached. */
    done: () =>
      (waiting.size === 0 && prepared.size === 0) || ctx.signal.aborted
        ? Promise.resolve()
        : new Promise<void>((resolve) => settled.push(resolve)),
  };
}
