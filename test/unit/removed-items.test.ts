// @vitest-environment happy-dom
/**
 * Items the page takes away between the watcher's collecting them and their reading (a video left
 * while its comments are read, a list that unmounts what scrolled away): not read, and the page's
 * index of the conversation is not built again for each of them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readChunk } from '../../src/content/scanner';
import { tiktokAdapter } from '../../src/sites/tiktok';
import { loadPage } from '../helpers';

const VIDEO = 'https://www.tiktok.com/@brightloop/video/7440000000000000001';
const original = Document.prototype.querySelectorAll;
afterEach(() => {
  Document.prototype.querySelectorAll = original;
});

/** Reads the page's comments as one batch after `remove` of them left it; counts the queries of the whole document. */
function readAfterRemoving(remove: number) {
  const url = loadPage('tiktok/video.html', VIDEO);
  const items = Array.from(document.querySelectorAll(tiktokAdapter.itemSelector));
  for (const el of items.slice(0, remove)) el.remove();
  let wholePage = 0;
  Document.prototype.querySelectorAll = function (this: Document, selector: string) {
    wholePage++;
    return original.call(this, selector);
  } as typeof original;
  const read = [...readChunk(tiktokAdapter, items, { url, memo: new Map(), facts: new Map(), batch: {} })];
  Document.prototype.querySelectorAll = original;
  return { read: read.map(({ el }) => el), items, wholePage };
}

describe('items taken away before they are read', () => {
  it('are not read, and cost no more queries of the whole page than a batch without them', () => {
    const whole = readAfterRemoving(0);
    const after = readAfterRemoving(3);
    expect(after.read).toHaveLength(whole.read.length - 3);
    expect(after.read.every((el) => el.isConnected)).toBe(true);
    expect(after.wholePage).toBeLessThanOrEqual(whole.wholePage);
  });
});
