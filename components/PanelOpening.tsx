import { type Lang, t } from '@/lib/i18n';
import { PanelFrame } from './PanelFrame';

/**
 * The Migrate panel while it opens: its frame, title and Close at once, and what it is waiting for,
 * so the agent's click answers immediately while the customer's products are read and the migration
 * is prepared. Focus stays on the Migrate button until the panel itself takes it.
 */
export function PanelOpening({ lang, subscription, onClose }: { lang: Lang; subscription: string; onClose(): void }) {
  return (
    <PanelFrame lang={lang} subscription={subscription} busy onClose={onClose}>
      <p role="status">{t(lang, 'panelOpening')}</p>
    </PanelFrame>
  );
}
