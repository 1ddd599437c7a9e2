import { Banner } from '@/components/Banner';
import { pageLocale } from '@/components/format';
import { Summary } from '@/components/Summary';
import { t } from '@/lib/i18n/overlay';
import type { RetiringItem } from '@/lib/overlay/assess';
import { observeDeep, WaitTimeout, waitFor } from '@/lib/portal/observe';
import { findSubscriptionRows, gridOf, TARGETS } from '@/lib/portal/pages/targets';
import { createIsland, type Island } from '../host';
import type { PageContext } from '../page';

/**
 * The subscriptions page: a banner in the row of each retiring subscription and a summary above the
 * grid, kept in step with the grid as its rows render, page, sort or filter in place.
 */
export async function subscriptionBanners(ctx: PageContext, onMigrate: (item: RetiringItem) => void): Promise<void> {
  const { route, lang, signal, notify } = ctx;
  const tenantId = route.tenantId;
  if (!tenantId) return;
  // Dates as the portal writes them on this page ("January 2, 2027", "2027년 1월 2일").
  const locale = pageLocale(lang, route.locale, document.documentElement.lang);
  const items = await ctx.retiring();
  if (!items || items.length === 0 || signal.aborted) return;

  const rows = () => findSubscriptionRows(document, location.href, tenantId);
  try {
    await waitFor(() => (rows().size > 0 ? true : null), { signal, timeoutMs: 10_000, what: 'subscription rows' });
  } catch (error) {
    if (error instanceof WaitTimeout) notify(t(lang, 'pageProblem', { what: TARGETS.subscriptionRows.what[lang] }));
    return;
  }

  const banners = new Map<string, Island>();
  let summary: Island | null = null;
  const sync = () => {
    if (signal.aborted) return;
    const found = rows();
    for (const item of items) {
      const id = item.subscription.id.toLowerCase();
      const target = found.get(id);
      const banner = banners.get(id);
      if (banner && target && banner.host.isConnected && banner.host.parentNode === target.cell) continue;
      banner?.remove();
      banners.delete(id);
      if (target) {
        const ui = <Banner lang={lang} locale={locale} item={item} onMigrate={onMigrate} onIntent={ctx.preparePanels} />;
        banners.set(id, createIsland('banner', ui, (host) => target.cell.append(host)));
      }
    }
    const first = found.values().next().value;
    const grid = first ? gridOf(first.row) : null;
    if (grid && !(summary?.host.isConnected && summary.host.nextElementSibling === grid)) {
      summary?.remove();
      summary = createIsland('summary', <Summary lang={lang} locale={locale} items={items} />, (host) => grid.before(host));
    }
  };
  sync();
  observeDeep(document, sync, signal);
  signal.addEventListener('abort', () => {
    for (const banner of banners.values()) banner.remove();
    summary?.remove();
  });
}
