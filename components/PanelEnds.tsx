import { formatNumber, type Lang, t } from '@/lib/i18n';
import { showDay } from './format';
import type { PanelModel } from './panel-model';

/**
 * When the retiring subscription ends and the days left, repeated from its row: the panel sits beside
 * the row, and the agent should not have to look away to know how urgent this is.
 */
export function PanelEnds({ lang, ends }: { lang: Lang; ends: PanelModel['ends'] }) {
  if (!ends) return null;
  return <p class="panel__ends">{endsText(lang, ends.date, ends.daysLeft)}</p>;
}

function endsText(lang: Lang, isoDay: string, daysLeft: number | null): string {
  const date = showDay(lang, isoDay);
  if (daysLeft === null) return t(lang, 'panelEndsOn', { date });
  if (daysLeft < 0) return t(lang, 'panelEnded', { date });
  if (daysLeft === 0) return t(lang, 'panelEndsToday', { date });
  const left = daysLeft === 1 ? t(lang, 'dayLeft') : t(lang, 'daysLeft', { days: formatNumber(lang, daysLeft) });
  return t(lang, 'panelEndsLeft', { date, left });
}
