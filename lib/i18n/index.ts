import { en, ko, type MessageKey } from './strings';

export type Lang = 'en' | 'ko';
export type { MessageKey };

const TABLES: Record<Lang, Record<MessageKey, string>> = { en, ko };

/** Looks a string up and fills its {placeholders}; a missing parameter stays visible rather than vanishing. */
export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return TABLES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
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

/** Dates in the agent's language, e.g. "Jul 1, 2020" or "2020. 7. 1.". */
export function formatDate(lang: Lang, epochMs: number): string {
  return new Intl.DateTimeFormat(lang === 'ko' ? 'ko-KR' : 'en-US', { dateStyle: 'medium' }).format(epochMs);
}

export function formatNumber(lang: Lang, n: number): string {
  return new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-US').format(n);
}
