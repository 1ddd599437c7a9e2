import { type Lang, t } from '@/lib/i18n';

/** Beside a customer in the customer list: this customer has retiring subscriptions. */
export function CustomerBadge({ lang, customer, count }: { lang: Lang; customer: string; count: number }) {
  return (
    <span class="badge" role="note" aria-label={t(lang, 'badgeLabel', { customer, count })} lang={lang}>
      {t(lang, 'badge', { count })}
    </span>
  );
}
