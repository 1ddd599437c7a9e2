// <pc-customer-header>: the customer's name and the customer navigation (Account, Subscriptions,
// Users and licenses), shown on every customer page.
import type { Customer } from '../api.js';
import type { AppContext } from '../context.js';
import { isAbort, renders, t } from '../context.js';
import { BASE_CSS, h, style } from '../dom.js';

type Section = 'account' | 'subscriptions' | 'users';

export class PcCustomerHeader extends HTMLElement {
  private readonly root: ShadowRoot;

  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
  }

  /** Renders the menu at once and the customer's name when it arrives. */
  async render(
    ctx: AppContext,
    tenantId: string,
    current: Section | null,
    signal: AbortSignal,
  ): Promise<Customer | null> {
    const name = h('p', { class: 'company muted' });
    const link = (section: Section, label: string) => {
      const a = h('a', { href: ctx.href({ page: section, tenantId }) }, label);
      if (section === current) a.setAttribute('aria-current', 'page');
      return h('li', {}, a);
    };
    const nav = h(
      'nav',
      { 'aria-label': t(ctx, 'Customer menu') },
      h(
        'ul',
        {},
        link('account', t(ctx, 'Account')),
        link('subscriptions', t(ctx, 'Subscriptions')),
        link('users', t(ctx, 'Users and licenses')),
      ),
    );
    this.root.replaceChildren(
      style(
        `${BASE_CSS} ul { list-style: none; display: flex; gap: 16px; padding: 0; margin: 4px 0 8px; border-bottom: 1px solid #edebe9; } li { padding: 4px 0; } a[aria-current=page] { font-weight: 600; }`,
      ),
      name,
      nav,
    );
    if (!renders(ctx, 'customer-header')) return null;
    try {
      const customer = await ctx.api.get<Customer>(`/customers/${encodeURIComponent(tenantId)}`, signal);
      name.textContent = customer.companyProfile.companyName;
      return customer;
    } catch (error) {
      if (!isAbort(error)) name.textContent = tenantId;
      return null;
    }
  }
}
