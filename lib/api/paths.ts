/**
 * Request paths relative to the API base (/v1). Ids come from the page URL and from API data, so
 * each is checked before it becomes a path segment: a value such as ".." or "a/b" would otherwise
 * point the authorised request at another endpoint.
 */

/** GUIDs, and the few non-GUID ids the API uses (offer "MS-AZR-0145P"): letters, digits, - _ . : */
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const COUNTRY = /^[A-Za-z]{2}$/;

/** Page sizes. The portal itself asks for 300 customers; users pages are larger to cut round trips. */
export const CUSTOMERS_PAGE_SIZE = 300;
export const USERS_PAGE_SIZE = 500;

export function isSafeSegment(value: string): boolean {
  return SEGMENT.test(value);
}

export function isCountry(value: string): boolean {
  return COUNTRY.test(value);
}

/** `/customers/{customerId}/...rest` (rest already checked or literal); null when the customer id is unsafe. */
export function customerPath(customerId: string, ...rest: string[]): string | null {
  if (!isSafeSegment(customerId)) return null;
  return ['/customers', customerId, ...rest].join('/');
}

export const paths = {
  customers: () => `/customers?size=${CUSTOMERS_PAGE_SIZE}`,
  customer: (customerId: string) => customerPath(customerId),
  qualifications: (customerId: string) => customerPath(customerId, 'qualifications'),
  subscriptions: (customerId: string) => customerPath(customerId, 'subscriptions'),
  subscription: (customerId: string, subscriptionId: string) =>
    isSafeSegment(subscriptionId) ? customerPath(customerId, 'subscriptions', subscriptionId) : null,
  offers: (country: string) => (isCountry(country) ? `/offers?country=${country.toUpperCase()}` : null),
  users: (customerId: string) => {
    const base = customerPath(customerId, 'users');
    return base && `${base}?size=${USERS_PAGE_SIZE}`;
  },
  userLicenses: (customerId: string, userId: string) =>
    isSafeSegment(userId) ? customerPath(customerId, 'users', userId, 'licenses') : null,
  subscribedSkus: (customerId: string) => customerPath(customerId, 'subscribedskus'),
  orders: (customerId: string) => customerPath(customerId, 'orders'),
  order: (customerId: string, orderId: string) =>
    isSafeSegment(orderId) ? customerPath(customerId, 'orders', orderId) : null,
};

/** What the error for a refused argument names as its path: the endpoint's shape, not the bad value. */
export const templates = {
  customer: '/customers/{customerId}',
  qualifications: '/customers/{customerId}/qualifications',
  subscriptions: '/customers/{customerId}/subscriptions',
  subscription: '/customers/{customerId}/subscriptions/{subscriptionId}',
  offers: '/offers?country={country}',
  users: '/customers/{customerId}/users',
  userLicenses: '/customers/{customerId}/users/{userId}/licenses',
  subscribedSkus: '/customers/{customerId}/subscribedskus',
  orders: '/customers/{customerId}/orders',
  order: '/customers/{customerId}/orders/{orderId}',
} as const;
