// <pc-shell>: the portal frame: banner, left navigation and the main area where pages mount.
import type { AppContext } from '../context.js';
import { t } from '../context.js';
import { BASE_CSS, h, style } from '../dom.js';
import type { PcLeftNav } from './left-nav.js';

export class PcShell extends HTMLElement {
  private readonly banner: HTMLElement;
  private readonly leftNav: PcLeftNav;
  private readonly main: HTMLElement;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    this.banner = h('header', { role: 'banner' });
    this.leftNav = document.createElement('pc-left-nav') as PcLeftNav;
    this.main = h('main');
    root.append(
      style(
        `${BASE_CSS} header { background: #0f6cbd; color: #fff; padding: 8px 16px; font-weight: 600; } .frame { display: flex; } main { flex: 1; padding: 8px 24px; }`,
      ),
      this.banner,
      h('div', { class: 'frame' }, this.leftNav, this.main),
    );
  }

  /** Swaps the page; the old page's disconnectedCallback aborts its requests. */
  show(ctx: AppContext, page: HTMLElement): void {
    this.banner.textContent = t(ctx, 'Partner Center');
    this.leftNav.render(ctx);
    this.main.replaceChildren(page);
  }
}
