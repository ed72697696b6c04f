import { afterEach, describe, expect, test, vi } from 'vitest';
import { setMessageLookup, t } from '../../src/core/i18n';

/** What the browser's i18n answers in this test: nothing at all, as in Chromium's failed sessions, or a message. */
const browserMessages = vi.hoisted(() => ({ working: false }));
vi.mock('../../src/shared/browser', () => ({
  browser: {
    i18n: {
      getMessage: (key: string) => (browserMessages.working ? (key === '@@extension_id' ? 'ext' : `browser:${key}`) : ''),
    },
  },
}));
const { ensureContentMessages } = await import('../../src/content/messages');
const { browser } = await import('../../src/shared/browser');

const catalogs = [
  { markAnswered: { message: 'Als beantwortet markieren' } },
  { markAnswered: { message: 'Mark answered' }, doneAnsweredNamed: { message: 'Marked answered: $NAME$', placeholders: { name: { content: '$1' } } } },
];

afterEach(() => setMessageLookup((key, subs) => browser.i18n.getMessage(key, subs)));

describe('a content script’s messages', () => {
  test('asks the worker for the packaged catalogs when the browser gives none, once, and reads them', async () => {
    browserMessages.working = false;
    setMessageLookup((key, subs) => browser.i18n.getMessage(key, subs));
    const send = vi.fn(async () => catalogs);
    await ensureContentMessages(send as never);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith('i18n/catalogs', {});
    expect(t('markAnswered')).toBe('Als beantwortet markieren');
    expect(t('doneAnsweredNamed', 'Ana')).toBe('Marked answered: Ana');
  });

  test('asks nothing when the browser’s messages work', async () => {
    browserMessages.working = true;
    setMessageLookup((key, subs) => browser.i18n.getMessage(key, subs));
    const send = vi.fn(async () => catalogs);
    await ensureContentMessages(send as never);
    expect(send).not.toHaveBeenCalled();
    expect(t('markAnswered')).toBe('browser:markAnswered');
  });

  test('still starts when the worker cannot answer either: the keys show, nothing throws', async () => {
    browserMessages.working = false;
    setMessageLookup((key, subs) => browser.i18n.getMessage(key, subs));
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(ensureContentMessages((async () => Promise.reject(new Error('away'))) as never)).resolves.toBeUndefined();
    expect(t('markAnswered')).toBe('markAnswered');
  });
});
