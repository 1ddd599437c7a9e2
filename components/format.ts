import { formatDate, LANG_LOCALE, type Lang } from '@/lib/i18n/overlay';

const DAY_MS = 86_400_000;

/** "2026-12-21…" as a whole day number (UTC), or null when it is not a calendar date. */
function dayNumber(isoDay: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDay);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS : null;
}

/**
 * "2026-12-21" (a calendar date from the API) as the portal writes it on this page: "December 21, 2026",
 * "2026년 12월 21일", or the page's own locale's style when given (see pageLocale). Never shifted by
 * time zone; anything that is not a date is shown as it came.
 */
export function showDay(lang: Lang, isoDay: string, locale?: string): string {
  const day = dayNumber(isoDay);
  return day === null ? isoDay : formatDate(lang, day * DAY_MS, locale);
}

/** Whole calendar days from `today` to `isoDay` (both as the API writes them); negative once past. */
export function daysBetween(today: string, isoDay: string): number | null {
  const from = dayNumber(today);
  const to = dayNumber(isoDay);
  return from === null || to === null ? null : to - from;
}

/**
 * The locale the portal writes this page's dates in: the page's own (its path's locale prefix, then
 * the document's lang) when it is in the agent's language and the browser knows it; otherwise the
 * language's usual one. So an English page under /en-gb/ gets "2 January 2027",
 * /en-us/ "January 2, 2027".
 */
export function pageLocale(lang: Lang, ...candidates: Array<string | null | undefined>): string {
  for (const candidate of candidates) {
    if (!candidate || !candidate.toLowerCase().startsWith(lang)) continue;
    // The usual locale needs no asking (the first question loads the browser's locale data).
    if (candidate.toLowerCase() === LANG_LOCALE[lang].toLowerCase()) return LANG_LOCALE[lang];
    const supported = supportedLocale(candidate);
    if (supported) return supported;
  }
  return LANG_LOCALE[lang];
}

/** Asking the browser whether it knows a locale costs milliseconds the first time: asked once per tag. */
const known = new Map<string, string | null>();
function supportedLocale(tag: string): string | null {
  const cached = known.get(tag);
  if (cached !== undefined) return cached;
  let supported: string | null = null;
  try {
    supported = Intl.DateTimeFormat.supportedLocalesOf(tag)[0] ?? null;
  } catch {
    // Not a language tag: the caller tries the next one.
  }
  known.set(tag, supported);
  return supported;
}
