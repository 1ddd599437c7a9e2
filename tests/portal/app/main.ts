// The simulated Partner Center SPA. Boot: move the session token into sessionStorage (where the live
// portal keeps it), define the custom elements, then render the page the URL names. Navigation is
// history.pushState (links intercepted, popstate handled); each page renders asynchronously after
// the URL changed, from the API.
import { Api } from './api.js';
import { readBoot, storeSession } from './boot.js';
import type { AppContext } from './context.js';
import { PcCustomerHeader } from './elements/customer-header.js';
import { PcDataGrid } from './elements/data-grid.js';
import { PcLeftNav } from './elements/left-nav.js';
import { PcPager } from './elements/pager.js';
import { PcPanel } from './elements/panel.js';
import { PcSearchBox } from './elements/search-box.js';
import { PcShell } from './elements/shell.js';
import { Labels } from './labels.js';
import { PcAccountPage } from './pages/account.js';
import { PcAddSubscriptionPage } from './pages/add-subscription.js';
import { PcCustomersPage } from './pages/customers.js';
import { PcLicensesPage } from './pages/licenses.js';
import { PcNotFoundPage } from './pages/not-found.js';
import type { PortalPage } from './pages/page.js';
import { PcSubscriptionPage } from './pages/subscription.js';
import { PcSubscriptionsPage } from './pages/subscriptions.js';
import { PcUsersPage } from './pages/users.js';
import { buildPath, parseLocation, type Route } from './router.js';

const ELEMENTS: Record<string, CustomElementConstructor> = {
  'pc-shell': PcShell,
  'pc-left-nav': PcLeftNav,
  'pc-customer-header': PcCustomerHeader,
  'pc-panel': PcPanel,
  'pc-data-grid': PcDataGrid,
  'pc-pager': PcPager,
  'pc-search-box': PcSearchBox,
  'pc-customers-page': PcCustomersPage,
  'pc-account-page': PcAccountPage,
  'pc-subscriptions-page': PcSubscriptionsPage,
  'pc-subscription-page': PcSubscriptionPage,
  'pc-add-subscription-page': PcAddSubscriptionPage,
  'pc-users-page': PcUsersPage,
  'pc-licenses-page': PcLicensesPage,
  'pc-not-found-page': PcNotFoundPage,
};

const boot = readBoot();
storeSession(boot.token);
for (const [name, ctor] of Object.entries(ELEMENTS)) if (!customElements.get(name)) customElements.define(name, ctor);

// The simulator's clock at load; pages add the time spent since, so computed dates follow the sim.
const loadedAt = Date.now();
const simNow = boot.now ? Date.parse(boot.now) : loadedAt;
const api = new Api(boot.apiBase);
const shell = document.createElement('pc-shell') as PcShell;
document.body.append(shell);

function navigate(path: string): void {
  history.pushState(null, '', path);
  scheduleRender();
}

function contextFor(): AppContext {
  const loc = parseLocation(location.pathname, location.search);
  return {
    loc,
    labels: new Labels(loc.language, loc.family, boot.labelOverrides),
    api,
    boot,
    go: (route) => navigate(buildPath(loc, route)),
    href: (route) => buildPath(loc, route),
    reload: () => scheduleRender(),
    now: () => new Date(simNow + (Date.now() - loadedAt)),
  };
}

function pageFor(ctx: AppContext): PortalPage {
  const route: Route = ctx.loc.route;
  const make = <T extends PortalPage>(tag: string): T => (document.createElement(tag) as T).init(ctx);
  switch (route.page) {
    case 'customers':
      return make<PcCustomersPage>('pc-customers-page');
    case 'account':
      return Object.assign(make<PcAccountPage>('pc-account-page'), { tenantId: route.tenantId });
    case 'subscriptions':
      return Object.assign(make<PcSubscriptionsPage>('pc-subscriptions-page'), { tenantId: route.tenantId });
    case 'subscription':
      return Object.assign(make<PcSubscriptionPage>('pc-subscription-page'), {
        tenantId: route.tenantId,
        subscriptionId: route.subscriptionId,
      });
    case 'add-subscription':
      return Object.assign(make<PcAddSubscriptionPage>('pc-add-subscription-page'), { tenantId: route.tenantId });
    case 'users':
      return Object.assign(make<PcUsersPage>('pc-users-page'), { tenantId: route.tenantId });
    case 'licenses':
      return Object.assign(make<PcLicensesPage>('pc-licenses-page'), {
        tenantId: route.tenantId,
        userIds: route.userIds,
      });
    case 'not-found':
      return make<PcNotFoundPage>('pc-not-found-page');
  }
}

let renderTimer: ReturnType<typeof setTimeout> | undefined;
/** Renders on the next task, as a router does after the URL changed: the URL always leads the DOM. */
function scheduleRender(): void {
  clearTimeout(renderTimer);
  renderTimer = setTimeout(render, 0);
}

function render(): void {
  const ctx = contextFor();
  document.documentElement.lang = ctx.loc.locale;
  shell.show(ctx, pageFor(ctx));
}

// The portal's links (inside its shadow roots) navigate without a reload.
document.addEventListener('click', (event) => {
  if (
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey
  ) {
    return;
  }
  const path = event.composedPath();
  // Only the portal's own links: a link some other script put on the page is left to the browser.
  if (!path.includes(shell)) return;
  const anchor = path.find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement && !!n.href);
  if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
  const url = new URL(anchor.href);
  if (url.origin !== location.origin) return;
  event.preventDefault();
  navigate(url.pathname + url.search + url.hash);
});
window.addEventListener('popstate', scheduleRender);

render();
