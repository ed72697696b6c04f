// @vitest-environment happy-dom
/**
 * A page session gets its tools when a reply is first inserted: when they cannot be had, the user
 * reads why, nothing is half done, and the next insert asks again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startContent, type Send } from '../../src/content/page';
import { contentTools } from '../../src/content/tools';
import type { ContentTools } from '../../src/content/tools-api';
import type { BackgroundType } from '../../src/shared/protocol';
import { xAdapter } from '../../src/sites/x';
import { loadPage } from '../helpers';

const CONVERSATION = 'https://x.com/brightloop/status/1950000000000000001';
const FAILED = /^Replyline could not load its reply tools on this page\./;

const send = (async (type: BackgroundType) => {
  if (type === 'page/hello') return { owner: 'brightloop', enabled: true, selectors: {}, trigger: ';;', pickerShortcut: 'Alt+Shift+S' };
  if (type === 'items/report') return { statuses: {}, by: {}, refused: 0 };
  if (type === 'snippets/list') return [];
  return null;
}) as unknown as Send;

let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  stop = null;
});

describe('a page\'s tools', () => {
  it('are asked for by the popup\'s insert; a failure is told, and the next insert asks again', async () => {
    loadPage('x/conversation.html', CONVERSATION);
    const asked: string[] = [];
    const inserted: string[] = [];
    const tools = async (): Promise<ContentTools> => {
      asked.push('tools');
      if (asked.length === 1) throw new Error('Receiving end does not exist.');
      // The tools as loaded, with the insertion watched.
      return {
        ...contentTools,
        insertion: (c) => ({
          ...contentTools.insertion(c),
          insertFromPopup: async (_composer, body) => {
            inserted.push(body);
            return { ok: true, itemKey: null, missing: [], unknown: [] };
          },
        }),
      };
    };
    const content = startContent(xAdapter, document, send, tools);
    stop = content.stop;
    await content.start();
    // No box yet: nothing to insert into, and nothing asked for.
    expect(await content.insertFromPopup('Thanks!')).toMatchObject({ ok: false, reason: expect.stringMatching(/click/i) });
    expect(asked).toEqual([]);

    const box = document.createElement('textarea');
    document.body.append(box);
    box.focus();
    const failed = await content.insertFromPopup('Thanks!');
    expect(failed).toMatchObject({ ok: false, reason: expect.stringMatching(FAILED) });
    const notice = document.querySelector('[data-replyline-notice=error]')?.shadowRoot?.textContent ?? '';
    expect(notice).toMatch(/could not load its reply tools/);
    expect(inserted).toEqual([]);

    expect(await content.insertFromPopup('Thanks again!')).toMatchObject({ ok: true });
    expect(asked).toEqual(['tools', 'tools']);
    expect(inserted).toEqual(['Thanks again!']);
  });
});
