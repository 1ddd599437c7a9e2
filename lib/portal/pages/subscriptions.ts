/**
 * The customer's subscriptions page: open the catalog (Add subscription) or one subscription's detail
 * page by clicking what a person would click. Both wait until the portal has left this page.
 */
import { type ActContext, ActError, click, findControl, isEnabled, queryShown, textIs, waitUntil } from '../act';
import { accessibleName, deepText } from '../dom';
import { parseRoute, PORTAL_ORIGIN } from '../routes';
import { dataRows, isBusy, rowOf } from './rows';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Clicks "Add subscription" (button or link, any known spelling) and waits for the catalog's URL. */
export async function openAddSubscription(ctx: ActContext, root: ParentNode = document): Promise<void> {
  const control = await findControl(['button', 'link'], 'addSubscription', ctx, root);
  await click(control, ctx, { target: 'addSubscription', until: () => !ctx.onPage(), leavesPage: true });
}

/** The subscription a link opens, read from its href through the one route table (routes.ts). */
function linkedSubscriptionId(link: Element): string | null {
  const href = link.getAttribute('href');
  if (!href) return null;
  try {
    const url = new URL(href, link.ownerDocument.baseURI);
    // Only the path and query decide the page; the origin is the portal's wherever the page is served.
    const route = parseRoute(`${PORTAL_ORIGIN}${url.pathname}${url.search}`);
    return route?.page === 'subscription-detail' ? route.subscriptionId : null;
  } catch {
    return null;
  }
}

/** Links in loaded rows that open the subscription: by id (GUID) from the href or the row, else by name. */
function subscriptionLinks(root: ParentNode, subscription: string): Element[] {
  const wanted = subscription.trim();
  const byId = GUID.test(wanted);
  const sameName = textIs(wanted);
  const out: Element[] = [];
  for (const row of dataRows(root)) {
    if (isBusy(row)) continue;
    const links = queryShown(row, 'link').filter((link) => rowOf(link) === row);
    const match = byId
      ? (links.find((link) => linkedSubscriptionId(link) === wanted.toLowerCase()) ??
        (deepText(row).toLowerCase().includes(wanted.toLowerCase()) ? links[0] : undefined))
      : links.find((link) => sameName(accessibleName(link)));
    if (match) out.push(match);
  }
  return out;
}

/**
 * Clicks the link of the subscription's row, by subscription id (a GUID) or by its name as listed,
 * and waits for the detail page. Two rows of the same name are refused: pass the id then.
 */
export async function openSubscriptionDetail(
  subscription: string,
  ctx: ActContext,
  root: ParentNode = document,
): Promise<void> {
  const link = await waitUntil(
    () => {
      const links = subscriptionLinks(root, subscription);
      if (links.length > 1) {
        throw new ActError('not-found', subscription, `${links.length} subscriptions are listed as "${subscription}"`);
      }
      const only = links[0];
      return only && isEnabled(only) ? only : null;
    },
    ctx,
    { target: subscription, scope: root, message: () => `no subscription "${subscription}" is listed` },
  );
  await click(link, ctx, { target: subscription, until: () => !ctx.onPage(), leavesPage: true });
}
