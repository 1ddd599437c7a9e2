// Any path the portal does not know.
import { h } from '../dom.js';
import { PortalPage } from './page.js';

export class PcNotFoundPage extends PortalPage {
  protected async run(): Promise<void> {
    document.title = `${this.t('Page not found')} - ${this.t('Partner Center')}`;
    this.root.append(
      h('h1', {}, this.t('Page not found')),
      h('p', {}, h('a', { href: this.ctx.href({ page: 'customers' }) }, this.t('Customers'))),
    );
  }
}
