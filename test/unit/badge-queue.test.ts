// @vitest-environment happy-dom
/**
 * When badges reach the page: each task that adds badges costs a large page a frame whatever their
 * number, so those whose statuses are known wait (up to a limit) while more answers are on their way,
 * and then go on the page together. A badge whose status changes before it is on the page shows the
 * latest one.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HOLD_MS } from '../../src/content/badge-queue';
import type { ItemStatus, ScannedItem } from '../../src/core/types';
import { itemKey } from '../../src/core/types';
import { layerOnDocument } from './badge-layer-page';

const scanned = (id: string) => ({ site: 'x', id, author: { name: `Person ${id}`, handle: `p${id}` } }) as ScannedItem;

/** A layer over a page of items, told whether answers are still on their way. */
function setUp() {
  const more = { coming: true };
  const badges = layerOnDocument(() => more.coming);
  let next = 0;
  /** `count` more items, answered with `status`. */
  const answer = (count: number, status: ItemStatus = 'pending') => {
    const found: [Element, ScannedItem][] = [];
    const statuses: Record<string, ItemStatus> = {};
    for (let i = 0; i < count; i++, next++) {
      const el = document.body.appendChild(document.createElement('article'));
      found.push([el, scanned(String(next))]);
      statuses[itemKey('x', String(next))] = status;
    }
    return { drawn: badges.draw(found, statuses), found };
  };
  return { badges, more, answer };
}

const onPage = () => document.querySelectorAll('[data-replyline-key]').length;

beforeEach(() => {
  vi.useFakeTimers();
  document.body.replaceChildren();
});
afterEach(() => vi.useRealTimers());

describe('badges drawn together', () => {
  it('waits for the answers still on their way, then puts every badge on the page at once', async () => {
    const { more, answer } = setUp();
    answer(30);
    answer(40);
    await vi.advanceTimersByTimeAsync(100);
    expect(onPage()).toBe(0);
    more.coming = false;
    const last = answer(20);
    await vi.advanceTimersByTimeAsync(1);
    await last.drawn;
    expect(onPage()).toBe(90);
  });

  it('does not wait for answers that never come: the badges known are drawn within the limit', async () => {
    const { answer } = setUp();
    const { drawn } = answer(25);
    await vi.advanceTimersByTimeAsync(HOLD_MS - 100);
    expect(onPage()).toBe(0);
    await vi.advanceTimersByTimeAsync(200);
    await drawn;
    expect(onPage()).toBe(25);
    // The next answers wait again, afresh.
    answer(5);
    await vi.advanceTimersByTimeAsync(HOLD_MS / 2);
    expect(onPage()).toBe(25);
    await vi.advanceTimersByTimeAsync(HOLD_MS);
    expect(onPage()).toBe(30);
  });

  it('shows the latest status of a badge told again before it is on the page', async () => {
    const { badges, more, answer } = setUp();
    const { found } = answer(3);
    await vi.advanceTimersByTimeAsync(50);
    badges.apply({ [itemKey('x', '1')]: 'answered' });
    more.coming = false;
    await vi.advanceTimersByTimeAsync(HOLD_MS + 100);
    const words = found.map(([el]) => el.querySelector('[data-replyline-key]')?.getAttribute('data-replyline-status'));
    expect(words).toEqual(['pending', 'answered', 'pending']);
  });
});
