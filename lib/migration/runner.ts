import type { SessionClient } from '@/lib/api';
import type { RetiredOffer, Retirement } from '@/lib/catalog';
import type { MigrationEvent } from './events';
import { coveringSkus, readSkus } from './plan';
import { type StepDeps, type StepProgress, StepStop } from './steps/deps';
import { manualDone, manualPurchase } from './steps/manual';
import type { PortalSteps } from './steps/portal';
import { confirmNothingBought, runPurchase, settlePurchase } from './steps/purchase';
import { runReassign } from './steps/reassign';
import { runSuspend } from './steps/suspend';
import type { MigrationRecord, StepName } from './types';

/** How one click asks for a step: run it, check the agent did it by hand, or only settle an interrupted purchase. */
export type RunMode = 'run' | 'manual' | 'reconcile' | 'nothing-bought';

/** The store, as the runner needs it (in the extension: messages to the background). */
export interface RunnerStore {
  apply(
    id: string,
    event: MigrationEvent,
  ): Promise<{ ok: true; migration: MigrationRecord } | { ok: false; error: string; message?: string }>;
  lock(
    id: string,
    action: 'acquire' | 'renew' | 'release',
  ): Promise<{ ok: true; granted: boolean } | { ok: false; error: string }>;
}

export interface RunnerDeps {
  store: RunnerStore;
  api: StepDeps['api'] & Pick<SessionClient, 'listOffers'>;
  /** The customer's country (for the offers list), read fresh for steps B and C; 'US' when unknown. */
  country(tenantId: string, signal: AbortSignal): Promise<string>;
  /** Called after every step: what the step changed must be read again, not taken from a cache. */
  invalidate(tenantId: string): void;
  portal?: PortalSteps;
  /** Lease renewal period: the background gives the lock up when a tab stops renewing it. */
  renewEveryMs?: number;
  timeoutMs?: number;
  verifyTimeoutMs?: number;
}

/** What the panel knows beyond the record: the catalog entry and the agent's choices. */
export interface StepPlan {
  retirement: Retirement;
  retiredOffer: RetiredOffer;
  /** The replacement's offer names as the Add subscription page may list them. */
  offerNames: readonly string[];
  /** Users keep the service through products they hold: step B only clears the old license. */
  cleanupOnly: boolean;
  /** Users to move when the retiring SKU is pooled with subscriptions that stay; null: every holder. */
  pooledCount: number | null;
  /** The holders the agent chose (pooled SKU only). */
  chosenUserIds?: readonly string[];
}

export interface RunRequest {
  record: MigrationRecord;
  step: StepName;
  mode: RunMode;
  plan: StepPlan;
  /** Each stored transition, as the store answered it. */
  onRecord(record: MigrationRecord): void;
  onProgress?(note: StepProgress): void;
}

export type RunOutcome =
  /** The step ended as recorded (done, or stopped with its state stored). */
  | { kind: 'finished'; record: MigrationRecord }
  /** It stopped: `error` says why (a StepStop, or anything unexpected); the record is the last stored. */
  | { kind: 'stopped'; record: MigrationRecord; error: unknown }
  /** Nothing ran: another tab holds the migration, this tab already runs a step, or it was cancelled. */
  | { kind: 'busy'; otherTab: boolean };

/**
 * Runs the migration's steps for one tab: one step at a time (a double click, a panel opened again or
 * the resume check on the next page cannot start a second), each under the background's lease so no
 * other tab runs one of the same migration, renewed while the step works.
 */
export class MigrationRunner {
  private inFlight: { migrationId: string; step: StepName; abort: AbortController } | null = null;

  constructor(private readonly deps: RunnerDeps) {}

  /** The step this tab runs for the migration, if any. */
  runningStep(migrationId: string): StepName | null {
    return this.inFlight?.migrationId === migrationId ? this.inFlight.step : null;
  }

  get busy(): boolean {
    return this.inFlight !== null;
  }

  /** Stops the running step between two actions (the panel closed): one click picks it up again. */
  cancel(): void {
    this.inFlight?.abort.abort();
  }

  async run(request: RunRequest): Promise<RunOutcome> {
    if (this.inFlight) return { kind: 'busy', otherTab: false };
    const { store } = this.deps;
    const id = request.record.id;
    const mine = { migrationId: id, step: request.step, abort: new AbortController() };
    this.inFlight = mine;
    const signal = mine.abort.signal;
    try {
      const lock = await store.lock(id, 'acquire');
      if (!lock.ok || !lock.granted || signal.aborted) {
        if (lock.ok && lock.granted) await store.lock(id, 'release');
        return { kind: 'busy', otherTab: !signal.aborted };
      }
      const renew = setInterval(() => void store.lock(id, 'renew'), this.deps.renewEveryMs ?? 8000);
      let record = request.record;
      const deps: StepDeps = {
        api: this.deps.api,
        signal,
        timeoutMs: this.deps.timeoutMs ?? 15_000,
        verifyTimeoutMs: this.deps.verifyTimeoutMs ?? 60_000,
        ...(this.deps.portal ? { portal: this.deps.portal } : {}),
        apply: async (event) => {
          const answer = await store.apply(id, event);
          if (!answer.ok) throw new StepStop('store', event.type, null, answer.message ?? answer.error);
          record = answer.migration;
          request.onRecord(record);
          return record;
        },
        progress: (note) => request.onProgress?.(note),
      };
      try {
        await this.dispatch(request, deps);
        return { kind: 'finished', record };
      } catch (error) {
        return { kind: 'stopped', record, error };
      } finally {
        clearInterval(renew);
        await store.lock(id, 'release');
        this.deps.invalidate(record.tenantId);
      }
    } finally {
      if (this.inFlight === mine) this.inFlight = null;
    }
  }

  private async dispatch({ record, step, mode, plan }: RunRequest, deps: StepDeps): Promise<void> {
    if (mode === 'reconcile') await settlePurchase(record, deps);
    else if (mode === 'nothing-bought') await confirmNothingBought(record, deps);
    else if (step === 'purchase' && mode === 'run') await runPurchase(record, deps, [...plan.offerNames]);
    else if (step === 'purchase') await manualPurchase(record, deps);
    else {
      // Steps B and C, and checking either by hand, decide from what the API shows now, never from
      // what was read when the panel opened: a failed read stops here with nothing changed.
      const country = await this.deps.country(record.tenantId, deps.signal);
      const catalog = { retirement: plan.retirement, retiredOffer: plan.retiredOffer };
      const fresh = await readSkus(this.deps.api, record, catalog, country, deps.signal);
      const covering = coveringSkus(fresh.skus, plan.retirement, fresh.oldSku);
      const days = plan.retirement.deprovisionAfterDays;
      if (mode === 'manual') {
        const check = { cleanupOnly: plan.cleanupOnly, coveringSkus: covering, days };
        await manualDone(step, record, deps, { ...check, oldSku: fresh.oldSku, newSku: fresh.newSku });
      } else if (step === 'reassign') {
        await runReassign(record, deps, {
          oldSku: fresh.oldSku,
          newSku: fresh.newSku,
          pooledCount: plan.pooledCount,
          coveringSkus: covering,
          ...(plan.chosenUserIds ? { chosenUserIds: plan.chosenUserIds } : {}),
          cleanupOnly: plan.cleanupOnly,
          from: fresh.nameOf(fresh.oldSku),
          to: fresh.nameOf(fresh.newSku),
        });
      } else {
        await runSuspend(record, deps, { days, retiringSku: fresh.oldSku });
      }
    }
  }
}
