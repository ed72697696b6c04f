// @vitest-environment happy-dom
/**
 * A status the worker tells (one action, one report's changes) reaches the badges of its own keys:
 * the work per message follows the statuses in it, not the badges on the page. Counted in the
 * statuses looked up, never in time.
 */
import { describe, expect, it } from 'vitest';
import type { ItemStatus, ScannedItem } from '../../src/core/types';
import { itemKey } from '../../src/core/types';
import { layerOnDocument } from './badge-layer-page';

const layer = () => layerOnDocument();

const scanned = (id: string) => ({ site: 'x', id, author: { name: `Person ${id}`, handle: `p${id}` } }) as ScannedItem;

/** `count` items on the page, each drawn with a pending badge. */
async function page(count: number) {
  document.body.replaceChildren();
  const badges = layer();
  const found: [Element, ScannedItem][] = [];
  const statuses: Record<string, ItemStatus> = {};
  for (let i = 0; i < count; i++) {
    const el = document.body.appendChild(document.createElement('article'));
    found.push([el, scanned(String(i))]);
    statuses[itemKey('x', String(i))] = 'pending';
  }
  await badges.draw(found, statuses);
  return { badges, found };
}

/** Statuses whose reads are counted. */
function counted(statuses: Record<string, ItemStatus>) {
  const reads = { count: 0 };
  const proxy = new Proxy(statuses, {
    get(target, key, receiver) {
      reads.count++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { proxy, reads };
}

const shown = (el: Element) => el.querySelector('[data-replyline-key]')?.shadowRoot?.querySelector('.badge')?.className;

describe('statuses told to a page', () => {
  it('one status told with 2,000 badges on the page looks up that status only, and updates its badge', async () => {
    const { badges, found } = await page(2000);
    expect(badges.keys()).toHaveLength(2000);
    const { proxy, reads } = counted({ [itemKey('x', '1234')]: 'answered' });
    badges.apply(proxy);
    expect(reads.count).toBeLessThanOrEqual(2);
    expect(shown(found[1234]![0])).toContain('answered');
    expect(shown(found[1233]![0])).toContain('pending');
  });

  it('an element read again under another key, or let go, is no longer reached by the old key', async () => {
    const { badges, found } = await page(3);
    const [first, second] = [found[0]![0], found[1]![0]];
    await badges.draw([[first, scanned('new')]], { [itemKey('x', 'new')]: 'pending' });
    badges.forget(second);
    badges.apply({ [itemKey('x', '0')]: 'answered', [itemKey('x', '1')]: 'answered', [itemKey('x', 'new')]: 'dismissed' });
    expect(shown(first)).toContain('dismissed');
    expect(shown(second)).toBeUndefined();
    expect(badges.keys().sort()).toEqual([itemKey('x', '2'), itemKey('x', 'new')].sort());
  });
});
