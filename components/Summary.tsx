import { type Lang, t } from '@/lib/i18n/overlay';
import type { RetiringItem } from '@/lib/overlay/assess';
import { showDay } from './format';

/** Above the grid: how many of this customer's subscriptions retire, and the earliest end date (in the page's date style). */
export function Summary({ lang, locale, items }: { lang: Lang; locale?: string; items: readonly RetiringItem[] }) {
  if (items.length === 0) return null;
  const first = items.find((i) => i.endDate)?.endDate;
  const date = first ? showDay(lang, first, locale) : '—';
  return (
    <p class="summary" role="status" aria-live="polite" lang={lang}>
      {items.length === 1 ? t(lang, 'summaryOne', { date }) : t(lang, 'summaryMany', { count: items.length, date })}
    </p>
  );
}
