// Base of every page element: an open shadow root, the app context, and an AbortSignal that fires
// when the page is navigated away from, so late responses never paint a page that is gone.
import type { AppContext } from '../context.js';
import { errorText, isAbort, t } from '../context.js';
import { BASE_CSS, h, sleep, style } from '../dom.js';
import type { PcCustomerHeader } from '../elements/customer-header.js';
import type { PcPanel } from '../elements/panel.js';

export abstract class PortalPage extends HTMLElement {
  protected ctx!: AppContext;
  protected readonly root: ShadowRoot;
  private readonly controller = new AbortController();
  private started = false;

  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
  }

  init(ctx: AppContext): this {
    this.ctx = ctx;
    return this;
  }

  protected get signal(): AbortSignal {
    return this.controller.signal;
  }

  connectedCallback(): void {
    if (this.started) return;
    this.started = true;
    this.root.append(style(`${BASE_CSS} h1 { font-size: 24px; font-weight: 600; margin: 8px 0; }`));
    this.run().catch((error: unknown) => {
      if (isAbort(error)) return;
      // A failed load says why and offers to load again, as the live portal's error banners do.
      const retry = h('button', { type: 'button' }, this.t('Try again'));
      retry.addEventListener('click', () => this.ctx.reload());
      this.root.append(this.alertFor(error), retry);
    });
  }

  disconnectedCallback(): void {
    this.controller.abort();
  }

  protected abstract run(): Promise<void>;

  protected t: AppContext['labels']['t'] = (key, values) => t(this.ctx, key, values);

  /** The skeleton's minimum life, started together with the page's requests. */
  protected skeletonDelay(): Promise<void> {
    return sleep(this.ctx.boot.skeletonDelayMs, this.signal);
  }

  protected panel(title: string, visibleTitle = true): PcPanel {
    const panel = document.createElement('pc-panel') as PcPanel;
    panel.setTitle(title, visibleTitle);
    return panel;
  }

  protected customerHeader(tenantId: string, current: 'account' | 'subscriptions' | 'users' | null): PcCustomerHeader {
    const header = document.createElement('pc-customer-header') as PcCustomerHeader;
    void header.render(this.ctx, tenantId, current, this.signal);
    return header;
  }

  /** An error said plainly, in the API's own words (no code or HTTP status: see errorText). */
  protected alertFor(error: unknown): HTMLElement {
    return h('p', { role: 'alert', class: 'error' }, errorText(this.ctx, error));
  }
}
