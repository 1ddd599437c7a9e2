import type { PanelModel, StepId, StepStatus } from '@/components/panel-model';
import type { Localized } from '@/lib/catalog';
import { usersProgress } from '@/lib/migration/progress';
import type { StepProgress } from '@/lib/migration/steps/deps';
import type { MigrationRecord } from '@/lib/migration/types';
import type { PickSuccess, ReplacementOption } from '@/lib/recommend';

export interface PanelState {
  record: MigrationRecord;
  pick: PickSuccess;
  option: ReplacementOption;
  quantity: number;
  quantityError: Localized | null;
  running: StepId | null;
  otherTab: boolean;
  problem: PanelModel['problem'];
  subscriptionName: string;
  /** Why step A is not needed, when the panel knows better than the picker (the replacement is owned). */
  skipReason?: Localized;
  /** The running step's latest progress note; cleared when it ends. */
  activity?: StepProgress | null;
}

const settled = (s: string) => s === 'done' || s === 'skipped';

/** The panel's view of the stored record: what each step shows and whether its button is offered. */
export function panelModel(s: PanelState): PanelModel {
  const { record: r } = s;
  const p = r.steps.purchase.state;
  const b = r.steps.reassign.state;
  const c = r.steps.suspend.state;
  // An intent left by a reload or a closed tab shows the button again: running it first asks the API
  // what happened, and buys only if nothing was bought.
  const purchase: StepStatus =
    s.running === 'purchase' ? 'running' : p === 'intent' || p === 'submitted' ? 'pending' : (p as StepStatus);
  const reassign: StepStatus = !settled(p)
    ? 'waiting'
    : s.running === 'reassign'
      ? 'running'
      : b === 'running'
        ? 'pending' // interrupted (reload, closed tab): one click continues with the users not yet moved
        : (b as StepStatus);
  const suspend: StepStatus = !settled(b)
    ? 'waiting'
    : s.running === 'suspend'
      ? 'running'
      : c === 'submitted'
        ? 'pending'
        : (c as StepStatus);
  const progress = usersProgress(r);
  const users = Object.values(r.steps.reassign.users);
  return {
    customerName: r.customerName,
    subscriptionName: s.subscriptionName,
    fromProduct: r.retiring.productName ?? r.retiring.offerName,
    options: s.pick.options,
    chosen: s.option,
    reasons: s.pick.reasons,
    quantity: s.quantity,
    quantityError: s.quantityError,
    editable: p === 'pending' || p === 'failed',
    usersToMove: users.length > 0 ? users.length : s.pick.usersToMove,
    deprovisionDays: 120,
    steps: { purchase, reassign, suspend },
    purchase: {
      orderId: r.steps.purchase.orderId,
      subscriptionId: r.steps.purchase.subscriptionId,
      skipReason: p === 'skipped' ? (s.skipReason ?? s.pick.reasons[0]) : undefined,
    },
    reassign: {
      done: progress.done,
      failed: progress.failed,
      total: progress.total,
      failedUsers: users
        .filter((u) => u.state === 'failed')
        .map((u) => ({ name: u.displayName || u.upn, reason: u.reason ?? '' })),
      activity: s.running === 'reassign' ? (s.activity ?? null) : null,
    },
    suspend: { deprovisionDate: r.steps.suspend.deprovisionDate },
    otherTab: s.otherTab,
    problem: s.problem,
    complete: settled(p) && settled(b) && c === 'done',
  };
}
