import { describe, expect, test } from 'vitest';
import { type Catalog, catalogLookup, fallBackTo, fillMessage, localeCandidates, setMessageLookup, t } from '../../src/core/i18n';
import en from '../../public/_locales/en/messages.json';
import de from '../../public/_locales/de/messages.json';

describe('packaged catalogs, when the browser gives no messages', () => {
  test('a message asked before the catalogs came is found once they are there; one found is kept', () => {
    const asked: string[] = [];
    setMessageLookup((key) => (asked.push(key), ''));
    expect(t('badgeWaiting')).toBe('badgeWaiting');
    fallBackTo([en as Catalog]);
    expect(t('badgeWaiting')).toBe('Waiting');
    expect(t('badgeWaiting')).toBe('Waiting');
    // The browser was asked each time until the packaged catalog answered, then no more.
    expect(asked).toEqual(['badgeWaiting', 'badgeWaiting']);
  });

  test('fill placeholders as the browser does: any case, $n inside, $$ as $, a missing one as nothing', () => {
    const entry = { message: 'Hi $Name$, $COUNT$ new ($$5 off) $MISSING$', placeholders: { name: { content: '$1' }, count: { content: '$2' } } };
    expect(fillMessage(entry, ['Ana', '3'])).toBe('Hi Ana, 3 new ($5 off) ');
    expect(fillMessage(entry, [])).toBe('Hi ,  new ($5 off) ');
  });

  test('never read a substitution again', () => {
    const entry = { message: 'Reply to $WHO$', placeholders: { who: { content: '$1' } } };
    expect(fillMessage(entry, ['$2 $$ $WHO$'])).toBe('Reply to $2 $$ $WHO$');
  });

  test('look a key up in the first catalog that holds it', () => {
    const lookup = catalogLookup([{ greet: { message: 'Hallo' } }, { greet: { message: 'Hello' }, only: { message: 'Only English' } }]);
    expect(lookup('greet', [])).toBe('Hallo');
    expect(lookup('only', [])).toBe('Only English');
    expect(lookup('nothing', [])).toBe('');
    expect(lookup('__proto__', [])).toBe('');
  });

  test('fill every message of the real catalogs, with every placeholder used', () => {
    for (const catalog of [en, de] as Catalog[]) {
      for (const [key, entry] of Object.entries(catalog)) {
        const filled = catalogLookup([catalog])(key, ['A1', 'B2', 'C3']);
        expect(filled, key).not.toMatch(/\$\w+\$|\$\d/);
        expect(filled.length, key).toBeGreaterThan(0);
        for (const [n, sub] of [['1', 'A1'], ['2', 'B2'], ['3', 'C3']] as const) {
          if (Object.values(entry.placeholders ?? {}).some((p) => p.content === `$${n}`)) expect(filled, key).toContain(sub);
        }
      }
    }
  });

  test('try the locale folders the browser would, best first', () => {
    expect(localeCandidates('es-419')).toEqual(['es_419', 'es', 'en']);
    expect(localeCandidates('de')).toEqual(['de', 'en']);
    expect(localeCandidates('en-US')).toEqual(['en_US', 'en']);
  });
});
