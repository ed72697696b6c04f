// @vitest-environment happy-dom
/**
 * The words of times, learnt by the worker and given to a page's script with its settings: the page
 * reads "il y a 2 heures" or "20 de noviembre" without making one `Intl` formatter of its own.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPageState } from '../../src/content/page-state';
import type { PageContext } from '../../src/content/context';
import { BACKGROUND_MESSAGES } from '../../src/shared/protocol-checks';
import { blueskyAdapter } from '../../src/sites/bluesky';
import { xAdapter } from '../../src/sites/x';

const NOW = Date.UTC(2026, 10, 27, 12);

/** A fresh copy of the words' modules, as a page's script has (its own, apart from the worker's). */
async function freshModules() {
  vi.resetModules();
  return { words: await import('../../src/core/time-words'), time: await import('../../src/core/page-time') };
}

/** Counts the `Intl` formatters made from now on (until the test ends). */
function countFormatters() {
  let made = 0;
  for (const name of ['RelativeTimeFormat', 'NumberFormat', 'DateTimeFormat'] as const) {
    const original = Intl[name];
    const counting = new Proxy(original, {
      construct(target, args, newTarget) {
        made++;
        return Reflect.construct(target, args, newTarget) as object;
      },
    });
    Object.defineProperty(Intl, name, { value: counting, configurable: true, writable: true });
    restore.push(() => Object.defineProperty(Intl, name, { value: original, configurable: true, writable: true }));
  }
  return () => made;
}
const restore: (() => void)[] = [];
afterEach(() => {
  for (const undo of restore.splice(0)) undo();
});

describe('words of times given by the worker', () => {
  it('a page given the words reads ages and dates in its language and makes no formatter', async () => {
    const worker = await freshModules();
    const wire = ['fr', 'es', 'en'].map(worker.words.timeWordsWire);
    // Through the message channel: plain data only.
    const sent = JSON.parse(JSON.stringify(wire)) as unknown;
    const page = await freshModules();
    const made = countFormatters();
    page.words.takeAgeWords(sent);
    page.words.takeDateWords(sent);
    expect(page.time.parseAge('il y a 2 heures', NOW, 'fr')).toBe(NOW - 2 * 3_600_000);
    expect(page.time.parseAge('hace 3 días', NOW, 'es')).toBe(NOW - 3 * 86_400_000);
    expect(new Date(page.time.parseDate('20 de noviembre de 2026, 9:15', NOW, 'es')!).getMonth()).toBe(10);
    expect(made()).toBe(0);
  });

  it('words not given, or given broken, are learnt in the page as before', async () => {
    const page = await freshModules();
    page.words.takeAgeWords([{ tag: 'de', ages: { units: 'not pairs', phrases: [] } }, null, 'de', { ages: {} }]);
    page.words.takeDateWords({ tag: 'de' });
    const made = countFormatters();
    expect(page.time.parseAge('vor 2 Stunden', NOW, 'de')).toBe(NOW - 2 * 3_600_000);
    expect(made()).toBeGreaterThan(0);
  });
});

describe('a page asks for the words of its languages', () => {
  const ask = async (adapter: typeof xAdapter, lang: string) => {
    document.documentElement.setAttribute('lang', lang);
    const asked: unknown[] = [];
    const send = async (type: string, payload: unknown) => {
      asked.push(payload);
      return { owner: null, enabled: true, selectors: {}, trigger: ';;', pickerShortcut: 'Alt+Shift+S', timeWords: [] };
    };
    const ctx = { adapter, doc: document, send } as unknown as PageContext;
    await createPageState(ctx, adapter, new Set()).hello();
    return asked[0] as { site: string; languages?: string[] };
  };

  it('a site whose times are words asks for the page’s language tags, and only what has a tag’s shape', async () => {
    expect((await ask(blueskyAdapter, 'pt-BR')).languages).toEqual(['pt-BR', navigator.language]);
    expect((await ask(blueskyAdapter, '"><img src=x onerror=alert(1)>')).languages).toEqual([navigator.language]);
    expect((await ask(blueskyAdapter, 'x'.repeat(300))).languages).toEqual([navigator.language]);
  });

  it('a site whose times are machine dates asks for none', async () => {
    expect(await ask(xAdapter, 'de')).toEqual({ site: 'x' });
  });

  it('the worker takes a few language tags or none, and refuses anything else', () => {
    const check = BACKGROUND_MESSAGES['page/hello'].check;
    expect(check({ site: 'bluesky' })).toBe(true);
    expect(check({ site: 'bluesky', languages: ['de-DE', 'en'] })).toBe(true);
    expect(check({ site: 'bluesky', languages: ['de', 'en', 'fr', 'es', 'it'] })).toBe(false);
    expect(check({ site: 'bluesky', languages: ['<b>'] })).toBe(false);
    expect(check({ site: 'bluesky', languages: 'de' })).toBe(false);
  });
});
