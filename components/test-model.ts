/**
 * For unit tests only (nothing shipped imports this): a panel model of the small business moving off
 * Kaizala Pro before step A, with any field replaced, and event handlers that record their calls.
 */
import { vi } from 'vitest';
import { kaizalaPick } from '@/lib/recommend/test-fixtures';
import type { PanelEvents, PanelModel } from './panel-model';

export const { pick, top } = kaizalaPick();

export const model = (over: Partial<PanelModel> = {}): PanelModel => ({
  customerName: 'Alpine Ski House',
  subscriptionName: 'Kaizala Pro',
  ends: { date: '2027-01-02', daysLeft: 30 },
  fromProduct: 'Microsoft Kaizala Pro',
  options: pick.options,
  chosen: top,
  reasons: pick.reasons,
  quantity: 25,
  quantityError: null,
  editable: true,
  usersToMove: 25,
  deprovisionDays: 120,
  steps: { purchase: 'pending', reassign: 'waiting', suspend: 'waiting' },
  purchase: {},
  reassign: { done: 0, failed: 0, total: 0, cleanupOnly: false, failedUsers: [] },
  suspend: {},
  otherTab: false,
  problem: null,
  complete: false,
  next: null,
  ...over,
});

export const events = (): PanelEvents => ({
  onChoosePlan: vi.fn(),
  onQuantity: vi.fn(),
  onRun: vi.fn(),
  onManualDone: vi.fn(),
  onNothingBought: vi.fn(),
  onChooseUser: vi.fn(),
  onNext: vi.fn(),
  onExport: vi.fn(),
  onClose: vi.fn(),
});

/** The text of every button rendered in the document, in order. */
export const buttons = () => [...document.querySelectorAll('button')].map((b) => b.textContent);

/** The button whose text starts with `start`, if any. */
export const button = (start: string) =>
  [...document.querySelectorAll('button')].find((b) => b.textContent?.startsWith(start));
