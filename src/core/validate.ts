/** Small shape checks for messages crossing from pages and content scripts into the background. */
export type Check<T> = (value: unknown) => value is T;

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const str =
  (max: number, min = 0): Check<string> =>
    (value): value is string =>
      typeof value === 'string' && value.length >= min && value.length <= max;

export const num: Check<number> = (value): value is number =>
  typeof value === 'number' && Number.isFinite(value);

export const bool: Check<boolean> = (value): value is boolean => typeof value === 'boolean';

export const nullable =
  <T>(check: Check<T>): Check<T | null> =>
    (value): value is T | null =>
      value === null || check(value);

export const oneOf =
  <T extends string>(...values: readonly T[]): Check<T> =>
    (value): value is T =>
      typeof value === 'string' && (values as readonly string[]).includes(value);

export const arrayOf =
  <T>(check: Check<T>, max: number): Check<T[]> =>
    (value): value is T[] =>
      Array.isArray(value) && value.length <= max && value.every(check);

export const shape =
  <T>(fields: { [K in keyof T]: Check<T[K]> }): Check<T> =>
    (value): value is T => {
      if (!isRecord(value)) return false;
      for (const key of Object.keys(fields) as (keyof T)[]) {
        if (!fields[key](value[key as string])) return false;
      }
      return true;
    };

/** A site's selector overrides, name to CSS: at most 60, names and selectors of bounded length. */
export const selectorOverrides: Check<Record<string, string>> = (v): v is Record<string, string> =>
  isRecord(v)
  && Object.keys(v).length <= 60
  && Object.entries(v).every(([name, css]) => /^[A-Za-z][\w-]{0,39}$/u.test(name) && str(500, 1)(css));
