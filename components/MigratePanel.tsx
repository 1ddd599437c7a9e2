import { useEffect, useRef } from 'preact/hooks';
import type { Localized } from '@/lib/catalog';
import { formatNumber, type Lang, type MessageKey, t } from '@/lib/i18n';
import type { StepProgress } from '@/lib/migration/steps/deps';
import { findOurButton, returnFocusOnClose } from './focus';
import { showDay } from './format';
import type { PanelEvents, PanelModel, StepId } from './panel-model';
import { ProgressBar } from './ProgressBar';
import { StepCard } from './StepCard';
import { trusted } from './trusted';
import { UserChooser } from './UserChooser';

interface Props extends PanelEvents {
  lang: Lang;
  model: PanelModel;
}

/**
 * The Migrate panel: the customer, the retiring subscription, the replacement (with its reasons and
 * the alternatives), the quantity, and the three steps, each run by one click whose label says
 * exactly what will happen.
 *
 * A non-modal dialog (`aria-modal="false"`): the portal stays usable beside it, and Tab may leave it.
 * Opening moves focus into it; Escape (anywhere in it) or Close shuts it and gives focus back to the
 * Migrate button that opened it. It holds no landmarks of its own (no header or footer), so the
 * page's banner and content info stay unique.
 */
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
  const offerName = m.chosen.offer.audience === 'commercial' ? m.chosen.plan.name[lang] : m.chosen.offer.name;
  const busy = Object.values(m.steps).includes('running') || m.otherTab;
  const pool = m.reassign.pool;
  const canRun = (step: StepId) =>
    !busy &&
    (step !== 'purchase' || m.quantityError === null) &&
    (step !== 'reassign' || !pool || (!pool.loading && pool.chosenCount === pool.count));
  const manual = (step: StepId) =>
    m.problem?.step === step && (
      <div class="problem" role="alert">
        <p>{m.problem.text}</p>
        <div class="problem__actions">
          <button type="button" onClick={trusted(() => props.onRun(step))} disabled={busy}>
            {t(lang, 'retry')}
          </button>
          <button type="button" onClick={trusted(() => props.onManualDone(step))} disabled={busy}>
            {t(lang, 'didItMyself')}
          </button>
          {m.problem.orderMayExist && (
            <button type="button" onClick={trusted(() => props.onNothingBought())} disabled={busy}>
              {t(lang, 'nothingWasBought')}
            </button>
          )}
        </div>
        <details aria-labelledby={`pcma-manual-${step}`}>
          <summary id={`pcma-manual-${step}`}>{t(lang, 'manualSteps')}</summary>
          <ol class="manual">
            {m.problem.manual.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ol>
        </details>
      </div>
    );

  return (
    <div
      class="panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby="pcma-panel-title"
      lang={lang}
      tabIndex={-1}
      ref={dialog}
      onKeyDown={trusted((e) => e.key === 'Escape' && props.onClose())}
    >
      <div class="panel__head">
        <h2 id="pcma-panel-title">{t(lang, 'panelTitle', { subscription: m.subscriptionName })}</h2>
        <button type="button" class="panel__close" onClick={trusted(() => props.onClose())}>
          {t(lang, 'panelClose')}
        </button>
      </div>
      <p>{t(lang, 'panelCustomer', { customer: m.customerName })}</p>
      {m.otherTab && (
        <p class="note" role="status">
          {t(lang, 'otherTab')}
        </p>
      )}

      <fieldset class="panel__plan" disabled={!m.editable || busy}>
        <legend>{t(lang, 'panelReplacement')}</legend>
        <label>
          {t(lang, 'panelAlternatives')}
          <select
            value={m.chosen.plan.key}
            onChange={trusted(
              (e) => props.onChoosePlan(e.currentTarget.value),
              // The page wrote another plan into our field: show the agent's own choice again.
              (e) => {
                e.currentTarget.value = m.chosen.plan.key;
              },
            )}
          >
            {m.options.map((o) => (
              <option key={o.plan.key} value={o.plan.key} disabled={!o.eligible}>
                {o.eligible
                  ? o.plan.name[lang]
                  : t(lang, 'panelIneligible', { plan: o.plan.name[lang], reason: o.reasons[0]?.[lang] ?? '' })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t(lang, 'panelQuantity')}
          <input
            type="number"
            min={m.chosen.offer.minQuantity}
            max={m.chosen.offer.maxQuantity}
            value={m.quantity}
            aria-invalid={m.quantityError ? 'true' : 'false'}
            aria-describedby={m.quantityError ? 'pcma-quantity-error' : undefined}
            onChange={trusted(
              (e) => props.onQuantity(Number(e.currentTarget.value)),
              (e) => {
                e.currentTarget.value = String(m.quantity);
              },
            )}
          />
        </label>
        {m.quantityError && (
          <p id="pcma-quantity-error" class="error" role="alert">
            {m.quantityError[lang]}
          </p>
        )}
        <details aria-labelledby="pcma-reasons">
          <summary id="pcma-reasons">{t(lang, 'panelReasons')}</summary>
          <ul>
            {reasonLines(lang, [...m.reasons, ...m.chosen.reasons]).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </details>
      </fieldset>

      <StepCard
        lang={lang}
        id="purchase"
        title={t(lang, 'stepPurchase')}
        status={m.steps.purchase}
        action={t(lang, 'actPurchase', {
          quantity: formatNumber(lang, m.quantity),
          offer: offerName,
          customer: m.customerName,
        })}
        canRun={canRun('purchase')}
        onRun={() => props.onRun('purchase')}
      >
        {m.steps.purchase === 'done' && (
          <p>
            {t(lang, 'purchaseDone', { order: m.purchase.orderId ?? '—', subscription: m.purchase.subscriptionId ?? '—' })}
          </p>
        )}
        {m.steps.purchase === 'skipped' && m.purchase.skipReason && (
          <p>{t(lang, 'purchaseSkipped', { reason: m.purchase.skipReason[lang] })}</p>
        )}
        {manual('purchase')}
      </StepCard>

      <StepCard
        lang={lang}
        id="reassign"
        title={t(lang, 'stepReassign')}
        status={m.steps.reassign}
        action={t(lang, 'actReassign', { count: formatNumber(lang, m.usersToMove), from: m.fromProduct, to: offerName })}
        canRun={canRun('reassign')}
        onRun={() => props.onRun('reassign')}
      >
        <p class="note">{t(lang, 'panelRoleNote')}</p>
        {pool && (
          <UserChooser lang={lang} pool={pool} from={m.fromProduct} disabled={busy} onChoose={props.onChooseUser} />
        )}
        {!!m.reassign.shortOfSeats && (
          <p class="warning" role="status">
            {t(lang, 'seatsShort', {
              count: formatNumber(lang, m.reassign.shortOfSeats),
              to: offerName,
            })}
          </p>
        )}
        {/* A live region from the start (so its first words are read out), but a status only once it says something. */}
        <p class="activity" aria-live="polite" role={m.reassign.activity ? 'status' : undefined}>
          {m.reassign.activity ? activityText(lang, m.reassign.activity) : ''}
        </p>
        {m.reassign.total > 0 && (
          <ProgressBar
            value={m.reassign.done}
            max={m.reassign.total}
            label={t(lang, 'reassignProgress', {
              done: formatNumber(lang, m.reassign.done),
              total: formatNumber(lang, m.reassign.total),
            })}
          />
        )}
        {m.reassign.failedUsers.length > 0 && (
          <div class="failed-users">
            <p>{t(lang, 'reassignFailedUsers', { count: m.reassign.failedUsers.length })}</p>
            <ul>
              {m.reassign.failedUsers.map((u) => (
                <li key={u.name}>
                  {u.name}: {u.reason}
                </li>
              ))}
            </ul>
          </div>
        )}
        {manual('reassign')}
      </StepCard>

      <StepCard
        lang={lang}
        id="suspend"
        title={t(lang, 'stepSuspend')}
        status={m.steps.suspend}
        action={t(lang, 'actSuspend', { subscription: m.subscriptionName, days: m.deprovisionDays })}
        canRun={canRun('suspend')}
        onRun={() => props.onRun('suspend')}
      >
        {m.steps.suspend === 'done' && m.suspend.deprovisionDate && (
          <p>{t(lang, 'suspendDone', { date: showDay(lang, m.suspend.deprovisionDate) })}</p>
        )}
        {manual('suspend')}
      </StepCard>

      {m.complete && (
        <p class="done" role="status">
          {t(lang, 'complete')}
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
    </div>
  );
}

/** The reasons in the agent's language, each said once (the picker may give the same one twice). */
function reasonLines(lang: Lang, reasons: ReadonlyArray<Localized>): string[] {
  return [...new Set(reasons.map((r) => r[lang]))];
}

const ACTIVITY: Record<StepProgress['phase'], MessageKey> = {
  read: 'activityRead',
  select: 'activitySelect',
  save: 'activitySave',
  check: 'activityCheck',
};

/** What step B is doing now, in words (the status line under the step, read out by screen readers). */
function activityText(lang: Lang, a: StepProgress): string {
  return t(lang, ACTIVITY[a.phase], { done: formatNumber(lang, a.done), total: formatNumber(lang, a.total) });
}
