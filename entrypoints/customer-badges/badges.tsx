import { CustomerBadge, type NearestEnd } from '@/components/CustomerBadge';
import { daysBetween, pageLocale } from '@/components/format';
import type { MatchableCatalog, MatchableOffer } from '@/lib/catalog/match';
import { retiredIndex } from '@/lib/catalog/retired-index';
import { t } from '@/lib/i18n/overlay';
import type { SubscriptionLike } from '@/lib/overlay/assess';
import { apiMessage } from '@/lib/overlay/from-api';
import { observeDeep, WaitTimeout, waitFor } from '@/lib/portal/observe';
import { findCustomerRows, TARGETS } from '@/lib/portal/pages/targets';
import { localToday } from '@/lib/overlay/days';
import { retiringMatch } from '@/lib/overlay/retiring-rule';
import type { CustomerCache } from '@/lib/api';
import { createIsland, type Island } from '../content/host';
import type { PageContext } from '../content/page';

/** What the badges get of the page (content/page.ts): its route, language, signal and notice. */
export type BadgePage = Pick<PageContext, 'route' | 'lang' | 'signal' | 'notify'>;

/** What a customer's badge says: how many subscriptions retire, and the one that ends first. */
export interface RetiringSummary {
  count: number;
  nearest: NearestEnd | null;
}

/**
 * The customer's active subscriptions that retire (as the banners count them), and the soonest end
 * date among them with the days left from `today` (YYYY-MM-DD, the agent's calendar day).
 */
export function retiringSummary(
  catalog: MatchableCatalog<{ retiredOffers: readonly MatchableOffer[] }>,
  subscriptions: readonly Pick<SubscriptionLike, 'offerId' | 'offerName' | 'status' | 'commitmentEndDate'>[],
  today: string,
): RetiringSummary {
  let count = 0;
  let nearest: NearestEnd | null = null;
  for (const s of subscriptions) {
    if (!retiringMatch(catalog, s)) continue;
    count++;
    const daysLeft = s.commitmentEndDate ? daysBetween(today, s.commitmentEndDate) : null;
    if (s.commitmentEndDate && daysLeft !== null && (!nearest || daysLeft < nearest.daysLeft)) {
      nearest = { date: s.commitmentEndDate.slice(0, 10), daysLeft };
    }
  }
  return { count, nearest };
}

/** Answers arriving within this long are placed together, in one task. */
const PLACE_BATCH_MS = 30;
/**
 * The grid is walked again at most this often while the page changes. A walk of a 300-row grid costs
 * 5 to 30 ms of main thread, and every badge placed is itself a change of the page: walking once per
 * burst of answers made 50 walks a load (1.7 s, stretches of 55 ms, measured by npm run bench).
 */
const WALK_EVERY_MS = 250;

/**
 * The customer list: a badge beside each customer with retiring subscriptions. Only the customers on
 * screen are read (one subscriptions request each, cached), so a partner with thousands of customers
 * costs one page's worth of requests at a time. The grid is walked when the page changes (at most
 * every WALK_EVERY_MS); an answer places its badge beside the row that walk found, without walking.
 */
export async function customerBadges(ctx: BadgePage, cache: CustomerCache): Promise<void> {
  const { lang, signal, notify } = ctx;
  // Dates as the portal writes them on this page ("January 2, 2027", "2027년 1월 2일").
  const locale = pageLocale(lang, ctx.route.locale, document.documentElement.lang);
  const rows = () => findCustomerRows(document, location.href);
  try {
    await waitFor(() => (rows().size > 0 ? true : null), { signal, timeoutMs: 10_000, what: 'customer rows' });
  } catch (error) {
    if (error instanceof WaitTimeout) notify(t(lang, 'pageProblem', { what: TARGETS.customerRows.what[lang] }));
    return;
  }
  const counts = new Map<string, RetiringSummary>();
  const pending = new Set<string>();
  const badges = new Map<string, Island>();
  /** The rows the last walk found, by tenant id. */
  let found: ReturnType<typeof rows> = new Map();
  /** Customers whose badge may need placing: an answer came, or the grid changed. */
  const dirty = new Set<string>();
  /** `run` at most once per `ms`: calls within the wait are run together at its end (not after the page went). */
  const coalesce = (run: () => void, ms: number) => {
    let queued = false;
    return () => {
      if (queued) return;
      queued = true;
      setTimeout(() => {
        queued = false;
        if (!signal.aborted) run();
      }, ms);
    };
  };

  /** Places the badges of dirty customers (a burst of answers, or a walk's rows) in one task. */
  const place = () => {
    for (const tenantId of dirty) {
      dirty.delete(tenantId);
      const target = found.get(tenantId);
      const summary = counts.get(tenantId);
      // A row re-rendered since the walk is a change of the page: the walk it brings places its badge.
      if (!target?.link.isConnected || !summary?.count) continue;
      const badge = badges.get(tenantId);
      if (badge?.host.isConnected && badge.host.previousElementSibling === target.link) continue;
      badge?.remove();
      const ui = <CustomerBadge lang={lang} locale={locale} customer={target.name} count={summary.count} nearest={summary.nearest} />;
      badges.set(tenantId, createIsland('badge', ui, (host) => target.link.after(host)));
    }
  };
  const placeSoon = coalesce(place, PLACE_BATCH_MS);

  /** Takes the rows a walk found: starts the reads of new customers, marks the others for placing. */
  const walk = () => {
    found = rows();
    for (const [tenantId] of found) {
      if (counts.has(tenantId)) dirty.add(tenantId);
      else if (!pending.has(tenantId)) void load(tenantId);
    }
    for (const [tenantId, badge] of badges) {
      if (!found.has(tenantId)) {
        badge.remove();
        badges.delete(tenantId);
      }
    }
    placeSoon();
  };
  const walkSoon = coalesce(walk, WALK_EVERY_MS);

  const load = async (tenantId: string) => {
    pending.add(tenantId);
    const subscriptions = await cache.listSubscriptions(tenantId, { signal });
    pending.delete(tenantId);
    if (signal.aborted) return;
    if (!subscriptions.ok) {
      // Said once; this customer gets no badge on this visit rather than a retry on every change.
      notify(t(lang, apiMessage(subscriptions.error)));
      counts.set(tenantId, { count: 0, nearest: null });
      return;
    }
    counts.set(
      tenantId,
      retiringSummary(
        retiredIndex,
        subscriptions.data.map((s) => ({ ...s, offerName: s.offerName ?? s.friendlyName })),
        localToday(),
      ),
    );
    dirty.add(tenantId);
    placeSoon();
  };

  // The first walk runs in a task of its own: walking again in the task of the wait's last walk made
  // stretches of over 100 ms (measured).
  coalesce(walk, 0)();
  observeDeep(document, walkSoon, signal);
  signal.addEventListener('abort', () => {
    for (const badge of badges.values()) badge.remove();
  });
}
