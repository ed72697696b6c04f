import { describe, expect, it } from 'vitest';
import { parseAge, parseDashedDate, parseDate } from '../../src/core/page-time';

// Each site's time strings as its pages write them in English, Spanish, German, French and
// Portuguese (ages as the sites' own short forms or Intl's long ones): YouTube and LinkedIn read
// them with parseAge, TikTok with parseAge, else parseDashedDate (an older comment's date), Bluesky its
// label with parseDate and its link's text with parseAge.
const NOW = new Date(2026, 10, 26, 12, 0).getTime();
const M = 60_000;
const H = 60 * M;
const D = 24 * H;
const W = 7 * D;

type Case = [lang: string, text: string, age: number];

const YOUTUBE: Case[] = [
  ['en', '2 days ago', 2 * D],
  ['en', '1 day ago (edited)', D],
  ['es', 'hace 2 días', 2 * D],
  ['es-419', 'hace 1 hora (editado)', H],
  ['de', 'vor 3 Wochen', 3 * W],
  ['de-DE', 'vor 1 Tag (bearbeitet)', D],
  ['fr', 'il y a 5 heures', 5 * H],
  ['fr-FR', 'il y a 1 mois', 30 * D],
  ['pt', 'há 2 anos', 2 * 365 * D],
  ['pt-BR', 'há 10 minutos (editado)', 10 * M],
];

const TIKTOK: Case[] = [
  ['en', '2h ago', 2 * H],
  ['en', '3d ago', 3 * D],
  ['es', 'hace 2 h', 2 * H],
  ['es', 'hace 3 d', 3 * D],
  ['de', 'vor 2 Std.', 2 * H],
  ['de', 'vor 3 Tagen', 3 * D],
  ['fr', 'il y a 2 h', 2 * H],
  ['fr', 'il y a 3 j', 3 * D],
  ['pt', 'há 2 h', 2 * H],
  ['pt', 'há 3 dias', 3 * D],
];

const LINKEDIN: Case[] = [
  ['en', '2h', 2 * H],
  ['en', '5mo', 5 * 30 * D],
  ['en', '1yr', 365 * D],
  ['es', '2 h', 2 * H],
  ['es', '1 sem.', W],
  ['de', '2 Std.', 2 * H],
  ['de', '3 Tg.', 3 * D],
  ['de', '1 Wo.', W],
  ['fr', '3 j', 3 * D],
  ['fr', '2 sem.', 2 * W],
  ['pt', '4 min', 4 * M],
  ['pt', '1 sem.', W],
];

// Bluesky's link text: the age beside the full date of its label.
const SHORT_AGES: Case[] = [
  ['en', '3d', 3 * D],
  ['es', '3 d', 3 * D],
  ['de', '3 T.', 3 * D],
  ['de', '5 Min.', 5 * M],
  ['fr', '3 j', 3 * D],
  ['pt', '3 dias', 3 * D],
];

const PHRASES: Case[] = [
  ['en', 'yesterday', D],
  ['es', 'ayer', D],
  ['de', 'gestern', D],
  ['fr', 'hier', D],
  ['pt', 'ontem', D],
  ['de', 'jetzt', 0],
];

describe('ages in the page’s language', () => {
  it.each([...YOUTUBE, ...TIKTOK, ...LINKEDIN, ...SHORT_AGES, ...PHRASES])('%s: "%s"', (lang, text, age) => {
    expect(parseAge(text, NOW, lang)).toBe(NOW - age);
    expect(parseAge(text, NOW, lang) ?? parseDashedDate(text, NOW)).toBe(NOW - age);
    expect(parseDate(text, NOW, lang)).toBeNull();
  });

  it('reads English ages on a page in another language, and a page that names no language', () => {
    expect(parseAge('2h ago', NOW, 'de')).toBe(NOW - 2 * H);
    expect(parseAge('2 hours ago', NOW, null)).toBe(NOW - 2 * H);
    expect(parseAge('vor 2 Stunden', NOW, 'not a language!')).toBeNull();
  });

  it('tries each of the page’s languages in turn (its lang, then the browser’s), then English', () => {
    expect(parseAge('vor 2 Std.', NOW, ['en', 'de-DE'])).toBe(NOW - 2 * H);
    expect(parseAge('il y a 3 j', NOW, [null, '', 'fr'])).toBe(NOW - 3 * D);
    expect(parseAge('3 hours ago', NOW, ['es', 'de'])).toBe(NOW - 3 * H);
    expect(parseDate('22. November 2026 um 11:00', NOW, ['en', 'de'])).toBe(new Date(2026, 10, 22, 11).getTime());
    expect(parseAge('vor 2 Std.', NOW, ['en'])).toBeNull();
  });

  it('keeps each language’s own meaning of a short unit', () => {
    expect(parseAge('5m', NOW, 'en')).toBe(NOW - 5 * M); // English: minutes ("5mo" is months)
    expect(parseAge('hace 5 m', NOW, 'es')).toBe(NOW - 5 * 30 * D); // Spanish: meses
  });

  it('reads no age from other words, dates or clock times', () => {
    const others = [['en', 'Edited'], ['de', 'Antworten'], ['es', '11:00 a. m.'], ['fr', '22 novembre 2026'], ['en', '']];
    for (const [lang, text] of others) {
      expect(parseAge(text, NOW, lang)).toBeNull();
    }
  });
});

describe('dates in the page’s language', () => {
  const at = (month: number, day: number, hour = 0, minute = 0, year = 2026) =>
    new Date(year, month, day, hour, minute).getTime();

  it.each<[string, string, number]>([
    // Bluesky's time label (Intl's long date and short time, in the interface language).
    ['en', 'November 22, 2026 at 11:00 AM', at(10, 22, 11)],
    ['en', 'November 22, 2026 at 9:05 PM', at(10, 22, 21, 5)],
    ['es', '22 de noviembre de 2026, 11:00', at(10, 22, 11)],
    ['es-MX', '22 de noviembre de 2026, 9:05 p.m.', at(10, 22, 21, 5)],
    ['de', '22. November 2026 um 11:00', at(10, 22, 11)],
    ['de', '3. März 2026 um 08:30', at(2, 3, 8, 30)],
    ['fr', '22 novembre 2026 à 11:00', at(10, 22, 11)],
    ['fr', '1 févr. 2026 à 23:15', at(1, 1, 23, 15)],
    ['pt', '22 de novembro de 2026 às 11:00', at(10, 22, 11)],
    ['pt-BR', '7 de março de 2026 14:00', at(2, 7, 14)],
  ])('%s: "%s"', (lang, text, expected) => {
    expect(parseDate(text, NOW, lang)).toBe(expected);
  });

  it('reads short dates without a year as this year’s, or last year’s when ahead', () => {
    expect(parseDate('Nov 20', NOW, 'en')).toBe(at(10, 20));
    expect(parseDate('20. Nov.', NOW, 'de')).toBe(at(10, 20));
    expect(parseDate('20 nov', NOW, 'es')).toBe(at(10, 20));
    expect(parseDate('Dec 30', NOW, 'en')).toBe(at(11, 30, 0, 0, 2025));
    expect(parseDate('22.11.', NOW, 'de')).toBe(at(10, 22));
  });

  it('reads TikTok’s dashed dates in any language: month-day, or year-month-day', () => {
    expect(parseDashedDate('11-20', NOW)).toBe(at(10, 20));
    expect(parseDashedDate('12-30', NOW)).toBe(at(11, 30, 0, 0, 2025));
    expect(parseDashedDate('2025-3-9', NOW)).toBe(at(2, 9, 0, 0, 2025));
    expect(parseDate('2025-3-9', NOW, 'es')).toBe(at(2, 9, 0, 0, 2025));
    expect(parseDashedDate('2-30', NOW)).toBeNull();
    expect(parseDashedDate('vor 2 Std.', NOW)).toBeNull();
  });

  it('orders a numeric date as the language does', () => {
    expect(parseDate('9.10.2026', NOW, 'de')).toBe(at(9, 9));
    expect(parseDate('10/9/2026', NOW, 'en-US')).toBe(at(9, 9));
    expect(parseDate('9/10/2026', NOW, 'es')).toBe(at(9, 9));
  });

  it('reads no date from impossible or other text', () => {
    expect(parseDate('31. Februar 2026', NOW, 'de')).toBeNull();
    expect(parseDate('Antworten', NOW, 'de')).toBeNull();
    expect(parseDate(null, NOW, 'de')).toBeNull();
  });
});
