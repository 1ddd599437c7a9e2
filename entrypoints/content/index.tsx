import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { type StatusState, StatusChip } from '@/components/StatusChip';
import statusCss from '@/components/status-chip.css?inline';
import { pickLanguage } from '@/lib/i18n';
import { parseRoute, routeLanguage } from '@/lib/portal/routes';
import { askStore } from '@/lib/store/client';

export default defineContentScript({
  matches: ['https://partner.microsoft.com/*'],
  // Our CSS is inlined into the shadow root: no stylesheet is exposed to the page as a web-accessible resource.
  cssInjectionMode: 'manual',
  main(ctx) {
    let page: AbortController | null = null;

    // The portal is a single-page app: every URL change aborts the old page's work and removes its UI.
    const boot = async (href: string) => {
      page?.abort();
      const abort = new AbortController();
      page = abort;
      const route = parseRoute(href);
      if (!route?.tenantId) return;
      const lang = pickLanguage(routeLanguage(route), document.documentElement.lang, navigator.language);
      const ui = await mountShadowUi(ctx);
      if (abort.signal.aborted) return ui.remove();
      abort.signal.addEventListener('abort', () => ui.remove());
      const show = (state: StatusState) => {
        if (!abort.signal.aborted) render(<StatusChip lang={lang} state={state} />, ui.uiContainer);
      };
      show({ kind: 'loading' });
      const answer = await askStore((m) => browser.runtime.sendMessage(m), {
        type: 'customer.visit',
        tenantId: route.tenantId,
        page: route.page,
      });
      show(answer.ok && answer.customer ? { kind: 'ready', visit: answer.customer } : { kind: 'store-failed' });
    };

    ctx.addEventListener(window, 'wxt:locationchange', (event) => void boot(event.newUrl.href));
    ctx.onInvalidated(() => page?.abort());
    void boot(location.href);
  },
});

/** Our UI lives in its own shadow root, so the portal's CSS and ours never mix. */
async function mountShadowUi(ctx: ContentScriptContext): Promise<ShadowRootContentScriptUi<HTMLElement>> {
  const ui = await createShadowRootUi(ctx, {
    name: 'pcma-status',
    css: statusCss,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    onMount: (container) => container,
    // Unmount Preact before the host goes, so its effects and listeners end with it.
    onRemove: (container) => container && render(null, container),
  });
  ui.mount();
  return ui;
}
