import { t } from '@/lib/i18n';
import type { StepBodyProps } from './step-body';

/** Step A's outcome: the order and subscription bought, or why nothing needs buying. */
export function PurchaseBody({ lang, model: m }: StepBodyProps) {
  if (m.steps.purchase === 'done') {
    return (
      <p>{t(lang, 'purchaseDone', { order: m.purchase.orderId ?? '—', subscription: m.purchase.subscriptionId ?? '—' })}</p>
    );
  }
  if (m.steps.purchase === 'skipped' && m.purchase.skipReason) {
    return <p>{t(lang, 'purchaseSkipped', { reason: m.purchase.skipReason[lang] })}</p>;
  }
  return null;
}
