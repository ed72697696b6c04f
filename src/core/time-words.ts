/**
 * The words a page uses for times, in its own language, learnt from the browser's `Intl` data at
 * run time (no word lists in the bundle): the units of "vor 2 Std.", "hace 2 h", "il y a 2 h",
 * "há 2 h", "2h ago" or LinkedIn's bare "2h"; phrases such as "gestern" or "ayer"; month names,
 * AM/PM and the order of a numeric date. Built once per language, on first use.
 */
import { arrayOf, num, str } from './validate';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const UNIT_MS = {
  second: 1000,
  minute: MINUTE,
  hour: HOUR,
  day: DAY,
  week: 7 * DAY,
  month: 30 * DAY,
  year: 365 * DAY,
} as const;
type Unit = keyof typeof UNIT_MS;
const UNITS = Object.keys(UNIT_MS) as Unit[];
const STYLES = ['long', 'short', 'narrow'] as const;
/** A number of each plural form a language may give an age (one; few and many as in Slavic languages). */
const SAMPLES = [1, 2, 5];

export interface AgeWords {
  /** A unit's word, lower case and without its final dot ("std", "stunden", "h", "mo"): its length in ms. */
  units: Map<string, number>;
  /** A whole phrase ("gestern", "la semana pasada", "now"): its offset from now in ms. */
  phrases: Map<string, number>;
}

export interface DateWords {
  /** Month names, long and short, standalone and in a date ("märz", "mär", "de março"): 0–11. */
  months: Map<string, number>;
  /** The day periods after a time, without dots or spaces ("pm", "pm" for "p. m."). */
  am: string[];
  pm: string[];
  /** The order of a numeric date's parts ("9.10.2026": day, month, year). */
  order: ('day' | 'month' | 'year')[];
}

/** Lower case, one plain space, NFC: how page text and learnt words are compared. */
export function normalise(text: string, lang: string): string {
  return text.normalize('NFC').replace(/[\s\u00a0\u202f]+/gu, ' ').trim().toLocaleLowerCase(lang);
}

/** A word as a key: without a final dot ("std." and "std" read alike). */
export const wordKey = (word: string) => word.replace(/\.$/u, '');

type Parts = Intl.RelativeTimeFormatPart[];

/** The text on each side of the number. */
function sides(parts: Parts): [string, string] {
  const at = parts.findIndex((p) => p.type !== 'literal');
  if (at < 0) return ['', ''];
  const end = parts.findLastIndex((p) => p.type !== 'literal');
  const join = (list: Parts) => list.map((p) => p.value).join('');
  return [join(parts.slice(0, at)), join(parts.slice(end + 1))];
}

function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

/**
 * The unit's word in a relative time: what the past and the future share beside the number
 * ("vor 2 Std." and "in 2 Std." share "Std."; "2 hours ago" and "in 2 hours" share "hours").
 */
function unitWord(past: Parts, future: Parts): string {
  const after = commonPrefix(sides(past)[1], sides(future)[1]).trim().split(' ')[0] ?? '';
  const reversed = (s: string) => [...s].reverse().join('');
  const before = reversed(commonPrefix(reversed(sides(past)[0]), reversed(sides(future)[0]))).trim().split(' ').pop() ?? '';
  return after || before;
}

function learnAges(lang: string): AgeWords {
  const words: AgeWords = { units: new Map(), phrases: new Map() };
  const add = (word: string, ms: number) => {
    const key = wordKey(normalise(word, lang));
    // The first meaning learnt stays: long forms before short ones, smaller units first ("m" is
    // a minute in English's narrow forms, where a month is "mo").
    if (key && !/\d/u.test(key) && !words.units.has(key)) words.units.set(key, ms);
  };
  for (const style of STYLES) {
    const relative = new Intl.RelativeTimeFormat(lang, { style });
    const auto = new Intl.RelativeTimeFormat(lang, { style, numeric: 'auto' });
    for (const unit of UNITS) {
      const measure = new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: style });
      for (const n of SAMPLES) {
        add(unitWord(relative.formatToParts(-n, unit), relative.formatToParts(n, unit)), UNIT_MS[unit]);
        add(measure.formatToParts(n).filter((p) => p.type === 'unit').map((p) => p.value).join(''), UNIT_MS[unit]);
      }
      for (const n of [-2, -1, 0]) {
        const parts = auto.formatToParts(n, unit);
        const phrase = normalise(parts.map((p) => p.value).join(''), lang);
        if (parts.every((p) => p.type === 'literal') && !words.phrases.has(phrase)) words.phrases.set(phrase, n * UNIT_MS[unit]);
      }
    }
  }
  return words;
}

function learnDates(lang: string): DateWords {
  const months = new Map<string, number>();
  // Four formatters, not four per month: making one costs far more than formatting with it.
  const formats = (['long', 'short'] as const).map((style) => ({
    alone: new Intl.DateTimeFormat(lang, { month: style, timeZone: 'UTC' }),
    inDate: new Intl.DateTimeFormat(lang, { day: 'numeric', month: style, timeZone: 'UTC' }),
  }));
  for (let month = 0; month < 12; month++) {
    const date = Date.UTC(2001, month, 15, 12);
    for (const format of formats) {
      const alone = format.alone.format(date);
      const inDate = format.inDate.formatToParts(date).find((p) => p.type === 'month')?.value ?? alone;
      for (const name of [alone, inDate]) {
        const key = wordKey(normalise(name, lang));
        if (key && !/^\d+$/u.test(key) && !months.has(key)) months.set(key, month);
      }
    }
  }
  const clock = new Intl.DateTimeFormat(lang, { hour: 'numeric', hour12: true, timeZone: 'UTC' });
  const period = (hour: number) => normalise(clock.formatToParts(Date.UTC(2001, 0, 1, hour)).find((p) => p.type === 'dayPeriod')?.value ?? '', lang).replace(/[\s.]/gu, '');
  const order = new Intl.DateTimeFormat(lang, { timeZone: 'UTC' }).formatToParts(Date.UTC(2001, 9, 15))
    .flatMap((p) => (p.type === 'day' || p.type === 'month' || p.type === 'year' ? [p.type] : []));
  return { months, am: [period(9), 'am'].filter(Boolean), pm: [period(21), 'pm'].filter(Boolean), order };
}

/** Learns a language's words once (or is given them); null when `Intl` does not know the tag. */
function once<T>(learn: (lang: string) => T) {
  const learnt = new Map<string, T | null>();
  const key = (lang: string) => lang.trim().toLowerCase();
  const words = (lang: string): T | null => {
    const tag = key(lang);
    if (!learnt.has(tag)) {
      try {
        learnt.set(tag, learn(tag));
      }
      catch {
        learnt.set(tag, null); // not a language tag
      }
    }
    return learnt.get(tag) ?? null;
  };
  return Object.assign(words, {
    /** Words learnt elsewhere (the worker's, from the same `Intl`): not learnt again here. */
    give: (lang: string, given: T) => void (learnt.has(key(lang)) || learnt.set(key(lang), given)),
  });
}

/** The words of ages in a language (a BCP 47 tag such as "de-DE"). */
export const ageWords = /* @__PURE__ */ once(learnAges);
/** The words of dates in a language. */
export const dateWords = /* @__PURE__ */ once(learnDates);

/**
 * A language's words as a message carries them (plain arrays): the worker learns them, away from
 * the page, and a page's script is given them with its settings. Learning them costs a page some
 * 25 ms of `Intl` at its start; reading them, nothing.
 */
export interface TimeWordsWire {
  tag: string;
  ages: { units: [string, number][]; phrases: [string, number][] } | null;
  dates: { months: [string, number][]; am: string[]; pm: string[]; order: DateWords['order'] } | null;
}

export function timeWordsWire(tag: string): TimeWordsWire {
  const ages = ageWords(tag);
  const dates = dateWords(tag);
  return {
    tag,
    ages: ages && { units: [...ages.units], phrases: [...ages.phrases] },
    dates: dates && { months: [...dates.months], am: dates.am, pm: dates.pm, order: dates.order },
  };
}

/**
 * Takes the words of ages a message brought (anything not of their shape is left: the page learns
 * those itself). Apart from the words of dates, so that a site reading ages only carries no more.
 */
export function takeAgeWords(given: unknown): void {
  for (const { tag, ages } of wires(given)) {
    if (ages && pairs(ages.units) && pairs(ages.phrases)) {
      ageWords.give(tag, { units: new Map(ages.units), phrases: new Map(ages.phrases) });
    }
  }
}

/** Takes the words of dates a message brought, as takeAgeWords does those of ages. */
export function takeDateWords(given: unknown): void {
  for (const { tag, dates } of wires(given)) {
    if (dates && pairs(dates.months) && strings(dates.am) && strings(dates.pm) && strings(dates.order)) {
      dateWords.give(tag, { months: new Map(dates.months), am: dates.am, pm: dates.pm, order: dates.order });
    }
  }
}

const wires = (given: unknown) =>
  (Array.isArray(given) ? given : []).filter((w): w is Partial<TimeWordsWire> & { tag: string } => typeof w?.tag === 'string');

const strings = /* @__PURE__ */ arrayOf(str(Infinity), Infinity);
const pair = (p: unknown): p is [string, number] => Array.isArray(p) && str(Infinity)(p[0]) && num(p[1]);
const pairs = /* @__PURE__ */ arrayOf(pair, Infinity);
