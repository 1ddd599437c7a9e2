import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { builtInCatalog } from '@/lib/catalog';
import { assessReads } from '@/lib/overlay/assess-reads';
import { offer, offered } from '../content/bridge';

/**
 * The replacement picker and the full catalog (plans, offers, the guides' steps): injected by the
 * background once a customer page shows a retiring subscription, so pages without one never load
 * them (see content/bridge.ts). Runs once per page.
 */
export default defineUnlistedScript(() => {
  if (offered('assess')) return;
  offer('assess', { assess: (reads, today) => assessReads(builtInCatalog, reads, today) });
});
