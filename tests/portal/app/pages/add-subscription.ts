// Add subscription (the catalog): tab Online Services, a search box and a category filter, offer
// rows (a checkbox named by the offer name and a "Quantity" input each), Add to cart → cart with
// line items → Review → Submit → POST /orders → a confirmation with the order id.
import { CollectionSource, type Offer, type Order } from '../api.js';
import { errorText, renders } from '../context.js';
import { h, sleep, uid } from '../dom.js';
import type { GridRow, PcDataGrid } from '../elements/data-grid.js';
import type { PcPager } from '../elements/pager.js';
import type { PcSearchBox } from '../elements/search-box.js';
import type { LabelKey } from '../labels.js';
import { PortalPage } from './page.js';
import { PagedView } from './paged-view.js';

interface Line {
  offer: Offer;
  quantity: number;
}

const CATEGORIES: Array<{ id: string; label: LabelKey }> = [
  { id: 'Enterprise_Key', label: 'Enterprise' },
  { id: 'SmallBusiness_Key', label: 'Small business' },
  { id: 'Education_Key', label: 'Education' },
  { id: 'Government_Key', label: 'Government' },
  { id: 'Nonprofit_Key', label: 'Nonprofit' },
];

export class PcAddSubscriptionPage extends PortalPage {
  tenantId = '';
  private readonly selected = new Map<string, Offer>();
  private readonly quantities = new Map<string, number>();
  private readonly cart = new Map<string, Line>();
  private readonly views: Record<'catalog' | 'cart' | 'review' | 'done', HTMLElement> = {
    catalog: document.createElement('div'),
    cart: document.createElement('div'),
    review: document.createElement('div'),
    done: document.createElement('div'),
  };

  protected async run(): Promise<void> {
    const { ctx } = this;
    document.title = `${this.t('Add subscription')} - ${this.t('Partner Center')}`;
    for (const [name, view] of Object.entries(this.views)) view.hidden = name !== 'catalog';
    this.root.append(
      this.customerHeader(this.tenantId, 'subscriptions'),
      h('h1', {}, this.t('Add subscription')),
      ...Object.values(this.views),
    );

    // Tabs: only Online Services carries offers here; Software exists as on the live portal.
    const tabOnline = h('button', { type: 'button', role: 'tab', 'aria-selected': 'true', id: uid('tab') });
    const tabSoftware = h('button', { type: 'button', role: 'tab', 'aria-selected': 'false', id: uid('tab') });
    tabOnline.textContent = this.t('Online Services');
    tabSoftware.textContent = this.t('Software');
    const panelOnline = h('div', { role: 'tabpanel', 'aria-labelledby': tabOnline.id });
    const panelSoftware = h(
      'div',
      { role: 'tabpanel', 'aria-labelledby': tabSoftware.id, hidden: true },
      h('p', {}, this.t('No offers in this tab')),
    );
    const select = (online: boolean) => {
      tabOnline.setAttribute('aria-selected', String(online));
      tabSoftware.setAttribute('aria-selected', String(!online));
      panelOnline.hidden = !online;
      panelSoftware.hidden = online;
    };
    tabOnline.addEventListener('click', () => select(true));
    tabSoftware.addEventListener('click', () => select(false));

    const search = document.createElement('pc-search-box') as PcSearchBox;
    search.configure(this.t('Search'));
    const categoryId = uid('category');
    const category = h(
      'select',
      { id: categoryId },
      h('option', { value: '' }, this.t('All categories')),
      ...CATEGORIES.map((c) => h('option', { value: c.id }, this.t(c.label))),
    );
    const grid = document.createElement('pc-data-grid') as PcDataGrid;
    grid.configure(this.t('Online Services'), [
      { key: 'offer', header: this.t('Offer') },
      { key: 'range', header: this.t('Licenses') },
      { key: 'quantity', header: this.t('Quantity') },
    ]);
    const pager = document.createElement('pc-pager') as PcPager;
    const addToCart = h('button', { type: 'button', class: 'primary', disabled: true }, this.t('Add to cart'));
    const catalogPanel = this.panel(this.t('Online Services'), false);
    catalogPanel.body.append(
      h('div', { class: 'toolbar' }, search, h('label', { for: categoryId }, this.t('Category')), category),
      grid,
      pager,
      h('div', { class: 'toolbar' }, addToCart),
    );
    panelOnline.append(catalogPanel);
    this.views.catalog.append(h('div', { role: 'tablist' }, tabOnline, tabSoftware), panelOnline, panelSoftware);

    const syncAdd = () => {
      addToCart.disabled = this.selected.size === 0;
    };
    const source = new CollectionSource<Offer>(ctx.api, '/offers?country=US', this.signal);
    const view = new PagedView<Offer>({
      ctx,
      part: 'offers-grid',
      source,
      grid,
      pager,
      pageSize: 25,
      signal: this.signal,
      delay: () => this.skeletonDelay(),
      // Offers the partner cannot buy (retired ones) are not in the catalog.
      filter: (o) => o.isAvailableForPurchase !== false && (!category.value || o.category?.id === category.value),
      matches: (o, q) => o.name.toLowerCase().includes(q) || (o.product?.name ?? '').toLowerCase().includes(q),
      rows: async (offers) => offers.map((o) => this.offerRow(o, syncAdd)),
    });
    search.addEventListener('search-change', (e) => {
      view.search((e as CustomEvent<string>).detail).catch((error: unknown) => this.root.append(this.alertFor(error)));
    });
    category.addEventListener('change', () => void view.refilter());
    addToCart.addEventListener('click', () => {
      for (const offer of this.selected.values()) {
        this.cart.set(offer.id, { offer, quantity: this.quantities.get(offer.id) ?? offer.minimumQuantity });
      }
      this.addExtraLine(source.items);
      this.selected.clear();
      syncAdd();
      void view.refresh();
      this.showCart();
    });
    await view.start();
  }

  /**
   * A cart that adds a line nobody asked for (a test switch): the named offer, quantity 1, next to the
   * agent's lines, shown in the cart and Review and ordered by Submit like any other line.
   */
  private addExtraLine(offers: readonly Offer[]): void {
    const name = this.ctx.boot.extraCartLine?.trim().toLowerCase();
    if (!name) return;
    const offer = offers.find((o) => o.name.trim().toLowerCase() === name);
    if (offer && !this.cart.has(offer.id)) this.cart.set(offer.id, { offer, quantity: 1 });
  }

  private offerRow(offer: Offer, onSelect: () => void): GridRow {
    const boxId = uid('offer');
    const box = h('input', { type: 'checkbox', id: boxId });
    box.checked = this.selected.has(offer.id);
    box.addEventListener('change', () => {
      if (box.checked) this.selected.set(offer.id, offer);
      else this.selected.delete(offer.id);
      onSelect();
    });
    const quantity = h('input', {
      type: 'number',
      'aria-label': this.t('Quantity'),
      min: offer.minimumQuantity,
      max: offer.maximumQuantity,
      value: this.quantities.get(offer.id) ?? offer.minimumQuantity,
    });
    quantity.addEventListener('input', () => this.quantities.set(offer.id, Number(quantity.value)));
    return {
      key: offer.id,
      cells: [
        h('div', {}, box, h('label', { for: boxId }, offer.name)),
        this.t('Quantity range {min}–{max}', { min: offer.minimumQuantity, max: offer.maximumQuantity }),
        quantity,
      ],
    };
  }

  private show(name: keyof PcAddSubscriptionPage['views']): void {
    for (const [key, view] of Object.entries(this.views)) view.hidden = key !== name;
  }

  private showCart(): void {
    const panel = this.panel(this.t('Cart'));
    const lines = [...this.cart.values()];
    const review = h('button', { type: 'button', class: 'primary', disabled: lines.length === 0 }, this.t('Review'));
    const back = h('button', { type: 'button' }, this.t('Back'));
    const table = h(
      'table',
      { 'aria-label': this.t('Cart') },
      h(
        'thead',
        {},
        h('tr', {}, h('th', { scope: 'col' }, this.t('Offer')), h('th', { scope: 'col' }, this.t('Quantity')), h('td')),
      ),
      h(
        'tbody',
        {},
        ...lines.map((line) => {
          const quantity = h('input', { type: 'number', 'aria-label': this.t('Quantity'), value: line.quantity });
          quantity.addEventListener('input', () => {
            line.quantity = Number(quantity.value);
          });
          const remove = h(
            'button',
            { type: 'button', 'aria-label': `${this.t('Remove')} ${line.offer.name}` },
            this.t('Remove'),
          );
          remove.addEventListener('click', () => {
            this.cart.delete(line.offer.id);
            this.showCart();
          });
          return h('tr', {}, h('td', {}, line.offer.name), h('td', {}, quantity), h('td', {}, remove));
        }),
      ),
    );
    panel.body.append(
      lines.length ? table : h('p', {}, this.t('Your cart is empty')),
      h('div', { class: 'toolbar' }, back, review),
    );
    back.addEventListener('click', () => this.show('catalog'));
    review.addEventListener('click', () => this.showReview());
    this.views.cart.replaceChildren(panel);
    this.show('cart');
  }

  private showReview(): void {
    const { ctx } = this;
    const panel = this.panel(this.t('Review'));
    const lines = [...this.cart.values()];
    const submit = h('button', { type: 'button', class: 'primary' }, this.t('Submit'));
    const back = h('button', { type: 'button' }, this.t('Back'));
    const message = h('div', { 'aria-live': 'polite' });
    panel.body.append(
      h(
        'table',
        { 'aria-label': this.t('Review') },
        h(
          'thead',
          {},
          h('tr', {}, h('th', { scope: 'col' }, this.t('Offer')), h('th', { scope: 'col' }, this.t('Quantity'))),
        ),
        h('tbody', {}, ...lines.map((l) => h('tr', {}, h('td', {}, l.offer.name), h('td', {}, String(l.quantity))))),
      ),
      h('div', { class: 'toolbar' }, back, submit),
      message,
    );
    back.addEventListener('click', () => this.showCart());
    submit.addEventListener('click', async () => {
      submit.disabled = true;
      back.disabled = true;
      message.replaceChildren(h('p', { role: 'status' }, this.t('Submitting…')));
      try {
        const order = await ctx.api.request<Order>('POST', `/customers/${encodeURIComponent(this.tenantId)}/orders`, {
          body: {
            referenceCustomerId: this.tenantId,
            lineItems: lines.map((l, i) => ({
              lineItemNumber: i,
              offerId: l.offer.id,
              friendlyName: l.offer.name,
              quantity: l.quantity,
            })),
          },
          signal: this.signal,
        });
        this.cart.clear();
        this.showDone(order, lines);
      } catch (error) {
        if (this.signal.aborted) return;
        message.replaceChildren(h('p', { role: 'alert', class: 'error' }, errorText(ctx, error)));
        submit.disabled = false;
        back.disabled = false;
      }
    });
    this.views.review.replaceChildren(panel);
    this.show('review');
  }

  /** The confirmation, then a quiet poll of the order until its subscriptions are provisioned. */
  private showDone(order: Order, lines: Line[]): void {
    const { ctx } = this;
    const panel = this.panel(this.t('Order submitted'));
    const state = h('dd', {}, this.t('Provisioning'));
    panel.body.append(
      h('p', { role: 'status' }, `${this.t('Order ID')}: ${order.id}`),
      h('dl', {}, h('dt', {}, this.t('Order ID')), h('dd', {}, order.id), h('dt', {}, this.t('Order status')), state),
      h('ul', {}, ...lines.map((l) => h('li', {}, `${l.offer.name} × ${l.quantity}`))),
      h(
        'p',
        {},
        h('a', { href: ctx.href({ page: 'subscriptions', tenantId: this.tenantId }) }, this.t('Subscriptions')),
      ),
    );
    this.views.done.replaceChildren(panel);
    this.show('done');
    if (!renders(ctx, 'order-status')) return;
    void (async () => {
      for (let i = 0; i < 120 && !this.signal.aborted; i++) {
        try {
          const fresh = await ctx.api.get<Order>(
            `/customers/${encodeURIComponent(this.tenantId)}/orders/${encodeURIComponent(order.id)}`,
            this.signal,
          );
          if (fresh.lineItems.every((li) => li.subscriptionId)) {
            state.textContent = this.t('Provisioned');
            return;
          }
          await sleep(1000, this.signal);
        } catch {
          return;
        }
      }
    })();
  }
}
