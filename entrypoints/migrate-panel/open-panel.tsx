import { MigratePanel } from '@/components/MigratePanel';
import type { Offer, SessionClient, SubscribedSku } from '@/lib/api';
import type { Lang } from '@/lib/i18n';
import type { RunMode, StepPlan } from '@/lib/migration/runner';
import { cleanupOnly, pooledCount } from '@/lib/migration/prepare';
import type { StepName } from '@/lib/migration/types';
import type { RetiringItem } from '@/lib/overlay/assess';
import type { WatchUpdate } from '@/lib/store/watchers';
import type { Island } from '../content/host';
import { createPanelIsland } from './island';
import { exportLog } from './export-log';
import { openNext, readNext } from './next';
import { type PanelState, panelModel } from './model';
import { choosePlan, changeQuantity, chooseUser } from './plan-choice';
import { loadPool, readSeats } from './reads';
import { watchMigration } from './watch';

/** What an open panel may ask of the tab: run a step (one at a time per tab, see MigrationRunner). */
export interface PanelHost {
  /** The content script's session client (its budget and token source), lent to the panel. */
  readonly client: SessionClient;
  run(panel: OpenPanel, step: StepName, mode: RunMode): Promise<void>;
  close(): void;
}

/**
 * One open Migrate panel: the state it shows, its island in the page, and its subscriptions (the
 * stored migration pushed by the background; the page coming back into view). Everything it shows
 * comes from the store's pushes or from reads of Partner Center; closing it stops them all.
 */
export class OpenPanel {
  /** Aborted when the panel closes: its own reads (seats, a pooled SKU's holders) stop with it. */
  readonly closed = new AbortController();
  private readonly island: Island;
  private readonly unwatch: () => void;

  constructor(
    readonly item: RetiringItem,
    readonly lang: Lang,
    public state: PanelState,
    /** The offers and products read when the panel opened (to store another replacement the agent picks). */
    readonly reads: { offers: readonly Offer[]; skus: readonly SubscribedSku[] },
    private readonly host: PanelHost,
    /** The island the panel showed its opening in; a new one otherwise. */
    island: Island = createPanelIsland(),
  ) {
    this.island = island;
    this.unwatch = watchMigration(state.record.id, (update) => this.onStored(update));
    // Free seats live in Partner Center, which pushes nothing: read them again when the agent comes
    // back to this page (the quantity may have been changed in another tab), not on a timer.
    const again = () => document.visibilityState === 'visible' && void readSeats(this);
    document.addEventListener('visibilitychange', again, { signal: this.closed.signal });
    this.render();
    void readSeats(this);
    void loadPool(this);
    void readNext(this);
  }

  get isOpen(): boolean {
    return !this.closed.signal.aborted;
  }

  /** What the runner needs beyond the record: the catalog entry and the agent's choices. */
  stepPlan(): StepPlan {
    const { pick, pool, option } = this.state;
    const chosen = pool && !pool.loading && !pool.failed ? [...pool.chosen] : undefined;
    return {
      retirement: this.item.retirement,
      retiredOffer: pick.retiredOffer,
      offerNames: [option.plan.name.en],
      cleanupOnly: cleanupOnly(pick),
      pooledCount: pooledCount(pick),
      ...(chosen ? { chosenUserIds: chosen } : {}),
    };
  }

  render(): void {
    if (!this.isOpen) return;
    this.island.update(
      <MigratePanel
        lang={this.lang}
        model={panelModel(this.state)}
        onChoosePlan={(key) => void choosePlan(this, key)}
        onQuantity={(q) => void changeQuantity(this, q)}
        onRun={(step) => void this.host.run(this, step, 'run')}
        onManualDone={(step) => void this.host.run(this, step, 'manual')}
        onNothingBought={() => void this.host.run(this, 'purchase', 'nothing-bought')}
        onChooseUser={(id, chosen) => chooseUser(this, id, chosen)}
        onExport={(kind) => void exportLog(this, kind)}
        onNext={() => void openNext(this)}
        onClose={() => this.host.close()}
      />,
    );
  }

  /**
   * The background pushed the stored migration (another tab's progress, or ours). While this tab runs
   * a step, its own answers are newer than any push. Free seats are read again with each change.
   */
  private onStored(update: WatchUpdate): void {
    if (!this.isOpen || this.state.running || !update.migration) return;
    const changed = update.migration.updatedAt !== this.state.record.updatedAt;
    this.state.record = update.migration;
    this.state.otherTab = update.lock === 'other';
    this.render();
    if (changed) void readSeats(this);
    void readNext(this);
  }

  get client(): SessionClient {
    return this.host.client;
  }

  close(): void {
    this.unwatch();
    this.closed.abort();
    this.island.remove();
  }
}
