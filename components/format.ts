import { formatDate, type Lang } from '@/lib/i18n';

/** "2026-12-21" (a calendar date from the API) shown in the agent's language, never shifted by time zone. */
export function showDay(lang: Lang, isoDay: string): string {
  const [y, m, d] = isoDay.split('-').map(Number);
  if (!y || !m || !d) return isoDay;
  return formatDate(lang, Date.UTC(y, m - 1, d, 12));
}
