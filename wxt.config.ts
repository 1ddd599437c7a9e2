import preact from '@preact/preset-vite';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { retiredOffers } from './scripts/retired-offers.mjs';

/**
 * What git ignores (reports/, test-results/, .demo/, *.log …) as globs for the sources zip, read from
 * .gitignore so the two cannot drift apart. As in git, a pattern with a slash at its start or in its
 * middle is anchored at the root and any other matches at any depth; negations (`!`) are left out,
 * which can only exclude more. No .gitignore (a build from the sources zip itself, which carries no
 * dot files): nothing to add.
 */
function gitIgnored(): string[] {
  const file = fileURLToPath(new URL('.gitignore', import.meta.url));
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#') && !line.startsWith('!'))
    .flatMap((line) => {
      const path = line.replace(/^\//, '').replace(/\/$/, '');
      const glob = line.replace(/\/$/, '').includes('/') ? path : `**/${path}`;
      return [glob, `${glob}/**`];
    });
}

// Host access is limited to the portal (content script) and its API (reads from the session).
/**
 * `npm run bench` makes a second build with source maps, into its own folder, to say what each module
 * contributes to the content script; the build that ships (and that the bench measures) has none.
 */
const withSourceMaps = process.env.PCMA_SOURCE_MAPS === '1';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // No auto-imports: WXT's scan of components/ and its globals injected imports by name wherever a
  // name looked unbound (a parameter named `storage` pulled @wxt-dev/storage into the content
  // script, names like `pick` pulled the unit tests' fixtures into the panel's script). Every
  // module imports what it uses.
  imports: false,
  ...(withSourceMaps ? { outDir: '.output-maps' } : {}),
  vite: () => ({
    plugins: [preact(), retiredOffers()],
    ...(withSourceMaps ? { build: { sourcemap: true } } : {}),
  }),
  // The sources zip (`npm run zip`, for Firefox's review) holds what a clone holds: WXT already leaves
  // out node_modules, .output, dot files and *.test/*.spec files; git-ignored output such as
  // reports/ and test-results/ goes too.
  zip: {
    excludeSources: gitIgnored(),
  },
  manifest: ({ browser }) => ({
    name: 'Partner Center Migration Assistant',
    description:
      'Flags retiring Partner Center subscriptions and migrates customers to their replacement, one click per step.',
    // scripting: the Migrate panel's script is injected only into the portal tab that opens a panel.
    permissions: ['scripting'],
    // The toolbar button opens the worklist (the side panel; Firefox's sidebar has its own button).
    action: { default_title: 'Partner Center worklist' },
    host_permissions: ['https://partner.microsoft.com/*', 'https://api.partnercenter.microsoft.com/*'],
    // Firefox keeps an extension's IndexedDB only for a stable add-on id. Firefox's built-in data
    // consent: the extension collects and transmits nothing; it only calls Partner Center itself,
    // with the agent's own session, and keeps its record in the browser.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'partner-center-migration-assistant@partners.invalid',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
