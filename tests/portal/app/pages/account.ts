// Customer account: the customer's company and billing profile, and its qualifications.
import type { Customer, Qualification } from '../api.js';
import { renders } from '../context.js';
import { h } from '../dom.js';
import { PortalPage } from './page.js';

export class PcAccountPage extends PortalPage {
  tenantId = '';

  protected async run(): Promise<void> {
    const { ctx } = this;
    const id = encodeURIComponent(this.tenantId);
    const title = h('h1', {}, h('span', { class: 'skeleton', 'aria-hidden': 'true' }));
    title.setAttribute('aria-busy', 'true');
    const panel = this.panel(this.t('Account'));
    const list = h('dl', { 'aria-busy': 'true' });
    panel.body.append(list);
    this.root.append(this.customerHeader(this.tenantId, 'account'), title, panel);
    document.title = `${this.t('Account')} - ${this.t('Partner Center')}`;

    const [customer, qualifications] = await Promise.all([
      ctx.api.get<Customer>(`/customers/${id}`, this.signal),
      ctx.api.get<Qualification[]>(`/customers/${id}/qualifications`, this.signal).catch(() => [] as Qualification[]),
      this.skeletonDelay(),
    ]);
    if (!renders(ctx, 'customer-account')) return;
    title.removeAttribute('aria-busy');
    title.textContent = customer.companyProfile.companyName;
    document.title = `${customer.companyProfile.companyName} - ${this.t('Partner Center')}`;
    const row = (label: string, value: string) => [h('dt', {}, label), h('dd', {}, value)];
    list.removeAttribute('aria-busy');
    list.replaceChildren(
      ...row(this.t('Company name'), customer.companyProfile.companyName),
      ...row(this.t('Domain'), customer.companyProfile.domain),
      ...row(this.t('Microsoft ID'), customer.companyProfile.tenantId || customer.id),
      ...row(this.t('Country'), customer.billingProfile?.defaultAddress?.country ?? ''),
      ...row(this.t('Language'), customer.billingProfile?.language ?? customer.billingProfile?.culture ?? ''),
      ...row(this.t('Relationship'), customer.relationshipToPartner ?? ''),
      ...row(
        this.t('Qualification'),
        (Array.isArray(qualifications) ? qualifications : [])
          .map((q) => `${q.qualification} (${q.vettingStatus})`)
          .join(', ') || 'None',
      ),
    );
  }
}
