// The portal's routes (contract section 1): three path families, each with an optional locale
// prefix. This is the portal's own parser, not the extension's.
import type { Family, Language } from './labels.js';

export type Route =
  | { page: 'customers' }
  | { page: 'account'; tenantId: string }
  | { page: 'subscriptions'; tenantId: string }
  | { page: 'add-subscription'; tenantId: string }
  | { page: 'subscription'; tenantId: string; subscriptionId: string }
  | { page: 'users'; tenantId: string }
  | { page: 'licenses'; tenantId: string; userIds: string[] }
  | { page: 'not-found' };

export interface Location {
  /** The locale prefix as written in the path (`ko-kr`), or null without one. */
  localePrefix: string | null;
  family: Family;
  language: Language;
  /** The `<html lang>` and date locale: ko-KR for Korean, else the English prefix or en-US. */
  locale: string;
  route: Route;
}

const FAMILY_BASE: Record<Family, string> = {
  v2: '/dashboard/v2/customers',
  commerce2: '/dashboard/commerce2/customers',
  commerce: '/commerce/customers',
};

const PATH =
  /^(?:\/([a-z]{2}-[a-z]{2,4}))?(\/dashboard\/v2\/customers|\/dashboard\/commerce2\/customers|\/commerce\/customers)(\/.*)?$/i;
const LOCALE_ONLY = /^(?:\/([a-z]{2}-[a-z]{2,4}))?\/?$/i;

export function parseLocation(pathname: string, search: string): Location {
  const path = pathname.replace(/\/+$/, '') || '/';
  const match = PATH.exec(path);
  const prefix = match ? (match[1] ?? null) : (LOCALE_ONLY.exec(path)?.[1] ?? null);
  const localePrefix = prefix ? prefix.toLowerCase() : null;
  const language: Language = localePrefix?.startsWith('ko-') ? 'ko' : 'en';
  const locale =
    language === 'ko'
      ? 'ko-KR'
      : localePrefix?.startsWith('en-')
        ? `en-${localePrefix.slice(3).toUpperCase()}`
        : 'en-US';
  if (!match) {
    // The portal's home (`/` or `/en-us/`) opens on the customer list, as the dashboard link would.
    const route: Route = LOCALE_ONLY.test(path) ? { page: 'customers' } : { page: 'not-found' };
    return { localePrefix, family: 'v2', language, locale, route };
  }
  const base = (match[2] ?? '').toLowerCase();
  const family: Family =
    base === FAMILY_BASE.commerce2 ? 'commerce2' : base === FAMILY_BASE.commerce ? 'commerce' : 'v2';
  return { localePrefix, family, language, locale, route: parseRest(match[3] ?? '', search) };
}

// Tenant ids are GUIDs in the contract; any plain segment is accepted so a scenario's ids never 404.
const ID = /^[\w.-]+$/;

function parseRest(rest: string, search: string): Route {
  const parts = rest.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, third, fourth] = parts;
  if (parts.length === 0 || (parts.length === 1 && first?.toLowerCase() === 'list')) return { page: 'customers' };
  if (!first || !ID.test(first)) return { page: 'not-found' };
  const tenantId = first;
  const section = second?.toLowerCase();
  if (parts.length === 1 || (parts.length === 2 && section === 'account')) return { page: 'account', tenantId };
  if (section === 'subscriptions') {
    if (parts.length === 2) return { page: 'subscriptions', tenantId };
    if (parts.length === 3 && third?.toLowerCase() === 'add') return { page: 'add-subscription', tenantId };
    if (parts.length === 3 && third) return { page: 'subscription', tenantId, subscriptionId: third };
  }
  if (section === 'users') {
    if (parts.length === 2) return { page: 'users', tenantId };
    if (parts.length === 3 && third?.toLowerCase() === 'licenses' && !fourth) {
      const users = new URLSearchParams(search).get('users') ?? '';
      return { page: 'licenses', tenantId, userIds: users.split(',').filter(Boolean) };
    }
  }
  return { page: 'not-found' };
}

/** Builds a path in the current family and locale, so in-page links keep the page's own style. */
export function buildPath(
  loc: Pick<Location, 'localePrefix' | 'family'>,
  route: Exclude<Route, { page: 'not-found' }>,
): string {
  const prefix = loc.localePrefix ? `/${loc.localePrefix}` : '';
  const base = `${prefix}${FAMILY_BASE[loc.family]}`;
  switch (route.page) {
    case 'customers':
      return `${base}/list`;
    case 'account':
      return `${base}/${route.tenantId}/account`;
    case 'subscriptions':
      return `${base}/${route.tenantId}/subscriptions`;
    case 'add-subscription':
      return `${base}/${route.tenantId}/subscriptions/add`;
    case 'subscription':
      return `${base}/${route.tenantId}/subscriptions/${route.subscriptionId}`;
    case 'users':
      return `${base}/${route.tenantId}/users`;
    case 'licenses':
      return `${base}/${route.tenantId}/users/licenses?users=${route.userIds.join(',')}`;
  }
}
