import { fill, type Lang } from './lang';
import { overlayEn, overlayKo, type OverlayKey } from './overlay-strings';
import { type PickKey, pickEn, pickKo } from './reasons';
import { en, ko, type MessageKey as UiKey } from './strings';
import { worklistEn, worklistKo } from './worklist';

export { formatDate, formatNumber, LANG_LOCALE, type Lang, pickLanguage } from './lang';

/**
 * Every message: the overlay's (overlay-strings.ts, also used alone by the script every portal
 * page loads), the Migrate panel's (strings.ts), the picker's (reasons.ts), the worklist's (worklist.ts).
 */
export type MessageKey = OverlayKey | UiKey | PickKey | keyof typeof worklistEn;

const TABLES: Record<Lang, Record<MessageKey, string>> = {
  en: { ...overlayEn, ...en, ...pickEn, ...worklistEn },
  ko: { ...overlayKo, ...ko, ...pickKo, ...worklistKo },
};

/** Looks a string up and fills its {placeholders}; a missing parameter stays visible rather than vanishing. */
export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return fill(TABLES[lang][key], params);
}
