import { formatDate, type Lang } from '@/lib/i18n';

/** "2026-12-21" (a calendar date from the API) shown in the agent's language, never shifted by time zone. */
export function showDay(lang: Lang, isoDay: string): string {
  const [y, m, d] = isoDay.split('-').map(Number);
  if (!y || !m || !d) return isoDay;
  return formatDate(lang, Date.UTC(y, m - 1, d, 12));
}

const DAY_MS = 86_400_000;

/** "2026-12-21…" as a whole day number (UTC), or null when it is not a calendar date. */
function dayNumber(isoDay: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDay);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS : null;
}

/** Whole calendar days from `today` to `isoDay` (both as the API writes them); negative once past. */
export function daysBetween(today: string, isoDay: string): number | null {
  const from = dayNumber(today);
  const to = dayNumber(isoDay);
  return from === null || to === null ? null : to - from;
}

const LANG_LOCALE: Record<Lang, string> = { en: 'en-US', ko: 'ko-KR' };

/**
 * The locale the portal writes this page's dates in: the page's own (its path's locale prefix, then
 * the document's lang) when it is in the agent's language and the browser knows it; otherwise the
 * language's usual one. So an English page under /en-gb/ gets "2 January 2027", /en-us/ "January 2, 2027".
 */
export function pageLocale(lang: Lang, ...candidates: Array<string | null | undefined>): string {
  for (const candidate of candidates) {
    if (!candidate || !candidate.toLowerCase().startsWith(lang)) continue;
    try {
      const [supported] = Intl.DateTimeFormat.supportedLocalesOf(candidate);
      if (supported) return supported;
    } catch {
      // Not a language tag: try the next one.
    }
  }
  return LANG_LOCALE[lang];
}

/** A calendar date as the portal writes it ("January 2, 2027", "2027년 1월 2일"), never shifted by time zone. */
export function showLongDay(locale: string, isoDay: string): string {
  const day = dayNumber(isoDay);
  if (day === null) return isoDay;
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
    day * DAY_MS,
  );
}
