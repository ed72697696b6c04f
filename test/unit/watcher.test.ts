// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { HOST_ATTRIBUTE, watchItems } from '../../src/content/watcher';

const controllers: AbortController[] = [];
afterEach(() => {
  for (const c of controllers.splice(0)) c.abort();
});

function start(onItems: (items: Element[]) => void) {
  const controller = new AbortController();
  controllers.push(controller);
  watchItems({ root: document, itemSelector: 'article', signal: controller.signal, onItems });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

describe('watchItems', () => {
  it('hands over the items on the page, then only the new ones', async () => {
    document.body.innerHTML = '<main><article id="a">A</article><article id="b">B</article></main>';
    const seen: string[][] = [];
    start((items) => void seen.push(items.map((i) => i.id)));
    await settle();
    expect(seen.flat()).toEqual(['a', 'b']);

    seen.length = 0;
    const cell = document.createElement('div');
    cell.innerHTML = '<article id="c">C</article>';
    document.querySelector('main')!.append(cell);
    await settle();
    expect(seen.flat()).toEqual(['c']);
  });

  it('looks again at an item whose content arrives late', async () => {
    document.body.innerHTML = '<main><article id="a"></article></main>';
    const seen: string[] = [];
    start((items) => void seen.push(...items.map((i) => i.id)));
    await settle();
    seen.length = 0;
    document.getElementById('a')!.append(document.createElement('p'));
    await settle();
    expect(seen).toEqual(['a']);
  });

  it('ignores its own badges', async () => {
    document.body.innerHTML = '<main><article id="a"><header></header></article></main>';
    const seen: string[] = [];
    start((items) => void seen.push(...items.map((i) => i.id)));
    await settle();
    seen.length = 0;
    const badge = document.createElement('span');
    badge.setAttribute(HOST_ATTRIBUTE, '');
    document.querySelector('header')!.append(badge);
    await settle();
    expect(seen).toEqual([]);
  });

  it('stops when aborted', async () => {
    document.body.innerHTML = '<main></main>';
    const seen: string[] = [];
    start((items) => void seen.push(...items.map((i) => i.id)));
    await settle();
    controllers[0]!.abort();
    document.querySelector('main')!.innerHTML = '<article id="late"></article>';
    await settle();
    expect(seen).toEqual([]);
  });
});
