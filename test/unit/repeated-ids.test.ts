// @vitest-environment happy-dom
/**
 * YouTube repeats ids in every comment (#author-text, #content-text, #replies …), and Chromium answers
 * a query made inside an element whose last part is an id by looking at every element of the document
 * with that id: per comment, a cost that grows with the page (5,000 comments took some 40 s). Parts
 * of an item are found by walking the item's own nodes instead. Counted in queries, not time.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readChunk } from '../../src/content/scanner';
import { ownParts, walkWithin } from '../../src/sites/dom';
import { youtubeAdapter } from '../../src/sites/youtube';
import { repeatBlocks, youtubeComments } from '../bench/pages';
import { loadPage } from '../helpers';

/** Selectors with an id in them given to querySelector(All) on an element (not the document). */
const idQueries: string[] = [];
const restore: (() => void)[] = [];
beforeEach(() => {
  for (const name of ['querySelector', 'querySelectorAll'] as const) {
    const original = Element.prototype[name] as (selector: string) => unknown;
    Object.defineProperty(Element.prototype, name, {
      configurable: true,
      writable: true,
      value(this: Element, selector: string) {
        if (/#[\w-]/u.test(selector.replace(/\[[^\]]*\]/gu, ''))) idQueries.push(selector);
        return original.call(this, selector);
      },
    });
    const put = (value: unknown) =>
      Object.defineProperty(Element.prototype, name, { configurable: true, writable: true, value });
    restore.push(() => put(original));
  }
});
afterEach(() => {
  for (const undo of restore.splice(0)) undo();
  idQueries.length = 0;
});

describe('parts of an item on a page that repeats ids', () => {
  it('a YouTube watch page is read, and its badges placed, with no id query inside an element', () => {
    const url = loadPage('youtube/watch.html', 'https://www.youtube.com/watch?v=Qm7tLp2vX9c');
    repeatBlocks(document, youtubeComments(40));
    const items = Array.from(document.querySelectorAll(youtubeAdapter.itemSelector));
    const entries = [...readChunk(youtubeAdapter, items, { url, memo: new Map(), facts: new Map() })];
    const read = entries.filter(({ entry }) => entry !== null);
    expect(read.length).toBeGreaterThanOrEqual(40);
    for (const el of items) youtubeAdapter.badgeAnchor(el);
    expect(idQueries).toEqual([]);
  });

  it('walks an item in document order, leaving out what items nested in it hold', () => {
    document.body.innerHTML = `
      <div class="item" id="outer"><p id="name">a</p><div><span id="name">b</span></div>
        <div class="item"><p id="name">nested</p></div><p id="name">c</p></div>`;
    const outer = document.getElementById('outer')!;
    expect(ownParts(outer, '#name', '.item').map((el) => el.textContent)).toEqual(['a', 'b', 'c']);
    expect([...walkWithin(outer, '#name')].map((el) => el.textContent)).toEqual(['a', 'b', 'nested', 'c']);
    expect(walkWithin(outer, '.item').next().value?.textContent).toBe('nested');
    expect(ownParts(outer.querySelector('p')!, '#name', '.item')).toEqual([]);
  });
});
