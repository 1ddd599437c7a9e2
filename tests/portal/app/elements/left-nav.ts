// <pc-left-nav>: the portal's left navigation ("Customers").
import type { AppContext } from '../context.js';
import { t } from '../context.js';
import { BASE_CSS, h, style } from '../dom.js';

export class PcLeftNav extends HTMLElement {
  private readonly nav: HTMLElement;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    this.nav = h('nav');
    root.append(
      style(
        `${BASE_CSS} nav { width: 180px; padding: 12px; } ul { list-style: none; margin: 0; padding: 0; } li { margin: 6px 0; } a[aria-current=page] { font-weight: 600; }`,
      ),
      this.nav,
    );
  }

  render(ctx: AppContext): void {
    this.nav.setAttribute('aria-label', t(ctx, 'Partner Center'));
    const customers = h('a', { href: ctx.href({ page: 'customers' }) }, t(ctx, 'Customers'));
    if (ctx.loc.route.page !== 'not-found')
      customers.setAttribute('aria-current', ctx.loc.route.page === 'customers' ? 'page' : 'true');
    this.nav.replaceChildren(h('ul', {}, h('li', {}, customers)));
  }
}
