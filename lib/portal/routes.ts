/**
 * Partner Center's URL routes: the one place that knows them (contract §1 "Routes").
 * Three path families have been live (v2, commerce2, commerce) and any of them may carry a locale
 * prefix such as /en-us/ or /ko-kr/. Ids are GUIDs in any case; we hand them on in lower case.
 */

export type PageKind =
  | 'customer-list'
  | 'customer-account'
  | 'subscriptions'
  | 'subscription-detail'
  | 'add-subscription'
  | 'users'
  | 'manage-licenses';

export interface PortalRoute {
  page: PageKind;
  /** The locale prefix as written in the path ("ko-kr"), or null where the path has none. */
  locale: string | null;
  tenantId: string | null;
  subscriptionId: string | null;
  /** Selected user ids on the manage-licenses page. */
  userIds: string[];
}

export const PORTAL_ORIGIN = 'https://partner.microsoft.com';

/** Every portal page, as a tab query's URL pattern (the background finds the agent's portal tabs). */
export const PORTAL_TABS = `${PORTAL_ORIGIN}/*`;

/**
 * A customer's subscriptions page (the first family; the portal redirects the others), in the
 * agent's locale when known, for opening a customer of the worklist in a portal tab.
 */
export function customerSubscriptionsUrl(tenantId: string, locale: string | null = null): string {
  return `${PORTAL_ORIGIN}${locale ? `/${locale}` : ''}/dashboard/v2/customers/${encodeURIComponent(tenantId)}/subscriptions`;
}

const GUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const LOCALE = /^\/([a-z]{2}(?:-[a-z]{2,4})?)(?=\/)/i;
/** The customer area of each path family, without the locale prefix. */
const FAMILIES = ['/dashboard/v2/customers', '/dashboard/commerce2/customers', '/commerce/customers', '/pcv/customers'];

const PAGES: ReadonlyArray<[RegExp, PageKind]> = [
  [/^\/list\/?$/i, 'customer-list'],
  [/^\/?$/, 'customer-list'],
  [new RegExp(`^/(${GUID})/account/?$`, 'i'), 'customer-account'],
  [new RegExp(`^/(${GUID})/subscriptions/?$`, 'i'), 'subscriptions'],
  [new RegExp(`^/(${GUID})/subscriptions/add/?$`, 'i'), 'add-subscription'],
  [new RegExp(`^/(${GUID})/subscriptions/(${GUID})/?$`, 'i'), 'subscription-detail'],
  [new RegExp(`^/(${GUID})/users/?$`, 'i'), 'users'],
  [new RegExp(`^/(${GUID})/users/licenses/?$`, 'i'), 'manage-licenses'],
];

/** Recognises a portal URL; null for any page the extension does not serve. */
export function parseRoute(href: string): PortalRoute | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.origin !== PORTAL_ORIGIN) return null;
  let path = url.pathname;
  const localeMatch = LOCALE.exec(path);
  let locale: string | null = null;
  if (localeMatch?.[1]) {
    locale = localeMatch[1].toLowerCase();
    path = path.slice(localeMatch[0].length);
  }
  const family = FAMILIES.find((f) => path.toLowerCase().startsWith(f));
  if (!family) return null;
  const rest = path.slice(family.length);
  for (const [pattern, page] of PAGES) {
    const m = pattern.exec(rest);
    if (!m) continue;
    const userIds =
      page === 'manage-licenses'
        ? (url.searchParams.get('users') ?? '')
            .split(',')
            .map((s) => s.trim().toLowerCase())
            .filter((s) => new RegExp(`^${GUID}$`, 'i').test(s))
        : [];
    return {
      page,
      locale,
      tenantId: m[1]?.toLowerCase() ?? null,
      subscriptionId: m[2]?.toLowerCase() ?? null,
      userIds,
    };
  }
  return null;
}

/** The portal language a locale prefix implies: Korean for ko-*, English otherwise. */
export function routeLanguage(route: Pick<PortalRoute, 'locale'>): 'ko' | 'en' | null {
  if (!route.locale) return null;
  return route.locale.startsWith('ko') ? 'ko' : 'en';
}
