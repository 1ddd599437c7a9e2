import { replacementFrom } from '@/lib/migration/plan';
import { validateQuantity } from '@/lib/recommend';
import type { OpenPanel } from './open-panel';
import { migrations } from './store';

/** The agent picks another eligible replacement: stored first, shown once the store has it. */
export async function choosePlan(panel: OpenPanel, planKey: string): Promise<void> {
  const option = panel.state.pick.options.find((o) => o.plan.key === planKey && o.eligible);
  if (!option) return;
  const answer = await migrations.apply(panel.state.record.id, {
    type: 'replacement.changed',
    replacement: replacementFrom(option, panel.reads.offers, panel.reads.skus),
  });
  if (!panel.isOpen || !answer.ok) return;
  const { state } = panel;
  state.record = answer.migration;
  state.option = option;
  state.quantity = answer.migration.replacement.quantity;
  state.quantityError = null;
  panel.render();
}

/** A quantity the offer refuses is said at once and never stored. */
export async function changeQuantity(panel: OpenPanel, quantity: number): Promise<void> {
  const { state } = panel;
  state.quantity = quantity;
  state.quantityError = validateQuantity(state.option, quantity, state.pick.seatsToBuy);
  panel.render();
  if (state.quantityError) return;
  const answer = await migrations.apply(state.record.id, { type: 'quantity.changed', quantity });
  if (panel.isOpen && answer.ok) {
    panel.state.record = answer.migration;
    panel.render();
  }
}

/** A pooled SKU: the agent ticks or unticks a holder (not while a step runs). */
export function chooseUser(panel: OpenPanel, userId: string, chosen: boolean): void {
  const pool = panel.state.pool;
  if (!pool || panel.state.running) return;
  const next = new Set(pool.chosen);
  if (chosen) next.add(userId);
  else next.delete(userId);
  panel.state.pool = { ...pool, chosen: next };
  panel.render();
}
