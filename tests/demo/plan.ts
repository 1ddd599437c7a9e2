/**
 * What the headless demo photographs, as data (no browser here, so plan.test.ts checks it cheaply):
 * the main pages of the demo's saved state, then, on a fresh simulator and profile, the Korean
 * customer list, subscription detail pages and the Migrate panel before step A and after each step,
 * in English and in Korean. run.ts and capture.ts take the shots; DOCS_SHOTS are the README's.
 */
export type Lang = 'en' | 'ko';

/** The portal's path prefix for each language: Korean pages live under /ko-kr/. */
export const LOCALE: Record<Lang, string> = { en: '', ko: '/ko-kr' };

export type PageKind = 'customer-list' | 'subscriptions' | 'users' | 'subscription-detail';

export interface PageShot {
  kind: 'page';
  name: string;
  page: PageKind;
  lang: Lang;
  /** The seeded customer whose page it is (every page but the customer list). */
  scenario?: string;
  /** The whole page, not just the 1280 × 800 viewport. */
  fullPage?: boolean;
}

/** Before step A, and once each step is done. */
export const MOMENTS = ['before-a', 'after-a', 'after-b', 'after-c'] as const;
export type Moment = (typeof MOMENTS)[number];

export interface PanelShot {
  kind: 'panel';
  name: string;
  lang: Lang;
  /** The seeded customer with a retiring subscription whose migration the panel runs. */
  scenario: string;
  moment: Moment;
}

export type Shot = PageShot | PanelShot;

export const VIEWPORT = { width: 1280, height: 800 };

/** The customer each language's Migrate panel migrates. */
export const MIGRATING: Record<Lang, string> = { en: 'small-business-kaizala', ko: 'korean-customer' };

/** On the demo's saved state (.demo/state.json): what the agent left there. */
export const SAVED_STATE_SHOTS: PageShot[] = [
  { kind: 'page', name: 'customer-list', page: 'customer-list', lang: 'en', fullPage: true },
  { kind: 'page', name: 'subscriptions-en', page: 'subscriptions', lang: 'en', scenario: MIGRATING.en, fullPage: true },
  { kind: 'page', name: 'users-en', page: 'users', lang: 'en', scenario: MIGRATING.en, fullPage: true },
  { kind: 'page', name: 'subscriptions-ko', page: 'subscriptions', lang: 'ko', scenario: MIGRATING.ko, fullPage: true },
  {
    kind: 'page',
    name: 'subscriptions-dynamics',
    page: 'subscriptions',
    lang: 'en',
    scenario: 'dynamics-sales-crmol-basic',
    fullPage: true,
  },
];

const panelShots = (lang: Lang): PanelShot[] =>
  MOMENTS.map((moment) => ({ kind: 'panel', name: `panel-${lang}-${moment}`, lang, scenario: MIGRATING[lang], moment }));

/**
 * On a fresh simulator and browser profile, in this order: the pages first (their badges and
 * banners show the retirements before any migration), then each language's migration step by step.
 */
export const FRESH_SHOTS: Shot[] = [
  { kind: 'page', name: 'customer-list-ko', page: 'customer-list', lang: 'ko' },
  { kind: 'page', name: 'detail-en', page: 'subscription-detail', lang: 'en', scenario: MIGRATING.en },
  { kind: 'page', name: 'detail-ko', page: 'subscription-detail', lang: 'ko', scenario: MIGRATING.ko },
  ...panelShots('en'),
  ...panelShots('ko'),
];

/** The shots the README shows, copied to docs/screenshots/ by `--update-docs`. */
export const DOCS_SHOTS = ['panel-en-after-a', 'customer-list-ko'] as const;
export const DOCS_DIR = 'docs/screenshots';

/** The portal path a page shot opens (the v2 family, the language's locale prefix). */
export function pagePath(shot: PageShot, tenantId?: string, subscriptionId?: string): string {
  const customers = `${LOCALE[shot.lang]}/dashboard/v2/customers`;
  switch (shot.page) {
    case 'customer-list':
      return `${customers}/list`;
    case 'subscriptions':
      return `${customers}/${tenantId}/subscriptions`;
    case 'users':
      return `${customers}/${tenantId}/users`;
    case 'subscription-detail':
      return `${customers}/${tenantId}/subscriptions/${subscriptionId}`;
  }
}
