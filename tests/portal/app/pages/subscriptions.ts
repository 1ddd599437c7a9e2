// Customer subscriptions: one row per subscription that is not expired (name → detail, quantity,
// status, "Auto renews on {date}" / "Expires on {date}"), and the Add subscription button.
import type { Collection, Subscription } from '../api.js';
import { type AppContext, formatDate, renders, t } from '../context.js';
import { h } from '../dom.js';
import type { PcDataGrid } from '../elements/data-grid.js';
import type { LabelKey } from '../labels.js';
import { PortalPage } from './page.js';

/** Status words as the portal shows them. */
export function statusLabel(ctx: AppContext, status: string): string {
  const keys: Record<string, LabelKey> = {
    active: 'Active',
    suspended: 'Suspended',
    pending: 'Pending',
    disabled: 'Disabled',
    deleted: 'Deleted',
    expired: 'Expired',
  };
  const key = keys[status.toLowerCase()];
  return key ? t(ctx, key) : status;
}

/** "Auto renews on {date}" while auto-renew is on, else "Expires on {date}" (the term's last day). */
export function renewalText(ctx: AppContext, sub: Subscription): string {
  const date = formatDate(ctx, sub.commitmentEndDate);
  return sub.autoRenewEnabled ? t(ctx, 'Auto renews on {date}', { date }) : t(ctx, 'Expires on {date}', { date });
}

export class PcSubscriptionsPage extends PortalPage {
  tenantId = '';

  protected async run(): Promise<void> {
    const { ctx } = this;
    const tenantId = this.tenantId;
    document.title = `${this.t('Subscriptions')} - ${this.t('Partner Center')}`;
    const add = h('button', { type: 'button', class: 'primary' }, this.t('Add subscription'));
    add.addEventListener('click', () => ctx.go({ page: 'add-subscription', tenantId }));
    const grid = document.createElement('pc-data-grid') as PcDataGrid;
    grid.configure(this.t('Subscriptions'), [
      { key: 'name', header: this.t('Name') },
      { key: 'quantity', header: this.t('Quantity') },
      { key: 'status', header: this.t('Status') },
      { key: 'renewal', header: this.t('Renewal') },
    ]);
    const panel = this.panel(this.t('Subscriptions'), false);
    panel.body.append(h('div', { class: 'toolbar' }, add), grid);
    this.root.append(this.customerHeader(tenantId, 'subscriptions'), h('h1', {}, this.t('Subscriptions')), panel);

    grid.showSkeleton(4);
    const [collection] = await Promise.all([
      ctx.api.get<Collection<Subscription>>(`/customers/${encodeURIComponent(tenantId)}/subscriptions`, this.signal),
      this.skeletonDelay(),
    ]);
    if (!renders(ctx, 'subscriptions-grid')) return;
    const listed = collection.items.filter((s) => !['expired', 'deleted'].includes(s.status.toLowerCase()));
    grid.setRows(
      listed.map((s) => ({
        key: s.id,
        cells: [
          h(
            'div',
            {},
            h(
              'a',
              { href: ctx.href({ page: 'subscription', tenantId, subscriptionId: s.id }) },
              s.friendlyName || s.offerName,
            ),
            s.friendlyName && s.friendlyName !== s.offerName ? h('div', { class: 'muted' }, s.offerName) : null,
          ),
          String(s.quantity),
          statusLabel(ctx, s.status),
          renewalText(ctx, s),
        ],
      })),
      this.t('No results'),
    );
  }
}
