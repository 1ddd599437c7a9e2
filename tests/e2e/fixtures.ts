import { test as base, type Page } from '@playwright/test';
import { type InstalledPortal, installPortal, type PortalOptions } from '../portal/serve';
import { type ExtensionBrowser, launchWithExtension } from './browser';

export interface PortalPage {
  portal: InstalledPortal;
  page: Page;
}

/**
 * A test with the production extension loaded, every request not served by the test refused, and
 * `openPortal` to serve the simulated Partner Center at its real addresses.
 */
export const test = base.extend<{ ext: ExtensionBrowser; openPortal: (options?: PortalOptions) => Promise<PortalPage> }>(
  {
    // Playwright reads fixture dependencies from this destructuring pattern, so it must be present.
    // eslint-disable-next-line no-empty-pattern
    ext: async ({}, use) => {
      const ext = await launchWithExtension();
      // Nothing reaches the network: routes added later (a test's page, the simulated portal) take
      // precedence over this catch-all, which refuses everything else.
      await ext.context.route('**/*', (route) => route.abort('blockedbyclient'));
      await use(ext);
      await ext.close();
    },
    openPortal: async ({ ext }, use) => {
      await use(async (options = {}) => {
        // The simulated clock follows the real one, so "days left" agrees with the extension's today.
        const portal = await installPortal(ext.context, { now: new Date(), skeletonDelayMs: 300, ...options });
        const page = await ext.context.newPage();
        return { portal, page };
      });
    },
  },
);

export { expect } from '@playwright/test';
