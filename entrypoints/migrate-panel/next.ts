import { browser } from 'wxt/browser';
import { NextCustomerAnswer } from '@/lib/worklist/messages';
import type { OpenPanel } from './open-panel';

const send = (message: unknown) => browser.runtime.sendMessage(message).catch(() => null);

/**
 * Once the migration is complete: the worklist's next customer still to migrate, asked once of the
 * background (no scan yet, or nobody left: nothing is offered). The agent works the list from here.
 */
export async function readNext(panel: OpenPanel): Promise<void> {
  const { state } = panel;
  if (state.next !== undefined || !panel.isOpen) return;
  const r = state.record.steps;
  const settled = (s: string) => s === 'done' || s === 'skipped';
  if (!(settled(r.purchase.state) && settled(r.reassign.state) && r.suspend.state === 'done')) return;
  state.next = null;
  const answer = NextCustomerAnswer.safeParse(await send({ type: 'worklist.next', tenantId: state.record.tenantId }));
  if (!panel.isOpen || !answer.success) return;
  state.next = answer.data.next;
  panel.render();
}

/** Opens the next customer in this tab (the background takes the tab from the sender) with its panel. */
export async function openNext(panel: OpenPanel): Promise<void> {
  const next = panel.state.next;
  if (!next) return;
  await send({ type: 'worklist.open-next', customerId: next.customerId, subscriptionId: next.subscriptionId });
}
