/** What a page may ask the words of times in: a BCP 47 tag's shape ("de", "pt-BR", "zh-Hant-TW"), nothing else. */
export const isLanguageTag = (tag: unknown): tag is string =>
  typeof tag === 'string' && /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8}){0,4}$/u.test(tag);
