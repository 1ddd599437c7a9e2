/** How long a row opened from the worklist waits for its page to ask (a slow portal load included). */
const PENDING_MS = 2 * 60_000;

/**
 * Worklist rows opened into a portal tab: the customer page loads there, and its content script asks,
 * once, which subscription's Migrate panel to open (lib/overlay/messages.ts pendingOpen). Kept per tab
 * in the worker's memory: a restarted worker forgets them, and the agent clicks Migrate instead.
 */
export function createPendingOpens(now: () => number = () => Date.now()) {
  const byTab = new Map<number, { tenantId: string; subscriptionId: string; at: number }>();
  return {
    set(tabId: number, tenantId: string, subscriptionId: string): void {
      byTab.set(tabId, { tenantId: tenantId.toLowerCase(), subscriptionId: subscriptionId.toLowerCase(), at: now() });
    },
    /** The subscription to open on this tab's page of `tenantId`, once; null when none waits (or it is stale). */
    take(tabId: number, tenantId: string): string | null {
      const entry = byTab.get(tabId);
      if (!entry || entry.tenantId !== tenantId.toLowerCase()) return null;
      byTab.delete(tabId);
      return now() - entry.at <= PENDING_MS ? entry.subscriptionId : null;
    },
  };
}
