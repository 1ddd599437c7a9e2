import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { lentPanelServices, offer, offered } from '../content/bridge';
import { customerBadges } from './badges';
import { worklistLink } from './worklist-link';

/**
 * The customer list's badges: injected by the background when the content script finds itself on
 * the customer list, so other portal pages do not carry them (see content/bridge.ts). They read
 * through the content script's own cache and budget. Runs once per page.
 */
export default defineUnlistedScript(() => {
  const services = lentPanelServices();
  if (!services || offered('customer-badges')) return;
  offer('customer-badges', {
    run: async (page) => {
      void worklistLink(page);
      await customerBadges(page, services.cache);
    },
  });
});
