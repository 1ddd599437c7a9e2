import { launchWithExtension } from '../tests/e2e/browser';
import { installPortal } from '../tests/portal/serve';
import { clickToPanel } from '../tests/bench/open-panel';
const ext = await launchWithExtension();
await ext.context.route('**/*', (route) => route.abort('blockedbyclient'));
const portal = await installPortal(ext.context, { now: new Date(), scenario: 'small-business-kaizala' });
const tenant = portal.sim.customerOf('small-business-kaizala')?.customer.id;
console.log(JSON.stringify(await clickToPanel(ext.context, portal.url(`/dashboard/v2/customers/${tenant}/subscriptions`), 5)));
await ext.close();
