// Customer list: a grid of customers (company name as a link, domain), search box and pager, paged
// from GET /customers?size=N with continuation (contract section 1).
import { CollectionSource, type Customer } from '../api.js';
import type { PcDataGrid } from '../elements/data-grid.js';
import type { PcPager } from '../elements/pager.js';
import type { PcSearchBox } from '../elements/search-box.js';
import { h } from '../dom.js';
import { PortalPage } from './page.js';
import { PagedView } from './paged-view.js';

export class PcCustomersPage extends PortalPage {
  protected async run(): Promise<void> {
    const { ctx } = this;
    document.title = `${this.t('Customers')} - ${this.t('Partner Center')}`;
    const search = document.createElement('pc-search-box') as PcSearchBox;
    search.configure(this.t('Search'));
    const grid = document.createElement('pc-data-grid') as PcDataGrid;
    grid.configure(this.t('Customers'), [
      { key: 'name', header: this.t('Company name') },
      { key: 'domain', header: this.t('Domain') },
    ]);
    const pager = document.createElement('pc-pager') as PcPager;
    const panel = this.panel(this.t('Customers'), false);
    panel.body.append(search, grid, pager);
    this.root.append(h('h1', {}, this.t('Customers')), panel);

    const source = new CollectionSource<Customer>(ctx.api, `/customers?size=${ctx.boot.apiPageSize}`, this.signal);
    const view = new PagedView<Customer>({
      ctx,
      part: 'customers-grid',
      source,
      grid,
      pager,
      pageSize: ctx.boot.pageSize,
      signal: this.signal,
      delay: () => this.skeletonDelay(),
      matches: (c, q) =>
        c.companyProfile.companyName.toLowerCase().includes(q) || c.companyProfile.domain.toLowerCase().includes(q),
      rows: async (items) =>
        items.map((c) => ({
          key: c.id,
          cells: [
            h('a', { href: ctx.href({ page: 'account', tenantId: c.id }) }, c.companyProfile.companyName),
            c.companyProfile.domain,
          ],
        })),
    });
    search.addEventListener('search-change', (e) => {
      view.search((e as CustomEvent<string>).detail).catch((error: unknown) => this.root.append(this.alertFor(error)));
    });
    await view.start();
  }
}
