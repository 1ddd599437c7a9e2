import type { Localized } from '@/lib/catalog';
import { type Lang, t } from '@/lib/i18n';
import type { PanelModel } from './panel-model';
import { trusted } from './trusted';

interface Props {
  lang: Lang;
  model: PanelModel;
  /** The replacement's name as the agent buys it. */
  offerName: string;
  busy: boolean;
  onChoosePlan(planKey: string): void;
  onQuantity(quantity: number): void;
}

/**
 * The replacement: which plan, how many licenses, and why. When nothing is bought (users keep the
 * service through a product they hold), a plan picker and a "Licenses to buy" field would contradict
 * "No purchase needed", so the plan is stated as a plain fact instead.
 */
export function PlanFields({ lang, model: m, offerName, busy, onChoosePlan, onQuantity }: Props) {
  const skipped = m.steps.purchase === 'skipped';
  return (
    <fieldset class="panel__plan" disabled={!m.editable || busy}>
      <legend>{t(lang, 'panelReplacement')}</legend>
      {skipped ? (
        <p>{t(lang, 'planNoPurchase', { plan: offerName })}</p>
      ) : (
        <>
          <label>
            {t(lang, 'panelAlternatives')}
            <select
              value={m.chosen.plan.key}
              onChange={trusted(
                (e) => onChoosePlan(e.currentTarget.value),
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
                (e) => onQuantity(Number(e.currentTarget.value)),
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
        </>
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
  );
}

/** The reasons in the agent's language, each said once (the picker may give the same one twice). */
function reasonLines(lang: Lang, reasons: ReadonlyArray<Localized>): string[] {
  return [...new Set(reasons.map((r) => r[lang]))];
}
