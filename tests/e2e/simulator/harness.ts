// Test harness for the simulated portal itself: one headless Chromium per worker, a fresh context per
// test with the portal installed, and a way to read the simulator's API directly for verification.
import { type Browser, type BrowserContext, chromium, type Page, test as base } from '@playwright/test';
import { type InstalledPortal, installPortal, type PortalOptions } from '../../portal/serve';
import { chromiumPath } from '../browser';

export interface OpenPortal {
  context: BrowserContext;
  page: Page;
  portal: InstalledPortal;
}

export const test = base.extend<{ open: (options?: PortalOptions) => Promise<OpenPortal> }, { simBrowser: Browser }>({
  simBrowser: [
    // Playwright reads fixture dependencies from this pattern; this fixture has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const browser = await chromium.launch({
        executablePath: chromiumPath(),
        headless: true,
        args: [
          '--disable-gpu',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--disable-quic',
        ],
      });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  open: async ({ simBrowser }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (options = {}) => {
      const context = await simBrowser.newContext({ locale: 'en-US', timezoneId: 'UTC' });
      contexts.push(context);
      // Nothing outside the portal and its API may be reached (as in the extension's fixtures).
      await context.route(
        (url) => !/^https:\/\/(partner\.microsoft\.com|api\.partnercenter\.microsoft\.com)\//.test(url.href),
        (route) => route.abort('blockedbyclient'),
      );
      const portal = await installPortal(context, { skeletonDelayMs: 150, ...options });
      const page = await context.newPage();
      return { context, page, portal };
    });
    for (const context of contexts) await context.close();
  },
});

export { expect } from '@playwright/test';

/** Reads the simulated API directly (the verification side of a test, not through the page). */
export async function apiGet<T>(portal: InstalledPortal, path: string): Promise<T> {
  const response = await portal.sim.handle({
    method: 'GET',
    url: `https://api.partnercenter.microsoft.com/v1${path}`,
    headers: { authorization: `Bearer ${portal.sim.token}`, accept: 'application/json' },
    body: null,
  });
  if (response.status >= 400) throw new Error(`GET ${path}: ${response.status} ${response.body}`);
  return JSON.parse(response.body) as T;
}

/** Writes through the simulated API directly (arranging a test's starting point). */
export async function apiSend<T>(portal: InstalledPortal, method: string, path: string, body: unknown): Promise<T> {
  const response = await portal.sim.handle({
    method,
    url: `https://api.partnercenter.microsoft.com/v1${path}`,
    headers: {
      authorization: `Bearer ${portal.sim.token}`,
      accept: 'application/json',
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  if (response.status >= 400) throw new Error(`${method} ${path}: ${response.status} ${response.body}`);
  return JSON.parse(response.body) as T;
}

export interface Collection<T> {
  items: T[];
  links?: { next?: { uri: string; headers: Array<{ key: string; value: string }> } };
}

/** Every item of a collection, following continuation links. */
export async function apiAll<T>(portal: InstalledPortal, path: string): Promise<T[]> {
  const items: T[] = [];
  let page = await apiGet<Collection<T>>(portal, path);
  items.push(...page.items);
  while (page.links?.next) {
    const next = page.links.next;
    const headers: Record<string, string> = { authorization: `Bearer ${portal.sim.token}`, accept: 'application/json' };
    for (const h of next.headers) headers[h.key] = h.value;
    const response = await portal.sim.handle({
      method: 'GET',
      url: `https://api.partnercenter.microsoft.com/v1${next.uri.startsWith('/') ? next.uri : `/${next.uri}`}`,
      headers,
      body: null,
    });
    page = JSON.parse(response.body) as Collection<T>;
    items.push(...page.items);
  }
  return items;
}

/** How many open shadow roots lie between the document and the first element matching `selector`. */
export function shadowDepthOf(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    const walk = (root: Document | ShadowRoot, depth: number): number => {
      if (root.querySelector(sel)) return depth;
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) {
          const found = walk(el.shadowRoot, depth + 1);
          if (found >= 0) return found;
        }
      }
      return -1;
    };
    return walk(document, 0);
  }, selector);
}
