import { CustomerBadge } from '@/components/CustomerBadge';
import { builtInCatalog } from '@/lib/catalog';
import { t } from '@/lib/i18n';
import { countRetiring } from '@/lib/overlay/count';
import { apiMessage } from '@/lib/overlay/from-api';
import { observeDeep, WaitTimeout, waitFor } from '@/lib/portal/observe';
import { findCustomerRows, TARGETS } from '@/lib/portal/pages/targets';
import { createIsland, type Island } from '../host';
import type { PageContext } from '../page';
import { cache } from '../session';

/**
 * The customer list: a badge beside each customer with retiring subscriptions. Only the customers on
 * screen are read (one subscriptions request each, cached), so a partner with thousands of customers
 * costs one page's worth of requests at a time.
 */
export async function customerBadges(ctx: PageContext): Promise<void> {
  const { lang, signal, notify } = ctx;
  const rows = () => findCustomerRows(document, location.href);
  try {
    await waitFor(() => (rows().size > 0 ? true : null), { signal, timeoutMs: 10_000, what: 'customer rows' });
  } catch (error) {
    if (error instanceof WaitTimeout) notify(t(lang, 'pageProblem', { what: TARGETS.customerRows.what[lang] }));
    return;
  }
  const counts = new Map<string, number>();
  const pending = new Set<string>();
  const badges = new Map<string, Island>();

  const sync = () => {
    if (signal.aborted) return;
    const found = rows();
    for (const [tenantId, target] of found) {
      const count = counts.get(tenantId);
      if (count === undefined) {
        if (!pending.has(tenantId)) void load(tenantId);
        continue;
      }
      const badge = badges.get(tenantId);
      if (count === 0 || (badge?.host.isConnected && badge.host.previousElementSibling === target.link)) continue;
      badge?.remove();
      const ui = <CustomerBadge lang={lang} customer={target.name} count={count} />;
      badges.set(tenantId, createIsland('badge', ui, (host) => target.link.after(host)));
    }
    for (const [tenantId, badge] of badges) {
      if (!found.has(tenantId)) {
        badge.remove();
        badges.delete(tenantId);
      }
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
      counts.set(tenantId, 0);
      return;
    }
    counts.set(
      tenantId,
      countRetiring(
        builtInCatalog,
        subscriptions.data.map((s) => ({ ...s, offerName: s.offerName ?? s.friendlyName })),
      ),
    );
    sync();
  };

  sync();
  observeDeep(document, sync, signal);
  signal.addEventListener('abort', () => {
    for (const badge of badges.values()) badge.remove();
  });
}
