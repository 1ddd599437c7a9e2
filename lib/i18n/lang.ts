/**
 * Languages, formats and the placeholder filler, without any table of words: both translators
 * (index.ts for everything, overlay.ts for the script every portal page loads) build on these.
 */

export type Lang = 'en' | 'ko';

/** Fills a template's {placeholders}; a missing parameter stays visible rather than vanishing. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * The UI follows the portal page's language: the locale in its path first, then the document's
 * lang attribute, then the browser's language. Anything not Korean is shown in English.
 */
export function pickLanguage(routeLang: Lang | null, documentLang: string | null, browserLang: string | null): Lang {
  if (routeLang) return routeLang;
  const lang = documentLang || browserLang || 'en';
  return lang.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

/** Each language's usual locale: the one Partner Center's en-us and ko-kr pages use. */
export const LANG_LOCALE: Record<Lang, string> = { en: 'en-US', ko: 'ko-KR' };

/**
 * A date as Partner Center writes it ("July 1, 2020", "2020년 7월 1일"; another page locale such as
 * en-GB gives "1 July 2020"), read in UTC: the API's dates are calendar days, and the agent's own
 * time zone must not move them by one.
 */
export function formatDate(lang: Lang, epochMs: number, locale: string = LANG_LOCALE[lang]): string {
  return once(dateFormats, locale, () => new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })).format(
    epochMs,
  );
}

export function formatNumber(lang: Lang, n: number): string {
  return once(numberFormats, lang, () => new Intl.NumberFormat(LANG_LOCALE[lang])).format(n);
}

// Making a formatter loads the locale's data (milliseconds each); a page of hundreds of badges or rows
// makes one per locale.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();
function once<K, V>(cache: Map<K, V>, key: K, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = make()));
  return value;
}
