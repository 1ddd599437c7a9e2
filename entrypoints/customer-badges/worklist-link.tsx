import { browser } from 'wxt/browser';
import { trusted } from '@/components/trusted';
import { tBadge } from '@/lib/i18n/badge-strings';
import { observeDeep, waitFor } from '@/lib/portal/observe';
import { findCustomerRows, gridOf } from '@/lib/portal/pages/targets';
import { createIsland, type Island } from '../content/host';
import type { BadgePage } from './badges';

/**
 * Above the customer list: a way to the worklist (the side panel, every customer with a retiring
 * subscription), for the agent who starts from this page rather than from the toolbar button. The
 * background opens the side panel for this tab, or the worklist in a tab where it cannot.
 */
export async function worklistLink(ctx: BadgePage): Promise<void> {
  const { lang, signal } = ctx;
  const grid = () => {
    const first = findCustomerRows(document, location.href).values().next().value;
    return first ? gridOf(first.row) : null;
  };
  try {
    await waitFor(grid, { signal, timeoutMs: 10_000, what: 'customer grid' });
  } catch {
    return; // The badges say when the grid never showed.
  }
  const open = () => void browser.runtime.sendMessage({ type: 'worklist.show' }).catch(() => undefined);
  let link: Island | null = null;
  let at: Element | null = null;
  const place = () => {
    // Called on every change of the page: while the link still stands before the grid it was placed
    // at, nothing is looked up (finding the grid walks all its rows).
    if (signal.aborted || (link?.host.isConnected && at?.isConnected && link.host.nextElementSibling === at)) return;
    const target = grid();
    if (!target) return;
    at = target;
    link?.remove();
    const ui = (
      <p class="summary" lang={lang}>
        <button type="button" onClick={trusted(open)}>
          {tBadge(lang, 'worklistLink')}
        </button>
      </p>
    );
    link = createIsland('worklist-link', ui, (host) => target.before(host));
  };
  place();
  observeDeep(document, place, signal);
  signal.addEventListener('abort', () => link?.remove());
}
