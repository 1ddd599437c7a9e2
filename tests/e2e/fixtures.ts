import { test as base } from '@playwright/test';
import { type ExtensionBrowser, launchWithExtension } from './browser';

/** A test with the production extension loaded, and every request outside the portal and its API refused. */
export const test = base.extend<{ ext: ExtensionBrowser }>({
  // Playwright reads fixture dependencies from this destructuring pattern, so it must be present.
  // eslint-disable-next-line no-empty-pattern
  ext: async ({}, use) => {
    const ext = await launchWithExtension();
    await ext.context.route(
      (url) => !/^https:\/\/(partner\.microsoft\.com|api\.partnercenter\.microsoft\.com)\//.test(url.href),
      (route) => route.abort('blockedbyclient'),
    );
    await use(ext);
    await ext.close();
  },
});

export { expect } from '@playwright/test';
