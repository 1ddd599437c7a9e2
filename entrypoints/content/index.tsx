import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser } from 'wxt/browser';
import { PageNotice } from '@/components/PageNotice';
import { pickLanguage, t } from '@/lib/i18n/overlay';
import type { RetiringItem } from '@/lib/overlay/assess';
import { parseRoute, routeLanguage } from '@/lib/portal/routes';
import { FEATURES } from './features/registry';
import { createIsland } from './host';
import { lendPanelServices, offered } from './bridge';
import { lazyScript } from './lazy';
import { answerTokenRequests, cache, client } from './session';
import type { PageContext } from './page';
import { loadRetiring } from './retiring';

export default defineContentScript({
  matches: ['https://partner.microsoft.com/*'],
  // Our CSS is inlined into each shadow root: no stylesheet is exposed to the page as a web-accessible resource.
  cssInjectionMode: 'manual',
  main(ctx) {
    // Before anything else: the page must not be able to switch us off (see the function).
    refuseForgedScriptStarted();
    answerTokenRequests();
    let page: AbortController | null = null;
    // After a step, the page starts over from fresh reads (the runner dropped this customer's cache).
    // The customer's products, read from the agent's click on Migrate while the panel's script loads.
    let skusRead: { tenantId: string; read: ReturnType<typeof client.listSubscribedSkus> } | null = null;
    lendPanelServices({
      client,
      cache,
      onStepEnd: () => boot(location.href),
      takeSkus(tenantId) {
        const taken = skusRead;
        skusRead = null;
        return taken?.tenantId === tenantId ? taken.read : null;
      },
    });
    const loadPanels = lazyScript('migrate-panel');
    const loadAssess = lazyScript('assess');

    // The portal is a single-page app: every URL change aborts the old page's work and removes its UI.
    const boot = (href: string) => {
      page?.abort();
      const abort = new AbortController();
      page = abort;
      const route = parseRoute(href);
      if (!route) return;
      const lang = pickLanguage(routeLanguage(route), document.documentElement.lang, navigator.language);
      let noticeShown = false;
      let retiring: Promise<RetiringItem[] | null> | null = null;
      const pageCtx: PageContext = {
        route,
        lang,
        signal: abort.signal,
        async panels() {
          const panels = await loadPanels();
          if (!panels) pageCtx.notify(t(lang, 'loadFailed'));
          return panels;
        },
        preparePanels: () => void loadPanels(),
        async openPanel(item) {
          if (route.tenantId) skusRead = { tenantId: route.tenantId, read: client.listSubscribedSkus(route.tenantId) };
          await (await pageCtx.panels())?.show(item, lang);
        },
        notify(text) {
          if (noticeShown || abort.signal.aborted) return;
          noticeShown = true;
          const notice = createIsland('notice', <PageNotice lang={lang} text={text} />, (host) =>
            document.body.append(host),
          );
          abort.signal.addEventListener('abort', () => notice.remove());
        },
        retiring() {
          const tenantId = route.tenantId;
          retiring ??= tenantId ? loadRetiring(pageCtx, tenantId, loadAssess) : Promise.resolve(null);
          return retiring;
        },
      };
      offered('migrate-panel')?.closeUnlessFor(route.tenantId);
      // A feature that fails must not take the others, or the page, down with it.
      for (const feature of FEATURES) {
        if (feature.include(route)) feature.init(pageCtx).catch(() => undefined);
      }
    };

    // Only WXT's own location watcher (in this world) gives the event a URL; one the page forges has none.
    ctx.addEventListener(window, 'wxt:locationchange', (event) => {
      if (event.newUrl instanceof URL) boot(event.newUrl.href);
    });
    ctx.onInvalidated(() => page?.abort());
    // In a task of its own: evaluating this script and starting the page's features would otherwise
    // make one long task of the portal's load.
    setTimeout(() => boot(location.href), 0);
  },
});

/**
 * WXT's ContentScriptContext switches a content script off (aborts its signal: our UI goes, and it
 * stops following the portal's navigation) when a newer copy of the same script announces itself:
 * a CustomEvent named `${runtime id}:content:wxt:content-script-started`, dispatched on `document`,
 * whose detail names this script with another message id (older WXT versions listened for the same
 * announcement as a window message). The portal's own scripts share that document and can dispatch
 * exactly that, so a page could stop the overlay silently.
 *
 * A genuine newer copy of this script only ever starts once this copy's extension context has died
 * (the extension was updated, reloaded or disabled): then `browser.runtime.id` is gone here, we let
 * the announcement through and WXT's own check rightly stops this copy. While this extension is
 * alive, the announcement can only be forged: a capturing listener on `window` runs before WXT's
 * listener on `document` and stops it there.
 */
function refuseForgedScriptStarted(): void {
  // As WXT names it (getUniqueEventName): extension id, entrypoint name (this file is `content`), event.
  const type = `${browser.runtime.id}:content:wxt:content-script-started`;
  const alive = () => browser.runtime?.id != null;
  window.addEventListener(
    type,
    (event) => {
      if (alive()) event.stopImmediatePropagation();
    },
    { capture: true },
  );
  window.addEventListener(
    'message',
    (event: MessageEvent<unknown>) => {
      const data = event.data;
      if (alive() && typeof data === 'object' && data !== null && (data as { type?: unknown }).type === type) {
        event.stopImmediatePropagation();
      }
    },
    { capture: true },
  );
}
