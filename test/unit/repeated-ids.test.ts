// @vitest-environment happy-dom
/**
 * YouTube repeats ids in every comment (#author-text, #content-text, #replies …), and Chromium answers
 * a query made inside an element whose last part is an id by looking at every element of the document
 * with that id: per comment, a cost that grows with the page (5,000 comments took some 40 s). Parts
 * of an item are found by walking the item's own nodes instead. Counted in queries, not time.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readChunk } from '../../src/content/scanner';
import { firstOwn, ownParts, searchParam, subtreeSelector, walkWithin } from '../../src/sites/dom';
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

  it('asks for ids inside an element so that Chromium looks in the element alone', () => {
    expect(subtreeSelector('#published-time-text a[href*="lc="], #header-author .x')).toBe(
      '[id="published-time-text" i] a[href*="lc="], [id="header-author" i] .x',
    );
    // Not inside brackets or quotes, not an escaped id, not a colour in a string.
    expect(subtreeSelector('a[href="#top"], a#name, p:not(#a), [title=\'#x\']')).toBe(
      'a[href="#top"], a[id="name" i], p:not([id="a" i]), [title=\'#x\']',
    );
    expect(subtreeSelector('#a\\:b')).toBe('#a\\:b');
  });

  it('finds an item\'s own first part with one query, and walks only an item that holds another', () => {
    document.body.innerHTML = `
      <div class="item" id="outer"><div class="item"><p id="name">nested</p></div><p id="name">own</p></div>
      <div class="item" id="plain"><span><b id="name">plain</b></span></div>`;
    expect(firstOwn(document.getElementById('outer')!, '#name', '.item')?.textContent).toBe('own');
    expect(firstOwn(document.getElementById('plain')!, '#name', '.item')?.textContent).toBe('plain');
    expect(firstOwn(document.getElementById('plain')!, '#none', '.item')).toBeNull();
    expect(idQueries).toEqual([]);
  });

  it('reads a link\'s query parameter as a URL parser does, plain or not', () => {
    const hrefs = [
      '/watch?v=Qm7&lc=UgAbc.1', '/watch?lc=&v=1', '/watch?lc', '/watch#lc=x', '/watch?v=1#lc=x', '?lc=a&lc=b',
      'https://www.youtube.com/watch?v=1&lc=Ug%2Bx', '/watch?lc=a+b', ' /watch?lc=pad ', '/watch?lc=a\tb',
      '/watch?LC=up', '/watch?v=1&&lc=2', 'javascript:alert(1)?lc=3', '/watch?lc=%E0%A4%A',
    ];
    for (const href of hrefs) {
      const a = document.createElement('a');
      a.setAttribute('href', href);
      expect(searchParam(a, 'lc'), href).toBe(new URL(href, 'https://invalid.example').searchParams.get('lc'));
    }
  });
});
