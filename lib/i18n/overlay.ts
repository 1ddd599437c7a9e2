import { fill, type Lang } from './lang';
import { type OverlayKey, overlayEn, overlayKo } from './overlay-strings';

export { formatDate, formatNumber, LANG_LOCALE, type Lang, pickLanguage } from './lang';
export type { OverlayKey } from './overlay-strings';

const TABLES: Record<Lang, Record<OverlayKey, string>> = { en: overlayEn, ko: overlayKo };

/**
 * The translator of the script every portal page loads: only the overlay's words, so the Migrate
 * panel's and the picker's stay out of it (eslint keeps '@/lib/i18n' out of entrypoints/content).
 */
export function t(lang: Lang, key: OverlayKey, params: Record<string, string | number> = {}): string {
  return fill(TABLES[lang][key], params);
}
