import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Host access is limited to the portal (content script) and its API (reads from the session).
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: 'Partner Center Migration Assistant',
    description:
      'Flags retiring Partner Center subscriptions and migrates customers to their replacement, one click per step.',
    permissions: [],
    host_permissions: ['https://partner.microsoft.com/*', 'https://api.partnercenter.microsoft.com/*'],
    // Firefox keeps an extension's IndexedDB only for a stable add-on id.
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'partner-center-migration-assistant@partners.invalid' } } }
      : {}),
  }),
});
