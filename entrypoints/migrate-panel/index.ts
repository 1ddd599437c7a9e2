import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { lentPanelServices, offer, offered } from '../content/bridge';
import { MigratePanels } from './panels';

/**
 * The Migrate panel, its migration runner and the portal's write pages: injected by the background
 * into a portal tab only when the agent opens a panel there (or one must be resumed), so the script
 * every portal page loads stays small (see content/bridge.ts). Runs once per page: a second
 * injection finds the panels offered and leaves them be.
 */
export default defineUnlistedScript(() => {
  const services = lentPanelServices();
  if (!services || offered('migrate-panel')) return;
  offer('migrate-panel', new MigratePanels(services));
});
