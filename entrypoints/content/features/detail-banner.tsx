import { Banner } from '@/components/Banner';
import { pageLocale } from '@/components/format';
import { t } from '@/lib/i18n/overlay';
import type { RetiringItem } from '@/lib/overlay/assess';
import { observeDeep, WaitTimeout, waitFor } from '@/lib/portal/observe';
import { findMainHeading, TARGETS } from '@/lib/portal/pages/targets';
import { createIsland, type Island } from '../host';
import type { PageContext } from '../page';

/** The subscription detail page of a retiring subscription: the same banner, under the page's heading. */
export async function detailBanner(ctx: PageContext, onMigrate: (item: RetiringItem) => void): Promise<void> {
  const { route, lang, signal, notify } = ctx;
  if (!route.tenantId || !route.subscriptionId) return;
  // Dates as the portal writes them on this page ("January 2, 2027", "2027년 1월 2일").
  const locale = pageLocale(lang, route.locale, document.documentElement.lang);
  const items = await ctx.retiring();
  const item = items?.find((i) => i.subscription.id.toLowerCase() === route.subscriptionId);
  if (!item || signal.aborted) return;
  try {
    await waitFor(() => findMainHeading(document), { signal, timeoutMs: 10_000, what: 'heading' });
  } catch (error) {
    if (error instanceof WaitTimeout) notify(t(lang, 'pageProblem', { what: TARGETS.detailHeading.what[lang] }));
    return;
  }
  let banner: Island | null = null;
  const sync = () => {
    const heading = findMainHeading(document);
    if (!heading || (banner?.host.isConnected && banner.host.previousElementSibling === heading)) return;
    banner?.remove();
    const ui = <Banner lang={lang} locale={locale} item={item} onMigrate={onMigrate} onIntent={ctx.preparePanels} />;
    banner = createIsland('banner', ui, (host) => heading.after(host));
  };
  sync();
  observeDeep(document, sync, signal);
  signal.addEventListener('abort', () => banner?.remove());
}
