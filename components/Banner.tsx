import type { Lang, OverlayKey } from '@/lib/i18n/overlay';
import { formatNumber, t } from '@/lib/i18n/overlay';
import type { RetiringItem, Urgency } from '@/lib/overlay/assess';
import { portalName } from '@/lib/overlay/subscription';
import { showDay } from './format';
import { trusted } from './trusted';

interface Props {
  lang: Lang;
  /** The page's locale (pageLocale), so dates read as the portal writes them on this page. */
  locale?: string;
  item: RetiringItem;
  onMigrate: (item: RetiringItem) => void;
  /** The pointer or the focus reached Migrate: the panel's script may start loading before the click. */
  onIntent?: () => void;
}

const URGENCY_WORD: Record<Urgency, OverlayKey> = {
  ended: 'urgencyEnded',
  urgent: 'urgencyUrgent',
  soon: 'urgencySoon',
  later: 'urgencyLater',
};

function daysText(lang: Lang, days: number | null): string | null {
  if (days === null || days < 0) return null;
  if (days === 0) return t(lang, 'endsToday');
  return days === 1 ? t(lang, 'dayLeft') : t(lang, 'daysLeft', { days });
}

function recommendation(lang: Lang, item: RetiringItem): string {
  const { pick } = item;
  if (!pick.ok) return t(lang, 'recommendNone', { reason: pick.reason[lang] });
  if (!pick.purchaseNeeded) return t(lang, 'recommendNoPurchase');
  const top = pick.options[0];
  if (!top) return t(lang, 'recommendNone', { reason: '' });
  // Faculty, student and government offers carry their audience in the offer's name; say it.
  const plan = top.offer.audience === 'commercial' ? top.plan.name[lang] : top.offer.name;
  return t(lang, 'recommendBuy', { plan, quantity: formatNumber(lang, top.quantity) });
}

/** The retirement notice on one subscription: what retires, by when, what to move to, and Migrate. */
export function Banner({ lang, locale, item, onMigrate, onIntent }: Props) {
  // As its row in Partner Center names it, in both languages: the catalog's Korean offer name
  // ("Kaizala Pro 독립 실행형") is not what the agent sees in the portal.
  const name = portalName(item.subscription);
  const days = daysText(lang, item.daysLeft);
  return (
    <section
      class={`banner banner--${item.urgency}`}
      aria-label={t(lang, 'bannerRegion', { subscription: name })}
      aria-live="polite"
      lang={lang}
    >
      <p class="banner__head">
        <span class="banner__urgency">{t(lang, URGENCY_WORD[item.urgency])}</span>{' '}
        <strong>{t(lang, 'bannerTitle', { offer: name })}</strong>{' '}
        {t(lang, 'bannerSaleEnded', { date: showDay(lang, item.retirement.endOfSale, locale) })}
      </p>
      <p class="banner__body">
        {item.endDate ? t(lang, 'bannerEnds', { date: showDay(lang, item.endDate, locale) }) : t(lang, 'bannerEndsUnknown')}
        {days && <> ({days})</>}
        {item.endDate && '. '}
        {item.subscription.autoRenewEnabled === false && t(lang, 'autoRenewOff')}
      </p>
      <p class="banner__body">{recommendation(lang, item)}</p>
      <button
        type="button"
        class="banner__migrate"
        aria-label={t(lang, 'migrateLabel', { subscription: name })}
        onClick={trusted(() => onMigrate(item))}
        onPointerEnter={onIntent}
        onFocus={onIntent}
      >
        {t(lang, 'migrate')}
      </button>
    </section>
  );
}
