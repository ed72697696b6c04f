/**
 * The times pages show, read in the page's language (its `<html lang>`) and then in English:
 * ages ("vor 2 Stunden", "hace 2 h", "il y a 2 h", "há 2 h", "2h ago", LinkedIn's "2 Std."),
 * phrases ("gestern"), and dates ("22. November 2026 um 11:00", "November 22, 2026 at 11:00 AM",
 * TikTok's "10-9"). Words come from `Intl` (time-words.ts); nothing here lists a language's words.
 * Each site takes the readers it needs, so its content script carries no others.
 */
import { type AgeWords, type DateWords, ageWords, dateWords, normalise, wordKey } from './time-words';

const DAY = 86_400_000;

/** The page's languages, most likely first (its `<html lang>`, then the browser's); English is tried after them. */
export type Languages = string | readonly (string | null | undefined)[] | null | undefined;

/** The languages already chosen, per reader of words and list of languages given. */
const chosen = new WeakMap<object, Map<string, unknown[]>>();

/** The languages to try, with their words: the page's, then English (sites often keep English ages). */
function languages<T>(lang: Languages, words: (tag: string) => T | null): [string, T][] {
  const given = typeof lang === 'string' || !lang ? [lang] : lang;
  // Every item of a page gives the same languages: what they make is kept, per reader of words.
  const key = given.join('\n');
  let known = chosen.get(words);
  if (!known) chosen.set(words, (known = new Map()));
  const kept = known.get(key);
  if (kept) return kept as [string, T][];
  const tags = given.flatMap((tag) => (tag?.trim() ? [tag.trim()] : []));
  const found = [...new Set([...tags, 'en'])].flatMap((tag) => {
    const made = words(tag);
    return made ? [[tag, made] as [string, T]] : [];
  });
  known.set(key, found);
  return found;
}

function ageIn(text: string, words: AgeWords): number | null {
  for (const [phrase, offset] of words.phrases) {
    if (text === phrase || (text.startsWith(phrase) && /^[\s(·,]/u.test(text.slice(phrase.length)))) return -offset;
  }
  // A number and the unit's word beside it: "2 std.", "2h", "2mo", "2 días".
  for (const match of text.matchAll(/(?<![\d:.,/])(\d{1,4}) ?([\p{L}\p{M}]+\.?)(?![\p{L}\p{M}])/gu)) {
    const unit = words.units.get(wordKey(match[2] ?? ''));
    if (unit) return Number(match[1]) * unit;
  }
  return null;
}

/**
 * Learns the words of dates in the page's languages (from `Intl`, some 25 ms), so the first reading
 * of a page does not pay for it in the same task.
 */
export function learnDateWords(lang: Languages): void {
  languages(lang, dateWords);
}

/** An age as the page wrote it: epoch ms of now minus that age, or null for other wording. */
export function parseAge(text: string | null | undefined, now: number, lang?: Languages): number | null {
  if (!text) return null;
  for (const [tag, words] of languages(lang, ageWords)) {
    const age = ageIn(normalise(text, tag), words);
    if (age !== null) return now - age;
  }
  return null;
}

interface Clock {
  hour: number;
  minute: number;
  /** The text without the time. */
  rest: string;
}

function clockIn(text: string, words: DateWords): Clock {
  const match = /(?<!\d)(\d{1,2})[:h](\d{2})(?!\d)/u.exec(text);
  if (!match) return { hour: 0, minute: 0, rest: text };
  let hour = Number(match[1]);
  const after = text.slice(match.index + match[0].length).replace(/[\s.]/gu, '');
  if (hour < 12 && words.pm.some((p) => after.startsWith(p))) hour += 12;
  else if (hour === 12 && words.am.some((p) => after.startsWith(p))) hour = 0;
  return { hour, minute: Number(match[2]), rest: `${text.slice(0, match.index)} ${text.slice(match.index + match[0].length)}` };
}

interface DayOfYear {
  day: number;
  month: number;
  year: number | null;
}

/** "22. november 2026", "november 22, 2026", "22 de noviembre": a named month. */
function namedDate(text: string, words: DateWords): DayOfYear | null {
  const names = text.match(/[\p{L}\p{M}]+\.?/gu) ?? [];
  const month = names.map((w) => words.months.get(wordKey(w))).find((m) => m !== undefined);
  if (month === undefined) return null;
  const numbers = (text.match(/\d+/gu) ?? []).map(Number);
  const day = numbers.find((n) => n >= 1 && n <= 31);
  return day ? { day, month, year: numbers.find((n) => n >= 1000) ?? null } : null;
}

/** "2026-11-22" or TikTok's "11-22" (month-day): written alike in every language. */
function dashedDate(text: string): DayOfYear | null {
  const match = /(?<!\d)(\d{1,4})-(\d{1,2})(?:-(\d{1,2}))?(?!\d)/u.exec(text);
  if (!match) return null;
  const [a, b, c] = [match[1], match[2], match[3]].map(Number) as [number, number, number];
  return (match[1] ?? '').length === 4 ? { year: a, month: b - 1, day: c || 0 } : { month: a - 1, day: b, year: null };
}

/** "22.11.2026", "11/22/2026", "22.11.": the language's own order of a numeric date. */
function numericDate(text: string, words: DateWords): DayOfYear | null {
  const match = /(?<!\d)(\d{1,2})([./])(\d{1,2})(?:\2(\d{2,4}))?(?!\d)/u.exec(text);
  if (!match) return null;
  const values = [match[1], match[3], match[4]].filter((v) => v !== undefined).map(Number);
  const order = values.length === 3 ? words.order : words.order.filter((p) => p !== 'year');
  const part = (name: string) => values[order.indexOf(name as 'day')];
  const year = part('year');
  return { day: part('day') ?? 0, month: (part('month') ?? 0) - 1, year: year === undefined ? null : year < 100 ? 2000 + year : year };
}

/**
 * A day at a clock time in the browser's time zone, as epoch ms; a day shown without its year is
 * this year's, or last year's when that would be ahead. Null for a day that does not exist.
 */
function timeOf(found: DayOfYear | null, clock: { hour: number; minute: number }, now: number): number | null {
  if (!found || found.month < 0 || found.month > 11 || found.day < 1) return null;
  const at = (year: number) => new Date(year, found.month, found.day, clock.hour, clock.minute);
  let date = at(found.year ?? new Date(now).getFullYear());
  if (found.year === null && date.getTime() > now + DAY) date = at(date.getFullYear() - 1);
  return date.getDate() === found.day ? date.getTime() : null;
}

/** A date as the page wrote it, in the page's language: epoch ms, or null for other wording. */
export function parseDate(text: string | null | undefined, now: number, lang?: Languages): number | null {
  if (!text) return null;
  for (const [tag, words] of languages(lang, dateWords)) {
    const clock = clockIn(normalise(text, tag), words);
    const day = namedDate(clock.rest, words) ?? dashedDate(clock.rest) ?? numericDate(clock.rest, words);
    const time = timeOf(day, clock, now);
    if (time !== null) return time;
  }
  return null;
}

/** A date written with dashes ("2026-11-22", TikTok's "11-22"), which needs no language: epoch ms or null. */
export function parseDashedDate(text: string | null | undefined, now: number): number | null {
  return text ? timeOf(dashedDate(text), { hour: 0, minute: 0 }, now) : null;
}
