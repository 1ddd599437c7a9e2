// Users and licenses: a paged grid of the tenant's users (display name, user name, licenses) with a
// selection checkbox per row and one in the header (selects the page), then the Selected users area
// with Manage licenses, which opens /users/licenses?users={id},{id}.
import { bffError, CollectionSource, type CustomerUser, type License, type UserLicensesResponse } from '../api.js';
import { h, uid } from '../dom.js';
import type { PcDataGrid } from '../elements/data-grid.js';
import type { PcPager } from '../elements/pager.js';
import type { PcSearchBox } from '../elements/search-box.js';
import { PortalPage } from './page.js';
import { PagedView } from './paged-view.js';

export class PcUsersPage extends PortalPage {
  tenantId = '';
  private readonly selected = new Map<string, CustomerUser>();
  private readonly licenses = new Map<string, Promise<License[] | null>>();
  private readonly rowBoxes = new Map<string, HTMLInputElement>();

  protected async run(): Promise<void> {
    const { ctx } = this;
    const tenantId = this.tenantId;
    document.title = `${this.t('Users and licenses')} - ${this.t('Partner Center')}`;

    // Disabled while the rows are placeholders: there is nothing on the page to select yet.
    const selectAll = h('input', {
      type: 'checkbox',
      'aria-label': this.t('Select all users on this page'),
      disabled: true,
    });
    const search = document.createElement('pc-search-box') as PcSearchBox;
    search.configure(this.t('Search'));
    const grid = document.createElement('pc-data-grid') as PcDataGrid;
    grid.configure(this.t('Users and licenses'), [
      { key: 'select', header: selectAll, label: this.t('Select all users on this page') },
      { key: 'name', header: this.t('Display name') },
      { key: 'upn', header: this.t('Username') },
      { key: 'licenses', header: this.t('Licenses') },
    ]);
    const pager = document.createElement('pc-pager') as PcPager;

    // The Selected users area: its label, how many, and Manage licenses.
    const countId = uid('selected-count');
    const headingId = uid('selected-heading');
    const count = h('p', { id: countId, 'aria-live': 'polite' });
    const manage = h('button', { type: 'button', class: 'primary', disabled: true, 'aria-describedby': countId });
    manage.textContent = this.t('Manage licenses');
    const selectedArea = h(
      'section',
      { 'aria-labelledby': headingId },
      h('h2', { id: headingId }, this.t('Selected users')),
      count,
      manage,
    );
    const paintSelection = () => {
      count.textContent = this.t('Selected users count', { count: this.selected.size });
      manage.disabled = this.selected.size === 0;
      const visible = view.visible;
      const on = visible.filter((u) => this.selected.has(u.id)).length;
      selectAll.checked = visible.length > 0 && on === visible.length;
      selectAll.indeterminate = on > 0 && on < visible.length;
      for (const [id, box] of this.rowBoxes) {
        box.checked = this.selected.has(id);
        grid.markSelected(id, box.checked);
      }
    };
    manage.addEventListener('click', () => {
      // A portal that selects more than was ticked (a test switch): users of the grid's first page
      // whom the agent did not tick join the selection Manage licenses lists and saves.
      const extra = source.items
        .slice(0, ctx.boot.pageSize)
        .filter((u) => !this.selected.has(u.id))
        .slice(0, ctx.boot.extraSelectedUsers)
        .map((u) => u.id);
      ctx.go({ page: 'licenses', tenantId, userIds: [...this.selected.keys(), ...extra] });
    });

    const panel = this.panel(this.t('Users and licenses'), false);
    panel.body.append(h('div', { class: 'toolbar' }, search), grid, pager);
    this.root.append(
      this.customerHeader(tenantId, 'users'),
      h('h1', {}, this.t('Users and licenses')),
      selectedArea,
      panel,
    );

    const base = `/customers/${encodeURIComponent(tenantId)}`;
    const source = new CollectionSource<CustomerUser>(
      ctx.api,
      `${base}/users?size=${ctx.boot.apiPageSize}`,
      this.signal,
    );
    // The licenses of the rows on screen, in one request to the portal's backend for those not yet
    // read (one routed request per user made a page of 20 rows cost 20 round trips).
    const licensesOf = (users: CustomerUser[]): Promise<Array<License[] | null>> => {
      const missing = users.filter((u) => !this.licenses.has(u.id));
      if (missing.length > 0) {
        const batch = ctx.api.bff<UserLicensesResponse>(
          `${base}/users/licenses`,
          { userIds: missing.map((u) => u.id), displayNames: false },
          this.signal,
        );
        missing.forEach((user, i) => {
          const pending = batch.then((answer) => {
            const result = answer.users[i];
            if (!result) throw new Error(`No answer for user ${user.id}`);
            if (result.error) throw bffError(result.error);
            return result.licenses as License[] | null;
          });
          // A failed read is retried on the next paint rather than cached.
          pending.catch(() => {
            if (this.licenses.get(user.id) === pending) this.licenses.delete(user.id);
          });
          this.licenses.set(user.id, pending);
        });
      }
      return Promise.all(users.map((u) => (this.licenses.get(u.id) ?? Promise.resolve(null)).catch(() => null)));
    };
    let lastShown = '';
    const view: PagedView<CustomerUser> = new PagedView<CustomerUser>({
      ctx,
      part: 'users-grid',
      source,
      grid,
      pager,
      pageSize: ctx.boot.pageSize,
      signal: this.signal,
      delay: () => this.skeletonDelay(),
      matches: (u, q) => u.displayName.toLowerCase().includes(q) || u.userPrincipalName.toLowerCase().includes(q),
      rows: async (users) => {
        const held = await licensesOf(users);
        this.rowBoxes.clear();
        return users.map((user, i) => {
          const box = h('input', {
            type: 'checkbox',
            'aria-label': this.t('Select {name}', { name: user.displayName }),
          });
          box.checked = this.selected.has(user.id);
          box.addEventListener('change', () => {
            if (box.checked) this.selected.set(user.id, user);
            else this.selected.delete(user.id);
            paintSelection();
          });
          this.rowBoxes.set(user.id, box);
          const names = held[i];
          return {
            key: user.id,
            selected: this.selected.has(user.id),
            cells: [
              box,
              user.displayName,
              user.userPrincipalName,
              names ? names.map((l) => l.productSku.name).join(', ') : '—',
            ],
          };
        });
      },
      painted: (items) => {
        // A portal version whose selection is per page: another page of rows clears it.
        const shown = items.map((u) => u.id).join(',');
        if (ctx.boot.selectionPerPage && shown !== lastShown) this.selected.clear();
        lastShown = shown;
        paintSelection();
      },
      busy: (busy) => {
        selectAll.disabled = busy;
      },
    });
    selectAll.addEventListener('change', () => {
      // The header checkbox selects (or clears) the rows on this page only.
      const visible = view.visible;
      const allOn = visible.every((u) => this.selected.has(u.id));
      for (const u of visible) {
        if (allOn) this.selected.delete(u.id);
        else this.selected.set(u.id, u);
      }
      paintSelection();
    });
    search.addEventListener('search-change', (e) => {
      view.search((e as CustomEvent<string>).detail).catch((error: unknown) => this.root.append(this.alertFor(error)));
    });
    count.textContent = this.t('Selected users count', { count: 0 });
    await view.start();
  }
}
