// Manage licenses for the selected users: one row per product the customer owns (subscribedskus),
// a checkbox named by the product (true / false / mixed across the selected users), Available
// licenses, Assigned, and Buy more where no seat is free. Save applies all changes of the page in one
// request to the portal's backend, which sends the API one licenseupdates request per user that
// changes, with removals and assignments together (a swap of exclusive plans is one save); the page
// then lists per user what happened under "Licenses updated". Test switches make Save slow
// (`saveDelayMs`, applied by the backend at the end of the wait) or never confirmed (`confirmationLost`).
import {
  bffError,
  type Collection,
  type License,
  type LicenseUpdatesRequest,
  type LicenseUpdatesResponse,
  type SubscribedSku,
  type UserLicensesResponse,
} from '../api.js';
import { errorText, renders } from '../context.js';
import { h } from '../dom.js';
import type { PcDataGrid } from '../elements/data-grid.js';
import { type TriState, triCheckbox } from '../elements/tri-checkbox.js';
import { PortalPage } from './page.js';

interface UserState {
  id: string;
  name: string;
  /** Lower-case SKU ids the user holds. */
  held: Set<string>;
}

export class PcLicensesPage extends PortalPage {
  tenantId = '';
  userIds: string[] = [];
  private users: UserState[] = [];
  private skus: SubscribedSku[] = [];
  private readonly targets = new Map<string, TriState>();

  private base(): string {
    return `/customers/${encodeURIComponent(this.tenantId)}`;
  }

  protected async run(): Promise<void> {
    const { ctx } = this;
    document.title = `${this.t('Manage licenses')} - ${this.t('Partner Center')}`;
    const usersHeadingId = 'selected-users-heading';
    const userList = h('ul', { 'aria-busy': 'true' });
    const grid = document.createElement('pc-data-grid') as PcDataGrid;
    grid.configure(this.t('Licenses'), [
      { key: 'product', header: this.t('Product') },
      { key: 'available', header: this.t('Available licenses') },
      { key: 'assigned', header: this.t('Assigned') },
      { key: 'more', header: '', label: this.t('Buy more') },
    ]);
    const save = h('button', { type: 'button', class: 'primary', disabled: true }, this.t('Save'));
    const results = h('div', { 'aria-live': 'polite' });
    const panel = this.panel(this.t('Licenses'), false);
    panel.body.append(grid, h('div', { class: 'toolbar' }, save), results);
    this.root.append(
      this.customerHeader(this.tenantId, 'users'),
      h('h1', {}, this.t('Manage licenses')),
      h(
        'section',
        { 'aria-labelledby': usersHeadingId },
        h('h2', { id: usersHeadingId }, this.t('Selected users')),
        userList,
      ),
      panel,
    );
    if (this.userIds.length === 0) {
      userList.removeAttribute('aria-busy');
      userList.replaceWith(h('p', {}, this.t('No users selected')));
      grid.setRows([], this.t('No users selected'));
      return;
    }

    grid.showSkeleton(4);
    await Promise.all([this.load(), this.skeletonDelay()]);
    if (!renders(ctx, 'licenses-grid')) return;
    userList.removeAttribute('aria-busy');
    userList.replaceChildren(...this.users.map((u) => h('li', {}, u.name)));
    this.paint(grid);
    save.disabled = false;
    save.addEventListener('click', async () => {
      save.disabled = true;
      // A slow or unconfirmed save (test switches) shows the page working, as the live portal's spinner.
      const slow = ctx.boot.saveDelayMs > 0 || ctx.boot.confirmationLost;
      if (slow) {
        panel.setBusy(true);
        const label = this.t('Saving…');
        results.replaceChildren(h('div', { role: 'progressbar', 'aria-label': label }, label));
      } else {
        results.replaceChildren(h('p', { role: 'status' }, this.t('Saving…')));
      }
      const outcome = await this.saveAll();
      if (this.signal.aborted) return;
      // The changes are applied, but this portal never says so: the spinner stays and Save stays off.
      if (ctx.boot.confirmationLost) return;
      panel.setBusy(false);
      results.replaceChildren(
        h('h2', {}, this.t('Licenses updated')),
        h(
          'ul',
          { role: 'status' },
          ...outcome.map((o) => h('li', { class: o.ok ? 'ok' : 'error' }, `${o.name}: ${o.text}`)),
        ),
      );
      // Show the counts and ticks as they now are.
      await this.load();
      this.paint(grid);
      save.disabled = false;
    });
  }

  /**
   * Reads the products, and the selected users' names and what each holds in one request to the
   * portal's backend (per user it was two routed requests, hundreds for a large selection).
   */
  private async load(): Promise<void> {
    const { ctx } = this;
    const [skus, answer] = await Promise.all([
      ctx.api.get<Collection<SubscribedSku>>(`${this.base()}/subscribedskus`, this.signal),
      ctx.api.bff<UserLicensesResponse>(`${this.base()}/users/licenses`, { userIds: this.userIds }, this.signal),
    ]);
    const users = this.userIds.map((id, i) => {
      const result = answer.users[i];
      // A user whose licenses cannot be read fails the page (Try again), as before; a missing name
      // only shows the id.
      if (result?.error) throw bffError(result.error);
      const licenses = (result?.licenses ?? []) as License[];
      return {
        id,
        name: result?.displayName ?? id,
        held: new Set(licenses.map((l) => l.productSku.id.toLowerCase())),
      };
    });
    this.skus = skus.items;
    this.users = users;
    this.targets.clear();
    for (const sku of this.skus) this.targets.set(sku.productSku.id.toLowerCase(), this.initial(sku));
  }

  private initial(sku: SubscribedSku): TriState {
    const id = sku.productSku.id.toLowerCase();
    const holders = this.users.filter((u) => u.held.has(id)).length;
    return holders === 0 ? 'false' : holders === this.users.length ? 'true' : 'mixed';
  }

  private paint(grid: PcDataGrid): void {
    const { ctx } = this;
    grid.setRows(
      this.skus.map((sku) => {
        const id = sku.productSku.id.toLowerCase();
        const box = triCheckbox(sku.productSku.name, this.initial(sku), (state) => this.targets.set(id, state));
        return {
          key: id,
          cells: [
            h('div', {}, box, ' ', h('span', { 'aria-hidden': 'true' }, sku.productSku.name)),
            String(sku.availableUnits),
            String(sku.consumedUnits),
            sku.availableUnits <= 0
              ? h('a', { href: ctx.href({ page: 'add-subscription', tenantId: this.tenantId }) }, this.t('Buy more'))
              : '',
          ],
        };
      }),
      this.t('No results'),
    );
  }

  /**
   * One request for the whole page: the portal's backend sends one licenseupdates per user with
   * changes (removals and assignments of a user together) and answers per user.
   */
  private async saveAll(): Promise<Array<{ name: string; ok: boolean; text: string }>> {
    const { ctx } = this;
    const updates: LicenseUpdatesRequest['updates'] = [];
    const changes = this.users.map((user) => {
      const assign: string[] = [];
      const remove: string[] = [];
      for (const sku of this.skus) {
        const id = sku.productSku.id.toLowerCase();
        const target = this.targets.get(id);
        if (target === 'true' && !user.held.has(id)) assign.push(sku.productSku.id);
        if (target === 'false' && user.held.has(id)) remove.push(sku.productSku.id);
      }
      if (assign.length === 0 && remove.length === 0) return null;
      updates.push({
        userId: user.id,
        licensesToAssign: assign.map((skuId) => ({ skuId, excludedPlans: null })),
        licensesToRemove: remove,
      });
      return updates.length - 1;
    });
    let results: LicenseUpdatesResponse['results'] = [];
    let failed: unknown = null;
    if (updates.length > 0) {
      const path = `${this.base()}/users/licenseupdates`;
      const body: LicenseUpdatesRequest = { updates };
      try {
        results = (await ctx.api.bff<LicenseUpdatesResponse>(path, body, this.signal)).results;
      } catch (error) {
        if (this.signal.aborted) return [];
        // The backend itself failed: every user with changes shows why.
        failed = error;
      }
    }
    return this.users.map((user, i) => {
      const index = changes[i];
      if (index === null || index === undefined) return { name: user.name, ok: true, text: this.t('No changes') };
      const result = results[index];
      let error = failed;
      if (error === null) error = result ? (result.error && bffError(result.error)) : new Error('No answer');
      if (!error) return { name: user.name, ok: true, text: this.t('Updated') };
      return { name: user.name, ok: false, text: `${this.t('Failed')}: ${errorText(ctx, error)}` };
    });
  }
}
