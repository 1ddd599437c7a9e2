// Subscription detail: name, quantity, the Status section (radios Active / Suspended) with the
// de-provisioning date under Suspended, the auto-renew state, and Submit, which reads the
// subscription afresh (GET) and writes it back whole (PATCH with If-Match), as the portal does.
import type { Subscription } from '../api.js';
import { errorText, formatDate, renders } from '../context.js';
import { h, uid } from '../dom.js';
import { PortalPage } from './page.js';
import { renewalText, statusLabel } from './subscriptions.js';

/** Suspended subscriptions are de-provisioned this many days after suspension (the seed guides). */
const DEPROVISION_DAYS = 120;
const DAY_MS = 86_400_000;

export class PcSubscriptionPage extends PortalPage {
  tenantId = '';
  subscriptionId = '';

  private path(): string {
    return `/customers/${encodeURIComponent(this.tenantId)}/subscriptions/${encodeURIComponent(this.subscriptionId)}`;
  }

  protected async run(): Promise<void> {
    const { ctx } = this;
    const title = h('h1', { 'aria-busy': 'true' }, h('span', { class: 'skeleton', 'aria-hidden': 'true' }));
    const panel = this.panel(this.t('Subscription details'));
    const body = h('div', { 'aria-busy': 'true' }, h('span', { class: 'skeleton', 'aria-hidden': 'true' }));
    panel.body.append(body);
    this.root.append(this.customerHeader(this.tenantId, 'subscriptions'), title, panel);
    document.title = `${this.t('Subscription details')} - ${this.t('Partner Center')}`;

    const [sub] = await Promise.all([ctx.api.get<Subscription>(this.path(), this.signal), this.skeletonDelay()]);
    if (!renders(ctx, 'subscription-detail')) return;
    title.removeAttribute('aria-busy');
    body.removeAttribute('aria-busy');
    this.renderForm(title, body, sub, await this.suspendedAt(sub));
  }

  /**
   * When a suspended subscription was suspended. The API's Subscription does not carry it, so the
   * portal asks its own backend (served by serve.ts from the same simulator state).
   */
  private async suspendedAt(sub: Subscription): Promise<Date | null> {
    if (sub.status !== 'suspended') return null;
    try {
      const response = await fetch(
        `/_sim/bff/customers/${encodeURIComponent(this.tenantId)}/subscriptions/${encodeURIComponent(sub.id)}/suspension`,
        { signal: this.signal },
      );
      if (response.ok) {
        const { suspendedAt } = (await response.json()) as { suspendedAt?: string | null };
        if (suspendedAt) return new Date(suspendedAt);
      }
    } catch (error) {
      if (this.signal.aborted) throw error;
    }
    return null;
  }

  private renderForm(title: HTMLElement, body: HTMLElement, sub: Subscription, suspendedAt: Date | null): void {
    const { ctx } = this;
    const name = sub.friendlyName || sub.offerName;
    title.textContent = name;
    document.title = `${name} - ${this.t('Partner Center')}`;

    const facts = h(
      'dl',
      {},
      h('dt', {}, this.t('Offer')),
      h('dd', {}, sub.offerName),
      h('dt', {}, this.t('Subscription ID')),
      h('dd', {}, sub.id),
      h('dt', {}, this.t('Status')),
      h('dd', { 'data-field': 'status' }, statusLabel(ctx, sub.status)),
      h('dt', {}, this.t('Renewal')),
      h('dd', { 'data-field': 'renewal' }, renewalText(ctx, sub)),
    );

    const quantityId = uid('quantity');
    const quantity = h('input', { id: quantityId, type: 'number', min: 1, value: sub.quantity });
    const quantityRow = h('p', {}, h('label', { for: quantityId }, this.t('Quantity')), ' ', quantity);

    // The status section: a radio group whose legend is "Status".
    const group = `status-${uid('g')}`;
    const radio = (value: 'active' | 'suspended', label: string) => {
      const id = uid('status');
      const input = h('input', { type: 'radio', name: group, id, value, checked: sub.status === value });
      input.checked = sub.status === value;
      return { input, row: h('div', {}, input, h('label', { for: id }, label)) };
    };
    const active = radio('active', this.t('Active'));
    const suspended = radio('suspended', this.t('Suspended'));
    const deprovision = h('p', { class: 'muted', 'data-field': 'deprovision' });
    const paintDeprovision = () => {
      if (!suspended.input.checked) {
        deprovision.hidden = true;
        return;
      }
      // Already suspended: from the suspension date. Being suspended now: from today.
      const from = sub.status === 'suspended' ? (suspendedAt ?? ctx.now()) : ctx.now();
      const date = formatDate(ctx, new Date(from.getTime() + DEPROVISION_DAYS * DAY_MS));
      deprovision.textContent = this.t('De-provisioned on {date}', { date });
      deprovision.hidden = false;
    };
    const fieldset = h(
      'fieldset',
      {},
      h('legend', {}, this.t('Status')),
      active.row,
      suspended.row,
      h('div', { style: 'margin-left: 24px' }, deprovision),
    );

    const autoRenewId = uid('autorenew');
    const autoRenew = h('input', { type: 'checkbox', id: autoRenewId });
    autoRenew.checked = sub.autoRenewEnabled;
    const autoRenewRow = h('p', {}, autoRenew, h('label', { for: autoRenewId }, this.t('Auto-renew')));
    const syncControls = () => {
      // Suspending turns auto-renew off; a suspended subscription cannot renew.
      if (suspended.input.checked) autoRenew.checked = false;
      autoRenew.disabled = suspended.input.checked;
      paintDeprovision();
    };
    active.input.addEventListener('change', syncControls);
    suspended.input.addEventListener('change', syncControls);
    syncControls();

    const submit = h('button', { type: 'button', class: 'primary' }, this.t('Submit'));
    const message = h('div', { 'aria-live': 'polite' });
    submit.addEventListener('click', async () => {
      submit.disabled = true;
      message.replaceChildren(h('p', { role: 'status' }, this.t('Submitting…')));
      try {
        const wanted = {
          status: suspended.input.checked ? 'suspended' : 'active',
          autoRenewEnabled: suspended.input.checked ? false : autoRenew.checked,
          quantity: Number(quantity.value),
        };
        // Read the current resource and its etag, then send it whole with the changes.
        const fresh = await ctx.api.get<Subscription>(this.path(), this.signal);
        const updated = await ctx.api.request<Subscription>('PATCH', this.path(), {
          body: { ...fresh, ...wanted },
          headers: { 'If-Match': fresh.attributes.etag ?? '*' },
          signal: this.signal,
        });
        const at = updated.status === 'suspended' ? ((await this.suspendedAt(updated)) ?? ctx.now()) : null;
        this.renderForm(title, body, updated, at);
        const done = body.querySelector('[aria-live]');
        done?.replaceChildren(h('p', { role: 'status', class: 'ok' }, this.t('Subscription updated')));
      } catch (error) {
        if (this.signal.aborted) return;
        message.replaceChildren(h('p', { role: 'alert', class: 'error' }, errorText(ctx, error)));
        submit.disabled = false;
      }
    });

    body.replaceChildren(facts, quantityRow, fieldset, autoRenewRow, h('div', { class: 'toolbar' }, submit), message);
  }
}
