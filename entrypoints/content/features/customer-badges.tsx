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
import { createIsland, type Island } from '../host';
import type { PageContext } from '../page';
import { cache } from '../session';

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

/** How long changes are gathered before the grid is walked again. */
const SYNC_BATCH_MS = 30;

/**
 * The customer list: a badge beside each customer with retiring subscriptions. Only the customers on
 * screen are read (one subscriptions request each, cached), so a partner with thousands of customers
 * costs one page's worth of requests at a time.
 */
export async function customerBadges(ctx: PageContext): Promise<void> {
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

  const sync = () => {
    if (signal.aborted) return;
    const found = rows();
    for (const [tenantId, target] of found) {
      const summary = counts.get(tenantId);
      if (summary === undefined) {
        if (!pending.has(tenantId)) void load(tenantId);
        continue;
      }
      const badge = badges.get(tenantId);
      if (summary.count === 0 || (badge?.host.isConnected && badge.host.previousElementSibling === target.link)) continue;
      badge?.remove();
      const ui = (
        <CustomerBadge
          lang={lang}
          locale={locale}
          customer={target.name}
          count={summary.count}
          nearest={summary.nearest}
        />
      );
      badges.set(tenantId, createIsland('badge', ui, (host) => target.link.after(host)));
    }
    for (const [tenantId, badge] of badges) {
      if (!found.has(tenantId)) {
        badge.remove();
        badges.delete(tenantId);
      }
    }
  };

  // Answers arrive one customer at a time and every badge placed is itself a change of the page: one
  // pass over the grid per burst, not one per answer and per badge (300 customers made that a
  // 4.6 s main-thread cost, measured by npm run bench).
  let queued: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    if (queued === undefined && !signal.aborted) {
      queued = setTimeout(() => {
        queued = undefined;
        sync();
      }, SYNC_BATCH_MS);
    }
  };

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
    schedule();
  };

  sync();
  observeDeep(document, schedule, signal);
  signal.addEventListener('abort', () => {
    for (const badge of badges.values()) badge.remove();
  });
}
