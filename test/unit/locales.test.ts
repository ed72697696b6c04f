import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plural, t } from '../../src/core/i18n';
import { readCatalog, resolveMessage } from './messages';

const LANGS = ['en', 'es', 'de'];
const english = readCatalog('en');
const placeholderNames = (message: string) =>
  [...message.matchAll(/\$([A-Z_]+)\$/gu)].map((m) => m[1]!.toLowerCase()).sort();

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : /\.tsx?$/u.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

describe('the message catalogs', () => {
  it('ships English, Spanish and German, with English as the default', () => {
    expect(readdirSync('public/_locales').sort()).toEqual([...LANGS].sort());
    const manifest = JSON.parse(readFileSync('manifest.json', 'utf8'));
    expect(manifest.default_locale).toBe('en');
    expect(manifest.name).toBe('__MSG_extName__');
  });

  it.each(LANGS.filter((l) => l !== 'en'))('%s holds every English key with the same placeholders, and no others', (lang) => {
    const catalog = readCatalog(lang);
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(english).sort());
    for (const [key, entry] of Object.entries(english)) {
      const other = catalog[key]!;
      expect(other.message.trim(), `${lang}:${key}`).not.toBe('');
      expect(placeholderNames(other.message), `${lang}:${key}`).toEqual(placeholderNames(entry.message));
      expect(other.placeholders ?? {}, `${lang}:${key}`).toEqual(entry.placeholders ?? {});
    }
  });

  it.each(LANGS)('%s: every placeholder used is declared, and the store limits hold', (lang) => {
    const catalog = readCatalog(lang);
    for (const [key, entry] of Object.entries(catalog)) {
      const declared = Object.keys(entry.placeholders ?? {}).map((n) => n.toLowerCase()).sort();
      expect([...new Set(placeholderNames(entry.message))], `${lang}:${key}`).toEqual(declared);
    }
    // A "$" is a placeholder, "$1" a substitution or "$$" a dollar sign: Chromium drops a lone "$"
    // and the character after it (a database name rule read "_ ( )" for "_ $ ( )").
    for (const [key, entry] of Object.entries(catalog)) {
      expect(entry.message.replace(/\$\$|\$[A-Za-z_]+\$|\$\d/gu, ''), `${lang}:${key}`).not.toContain('$');
    }
    expect(catalog.extDescription!.message.length).toBeLessThanOrEqual(132);
    expect(catalog.extName!.message.length).toBeLessThanOrEqual(45);
    expect(catalog.lang!.message).toBe(lang);
  });

  it('has a message for every key the code asks for, and the code asks for every message', () => {
    const used = new Set<string>();
    for (const file of sources('src')) {
      const text = readFileSync(file, 'utf8');
      // t('key'…), plural(n, 'one', 'many'), and keys kept in tables typed as MessageKey.
      const calls = /\b(?:t|plural)\(\s*(?:[^'()]*?,\s*)?'([A-Za-z0-9]+)'(?:,\s*'([A-Za-z0-9]+)')?/gu;
      for (const m of text.matchAll(calls)) {
        used.add(m[1]!);
        if (m[2]) used.add(m[2]);
      }
      const keyed = [
        /:\s*'([a-z][A-Za-z0-9]+)'/gu, // { label: 'viewWaiting' }
        /[?:]\s*'([a-z][A-Za-z0-9]+)'/gu, // t(on ? 'siteTurnedOn' : 'siteTurnedOff')
        /'([a-z][A-Za-z0-9]+)'\s*\|/gu, // a union of keys
        /\|\s*'([a-z][A-Za-z0-9]+)'/gu,
      ];
      for (const pattern of keyed) for (const m of text.matchAll(pattern)) if (m[1]! in english) used.add(m[1]!);
    }
    for (const m of readFileSync('manifest.json', 'utf8').matchAll(/__MSG_(\w+)__/gu)) used.add(m[1]!);
    expect([...used].filter((k) => !(k in english))).toEqual([]);
    expect(Object.keys(english).filter((k) => !used.has(k) && k !== 'lang')).toEqual([]);
  });

  it('fills placeholders in the order the code passes them, in each language', () => {
    const es = readCatalog('es');
    const de = readCatalog('de');
    expect(resolveMessage(english, 'warnLength', ['300', 'X', '280']))
      .toBe('The reply would be 300 characters: over X’s limit of 280.');
    expect(resolveMessage(es, 'warnLength', ['300', 'X', '280']))
      .toBe('La respuesta tendría 300 caracteres: supera el límite de 280 de X.');
    expect(resolveMessage(de, 'csvImported', ['4', '1'])).toBe('4 gespeicherte Antworten hinzugefügt; 1 waren schon da.');
    expect(t('selectAll', 3)).toBe('Select all 3');
    expect(plural(1, 'commentsOne', 'commentsMany')).toBe('1 comment');
    expect(plural(5, 'commentsOne', 'commentsMany')).toBe('5 comments');
  });
});
