import type { PanelModel, PoolChoice, StepId, StepStatus } from '@/components/panel-model';
import type { Localized } from '@/lib/catalog';
import { cleanupOnly } from '@/lib/migration/prepare';
import { usersProgress } from '@/lib/migration/progress';
import type { StepProgress } from '@/lib/migration/steps/deps';
import type { MigrationRecord } from '@/lib/migration/types';
import type { PickSuccess, ReplacementOption } from '@/lib/recommend';
import type { NextCustomer } from '@/lib/worklist/messages';

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
  /** The retiring subscription's end date and days left, as its row shows them. */
  ends: PanelModel['ends'];
  /** Why step A is not needed, when the panel knows better than the picker (the replacement is owned). */
  skipReason?: Localized;
  /** The running step's latest progress note; cleared when it ends. */
  activity?: StepProgress | null;
  /** Free licenses of the new product, read from the API when step B is next (null: not known). */
  freeSeats?: number | null;
  /** Pooled SKU: the holders of the old license and which of them the agent has chosen to move. */
  pool?: PoolState | null;
  /** Once complete: the worklist's next customer (asked of the background; null: none, or no scan yet). */
  next?: NextCustomer | null;
}

export interface PoolState {
  count: number;
  holders: ReadonlyArray<{ id: string; displayName: string; upn: string }>;
  chosen: ReadonlySet<string>;
  loading: boolean;
  failed: boolean;
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
    ends: s.ends,
    fromProduct: r.retiring.productName ?? r.retiring.offerName,
    options: s.pick.options,
    chosen: s.option,
    reasons: s.pick.reasons,
    quantity: s.quantity,
    quantityError: s.quantityError,
    editable: p === 'pending' || p === 'failed',
    usersToMove: users.length > 0 ? users.length : s.pick.usersToMove,
    deprovisionDays: s.pick.retirement.deprovisionAfterDays,
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
      cleanupOnly: cleanupOnly(s.pick),
      activity: s.running === 'reassign' ? (s.activity ?? null) : null,
      shortOfSeats: shortOfSeats(s, reassign),
      // Chosen before step B starts; once it has its list of users, that list is the choice.
      pool: s.pool && users.length === 0 && !settled(b) ? poolChoice(s.pool) : null,
    },
    suspend: { deprovisionDate: r.steps.suspend.deprovisionDate },
    otherTab: s.otherTab,
    problem: s.problem,
    complete: settled(p) && settled(b) && c === 'done',
    next: settled(p) && settled(b) && c === 'done' && s.next ? { customerName: s.next.customerName, daysLeft: s.next.daysLeft } : null,
  };
}

/**
 * Users who will find no free license of the new product if step B runs now (someone lowered the new
 * subscription, or another migration took its seats): the agent hears it before clicking, not after.
 * Zero when B is not next, when users keep their product (clean-up only, or the same product), or
 * when the count is not known.
 */
function shortOfSeats(s: PanelState, reassign: StepStatus): number {
  const r = s.record;
  if (reassign !== 'pending' && reassign !== 'failed') return 0;
  if (!s.pick.reassignNeeded || s.freeSeats === null || s.freeSeats === undefined) return 0;
  if (!r.replacement.skuId || r.replacement.skuId === r.retiring.skuId) return 0;
  const users = Object.values(r.steps.reassign.users);
  const toMove = users.length > 0 ? users.filter((u) => u.state !== 'moved').length : s.pick.usersToMove;
  return Math.max(0, toMove - s.freeSeats);
}

function poolChoice(pool: PoolState): PoolChoice {
  const holders = pool.holders.map((u) => ({
    id: u.id,
    name: u.displayName || u.upn,
    upn: u.upn,
    chosen: pool.chosen.has(u.id),
  }));
  return {
    count: pool.count,
    holders,
    chosenCount: holders.filter((u) => u.chosen).length,
    loading: pool.loading,
    failed: pool.failed,
  };
}
