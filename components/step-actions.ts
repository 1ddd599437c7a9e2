import { formatNumber, type Lang, t } from '@/lib/i18n';
import type { PanelModel, StepId } from './panel-model';

/** The replacement as the agent buys it: a commercial plan by its name, others by the offer's own. */
export function replacementName(lang: Lang, m: PanelModel): string {
  return m.chosen.offer.audience === 'commercial' ? m.chosen.plan.name[lang] : m.chosen.offer.name;
}

/**
 * What one click of each step's button does, in words: the label is the agent's confirmation, so it
 * names the quantity, the products and the customer. Step B that only clears the retiring license
 * (users keep the service through a product they hold) says so: it assigns nothing.
 */
export function stepAction(lang: Lang, m: PanelModel, step: StepId): string {
  const offer = replacementName(lang, m);
  const count = formatNumber(lang, m.usersToMove);
  switch (step) {
    case 'purchase':
      return t(lang, 'actPurchase', { quantity: formatNumber(lang, m.quantity), offer, customer: m.customerName });
    case 'reassign':
      return m.reassign.cleanupOnly
        ? t(lang, 'actCleanup', { count, from: m.fromProduct, keep: offer })
        : t(lang, 'actReassign', { count, from: m.fromProduct, to: offer });
    case 'suspend':
      return t(lang, 'actSuspend', { subscription: m.subscriptionName, days: m.deprovisionDays });
  }
}
