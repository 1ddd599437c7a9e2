import { useEffect, useRef } from 'preact/hooks';
import { formatNumber, type Lang, t } from '@/lib/i18n';
import { findOurButton, returnFocusOnClose } from './focus';
import { MigrationSteps } from './MigrationSteps';
import type { PanelEvents, PanelModel } from './panel-model';
import { PanelEnds } from './PanelEnds';
import { PanelFrame } from './PanelFrame';
import { PlanFields } from './PlanFields';
import { replacementName } from './step-actions';
import { trusted } from './trusted';

interface Props extends PanelEvents {
  lang: Lang;
  model: PanelModel;
}

/**
 * The Migrate panel: the customer, the retiring subscription and when it ends, the replacement (with
 * its reasons and the alternatives), the quantity, and the three steps, each run by one click whose
 * label says exactly what will happen.
 *
 * A non-modal dialog (`aria-modal="false"`): the portal stays usable beside it, and Tab may leave it.
 * Opening moves focus into it; Escape (anywhere in it) or Close shuts it and gives focus back to the
 * Migrate button that opened it. It holds no landmarks of its own (no header or footer), so the
 * page's banner and content info stay unique.
 */
/** "Next: Contoso, 12 days left": the worklist's next customer, soonest end first. */
function nextText(lang: Lang, next: NonNullable<PanelModel['next']>): string {
  const d = next.daysLeft;
  if (d === null || d < 0) return t(lang, 'nextCustomer', { customer: next.customerName });
  const left = d === 0 ? t(lang, 'endsToday') : d === 1 ? t(lang, 'dayLeft') : t(lang, 'daysLeft', { days: formatNumber(lang, d) });
  return t(lang, 'nextCustomerLeft', { customer: next.customerName, left });
}

export function MigratePanel(props: Props) {
  const { lang, model: m } = props;
  const dialog = useRef<HTMLDivElement>(null);
  const subscription = m.subscriptionName;
  // Once per panel: remember what had focus when it opened, take focus, give it back on closing.
  useEffect(() => {
    const panel = dialog.current;
    if (!panel) return;
    // Opened by a reload or another tab (no button pressed): the same subscription's Migrate button.
    const restore = returnFocusOnClose(panel, () => findOurButton(t(lang, 'migrateLabel', { subscription })));
    panel.focus();
    return restore;
  }, []);
  const offerName = replacementName(lang, m);
  const busy = Object.values(m.steps).includes('running') || m.otherTab;

  return (
    <PanelFrame lang={lang} subscription={subscription} dialogRef={dialog} onClose={() => props.onClose()}>
      <PanelEnds lang={lang} ends={m.ends} />
      <p>{t(lang, 'panelCustomer', { customer: m.customerName })}</p>
      {m.otherTab && (
        <p class="note" role="status">
          {t(lang, 'otherTab')}
        </p>
      )}
      <PlanFields
        lang={lang}
        model={m}
        offerName={offerName}
        busy={busy}
        onChoosePlan={props.onChoosePlan}
        onQuantity={props.onQuantity}
      />
      <MigrationSteps lang={lang} model={m} offerName={offerName} busy={busy} events={props} />
      {m.complete && (
        <p class="done" role="status">
          {t(lang, 'complete')}
        </p>
      )}
      {m.next && (
        <p class="next">
          <button type="button" class="primary" onClick={trusted(() => props.onNext())}>
            {nextText(lang, m.next)}
          </button>
        </p>
      )}
      <div class="panel__foot">
        <button type="button" onClick={trusted(() => props.onExport('csv'))}>
          {t(lang, 'exportCsv')}
        </button>
        <button type="button" onClick={trusted(() => props.onExport('json'))}>
          {t(lang, 'exportJson')}
        </button>
      </div>
    </PanelFrame>
  );
}
