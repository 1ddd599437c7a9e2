import { tBadge as t } from '@/lib/i18n/badge-strings';
import { formatNumber, type Lang } from '@/lib/i18n/overlay';
import { showDay } from './format';

/** The retiring subscription that ends first: its end date as the API writes it, and the days left until then. */
export interface NearestEnd {
  date: string;
  daysLeft: number;
}

interface Props {
  lang: Lang;
  /** The page's locale, for dates written as the portal writes them. */
  locale: string;
  customer: string;
  count: number;
  nearest: NearestEnd | null;
}

/** When the first retiring subscription ends, in words: "ends January 2, 2027 (45 days left)". */
function whenText(lang: Lang, locale: string, nearest: NearestEnd): string {
  const date = showDay(lang, nearest.date, locale);
  const { daysLeft } = nearest;
  if (daysLeft < 0) return t(lang, 'badgeEnded', { date });
  if (daysLeft === 0) return t(lang, 'badgeEndsToday', { date });
  if (daysLeft === 1) return t(lang, 'badgeEndsInOne', { date });
  return t(lang, 'badgeEndsIn', { date, days: formatNumber(lang, daysLeft) });
}

/**
 * Beside a customer in the customer list: how many of its subscriptions retire and when the first
 * one ends, so the agent knows which customer to start with.
 */
export function CustomerBadge({ lang, locale, customer, count, nearest }: Props) {
  const n = formatNumber(lang, count);
  const when = nearest && whenText(lang, locale, nearest);
  // One choice of message for the text and its label: no date, one subscription, or several.
  const form = !when ? '' : count === 1 ? 'One' : 'Many';
  const params = { customer, count: n, when: when || '' };
  const text = t(lang, `badge${form}`, params);
  const label = t(lang, `badgeLabel${form}`, params);
  return (
    <span class="badge" role="note" aria-label={label} lang={lang}>
      {text}
    </span>
  );
}
