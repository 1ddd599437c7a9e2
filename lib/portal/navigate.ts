import { type ActContext, ActError, click, waitUntil } from './act';
import { queryAllByRole } from './dom';
import { isLabel, type LabelKey } from './labels';
import { type PageKind, PORTAL_ORIGIN, parseRoute } from './routes';

const NAV_LABEL: Partial<Record<PageKind, LabelKey>> = {
  subscriptions: 'subscriptions',
  users: 'usersAndLicenses',
};

/** The page the current URL shows, for this customer. */
export function onCustomerPage(tenantId: string, page: PageKind, href = location.href): boolean {
  const route = parseRoute(href);
  return route?.tenantId === tenantId.toLowerCase() && route.page === page;
}

function linkRoute(link: Element) {
  const href = link.getAttribute('href');
  if (!href) return null;
  try {
    const url = new URL(href, link.ownerDocument.baseURI);
    return parseRoute(`${PORTAL_ORIGIN}${url.pathname}${url.search}`);
  } catch {
    return null;
  }
}

/**
 * Goes to one of the customer's pages the way a person does: by the customer navigation's link
 * ("Subscriptions", "Users and licenses"), chosen by its label and by the page its href leads to.
 * Returns at once when already there.
 */
export async function goToCustomerPage(tenantId: string, page: 'subscriptions' | 'users', ctx: ActContext): Promise<void> {
  if (onCustomerPage(tenantId, page)) return;
  const label = NAV_LABEL[page];
  const link = await waitUntil(
    () => {
      const links = queryAllByRole(document, 'link').filter((l) => {
        const route = linkRoute(l);
        return route?.page === page && route.tenantId === tenantId.toLowerCase();
      });
      return links.find((l) => label && isLabel(label, l.textContent)) ?? links[0] ?? null;
    },
    ctx,
    { target: label ?? page },
  );
  await click(link, ctx, { target: label ?? page, until: () => onCustomerPage(tenantId, page), leavesPage: true });
  if (!onCustomerPage(tenantId, page)) throw new ActError('not-applied', label ?? page);
}

/** The portal's own name for each page, for messages that tell the agent where something happened. */
export const PAGE_NAMES: Record<PageKind, { en: string; ko: string }> = {
  'customer-list': { en: 'Customers', ko: '고객' },
  'customer-account': { en: 'Account', ko: '계정' },
  subscriptions: { en: 'Subscriptions', ko: '구독' },
  'subscription-detail': { en: 'subscription details', ko: '구독 세부 정보' },
  'add-subscription': { en: 'Add subscription', ko: '구독 추가' },
  users: { en: 'Users and licenses', ko: '사용자 및 라이선스' },
  'manage-licenses': { en: 'Manage licenses', ko: '라이선스 관리' },
};
