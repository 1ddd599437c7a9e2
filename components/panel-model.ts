import type { Localized } from '@/lib/catalog';
import type { StepProgress } from '@/lib/migration/steps/deps';
import type { StepName } from '@/lib/migration/types';
import type { ReplacementOption } from '@/lib/recommend';

/** The three steps, A purchase, B reassign, C suspend: one type, the store's. */
export type StepId = StepName;
export type StepStatus = 'waiting' | 'pending' | 'running' | 'done' | 'skipped' | 'failed';

/** Everything the Migrate panel shows, computed by the content script from the store and the picker. */
export interface PanelModel {
  customerName: string;
  subscriptionName: string;
  /** When the retiring subscription ends (YYYY-MM-DD) and the whole days left, repeated from its row. */
  ends: { date: string; daysLeft: number | null } | null;
  /** The product users hold today, and the one they move to. */
  fromProduct: string;
  options: readonly ReplacementOption[];
  chosen: ReplacementOption;
  /** Picker reasons for the whole migration (coverage, audience …). */
  reasons: readonly Localized[];
  quantity: number;
  quantityError: Localized | null;
  /** False once the purchase has started: the plan and quantity are then fixed. */
  editable: boolean;
  usersToMove: number;
  deprovisionDays: number;
  steps: Record<StepId, StepStatus>;
  purchase: { orderId?: string; subscriptionId?: string; skipReason?: Localized };
  reassign: {
    done: number;
    failed: number;
    total: number;
    failedUsers: ReadonlyArray<{ name: string; reason: string }>;
    /** What the running step is doing right now (reading, selecting, saving, checking), if it said. */
    activity?: StepProgress | null;
    /**
     * Users keep the service through a product they already hold: step B only removes the retiring
     * license from them and assigns nothing.
     */
    cleanupOnly: boolean;
    /** Users who would find no free license of the new product if step B ran now. */
    shortOfSeats?: number;
    /** The holders to choose from when only the retiring subscription's share of a pooled SKU moves. */
    pool?: PoolChoice | null;
  };
  suspend: { deprovisionDate?: string };
  /** Another tab holds the lock: this one only shows progress. */
  otherTab: boolean;
  /** What stopped the last step, with the guide's manual instructions for it. */
  problem: {
    step: StepId;
    text: string;
    manual: readonly string[];
    /** The API shows a Submit that may have bought: the agent may say, after checking, that it did not. */
    orderMayExist?: boolean;
    /**
     * False when running the step again can only fail the same way (the signed-in user lacks the
     * role): the step's button stays off until the page is loaded again.
     */
    canRerun: boolean;
  } | null;
  complete: boolean;
  /** Once complete: the worklist's next customer still to migrate, offered as one click; null when none. */
  next: { customerName: string; daysLeft: number | null } | null;
}

/** Which holders of a pooled SKU move in step B (the agent's choice, ticked to start with). */
export interface PoolChoice {
  /** How many must move: the retiring subscription's seats. */
  count: number;
  holders: ReadonlyArray<{ id: string; name: string; upn: string; chosen: boolean }>;
  chosenCount: number;
  loading: boolean;
  failed: boolean;
}

export interface PanelEvents {
  onChoosePlan(planKey: string): void;
  onQuantity(quantity: number): void;
  onRun(step: StepId): void;
  onManualDone(step: StepId): void;
  /** After checking the customer's orders: nothing was bought, the purchase may start over. */
  onNothingBought(): void;
  onChooseUser(userId: string, chosen: boolean): void;
  onExport(kind: 'csv' | 'json'): void;
  /** Opens the worklist's next customer in this tab, with its Migrate panel. */
  onNext(): void;
  onClose(): void;
}
