import { describe, expect, it } from 'vitest';
import { parseRoute, routeLanguage } from './routes';

const T = '3C5A1F0E-1B2C-4D3E-8F90-A1B2C3D4E5F6';
const t = T.toLowerCase();
const S = '9f8e7d6c-5b4a-4321-9876-0fedcba98765';

describe('parseRoute', () => {
  const families = ['/dashboard/v2/customers', '/dashboard/commerce2/customers', '/commerce/customers'];
  const prefixes = ['', '/en-us', '/ko-kr', '/de-de'];
  const cases: Array<[string, string, string | null, string | null]> = [
    ['/list', 'customer-list', null, null],
    [`/${T}/account`, 'customer-account', t, null],
    [`/${T}/subscriptions`, 'subscriptions', t, null],
    [`/${T}/subscriptions/`, 'subscriptions', t, null],
    [`/${T}/subscriptions/add`, 'add-subscription', t, null],
    [`/${T}/subscriptions/${S}`, 'subscription-detail', t, S],
    [`/${T}/users`, 'users', t, null],
    [`/${T}/users/licenses?users=${S},${S.toUpperCase()},junk`, 'manage-licenses', t, null],
  ];
  for (const family of families) {
    for (const prefix of prefixes) {
      for (const [rest, page, tenant, sub] of cases) {
        it(`${prefix}${family}${rest} → ${page}`, () => {
          const route = parseRoute(`https://partner.microsoft.com${prefix}${family}${rest}`);
          expect(route?.page).toBe(page);
          expect(route?.tenantId).toBe(tenant);
          expect(route?.subscriptionId).toBe(sub);
          expect(route?.locale).toBe(prefix ? prefix.slice(1) : null);
          if (page === 'manage-licenses') expect(route?.userIds).toEqual([S, S]);
        });
      }
    }
  }

  it('recognises the older users path', () => {
    expect(parseRoute(`https://partner.microsoft.com/pcv/customers/${T}/users`)?.page).toBe('users');
  });

  it.each([
    'https://example.com/dashboard/v2/customers/list',
    'https://partner.microsoft.com/dashboard/home',
    `https://partner.microsoft.com/dashboard/v2/customers/not-a-guid/subscriptions`,
    `https://partner.microsoft.com/dashboard/v2/customers/${T}/billing`,
    'not a url',
  ])('ignores %s', (href) => {
    expect(parseRoute(href)).toBeNull();
  });
});

describe('routeLanguage', () => {
  it.each([
    ['ko-kr', 'ko'],
    ['KO-KR', 'ko'],
    ['en-us', 'en'],
    ['de-de', 'en'],
  ])('%s → %s', (locale, lang) => {
    const route = parseRoute(`https://partner.microsoft.com/${locale}/dashboard/v2/customers/list`);
    expect(route && routeLanguage(route)).toBe(lang);
  });
  it('has no opinion without a prefix', () => {
    const route = parseRoute('https://partner.microsoft.com/dashboard/v2/customers/list');
    expect(route && routeLanguage(route)).toBeNull();
  });
});
