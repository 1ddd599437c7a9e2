import { DamagedRecord } from '@/components/DamagedRecord';
import { PanelOpening } from '@/components/PanelOpening';
import type { Lang } from '@/lib/i18n';
import { countryOf, planPanel } from '@/lib/migration/prepare';
import { isInterrupted } from '@/lib/migration/progress';
import { MigrationRunner, type RunMode } from '@/lib/migration/runner';
import type { StepName } from '@/lib/migration/types';
import type { RetiringItem } from '@/lib/overlay/assess';
import { parseRoute } from '@/lib/portal/routes';
import type { SessionClient } from '@/lib/api';
import type { Island } from '../content/host';
import { createPanelIsland } from './island';
import type { PanelServices, PanelsApi } from '../content/bridge';
import { OpenPanel, type PanelHost } from './open-panel';
import { readNext } from './next';
import { loadPool, readSeats } from './reads';
import { runStep } from './run-step';
import { migrations } from './store';

/**
 * The Migrate panels of this tab: at most one open, created from the store (one migration per
 * retiring subscription), and one runner so a tab runs one step at a time whichever panel shows it.
 */
export class MigratePanels implements PanelHost, PanelsApi {
  private open: OpenPanel | null = null;
  /** A panel is being prepared (API reads in flight): a second click must not open a second one. */
  private opening = false;
  /** The notice shown instead of the panel when the stored record is damaged. */
  private damaged: Island | null = null;
  readonly client: SessionClient;
  private readonly runner: MigrationRunner;

  /**
   * @param services the content script's session client and cache, and its `onStepEnd`: after every
   *   step the page's banners and badges are assessed again from fresh reads, so a subscription the
   *   step suspended no longer shows as retiring (the UI never contradicts Partner Center).
   */
  constructor(private readonly services: PanelServices) {
    const { client, cache } = services;
    this.client = client;
    this.runner = new MigrationRunner({
      store: migrations,
      api: client,
      country: async (tenantId, signal) => {
        const customer = await cache.getCustomer(tenantId, { signal });
        return countryOf(customer.ok ? customer.data : null);
      },
      invalidate: (tenantId) => cache.invalidate(tenantId),
    });
  }

  /** Opens (or brings back) the Migrate panel for a retiring subscription of this page's customer. */
  async show(item: RetiringItem, lang: Lang, restart = false): Promise<void> {
    const pick = item.pick;
    const tenantId = parseRoute(location.href)?.tenantId;
    // Taken first, whatever happens next: a read begun for this opening never serves a later one.
    const skusRead = this.services.takeSkus(tenantId ?? '');
    if (!pick.ok || this.opening || !tenantId) return;
    if (this.open?.state.record.subscriptionId === item.subscription.id.toLowerCase()) return;
    this.opening = true;
    let shell: Island | null = null;
    try {
      this.close();
      // The panel's frame shows at once. Closing it (or leaving the customer) before the record is
      // stored stops the opening there; after, the record stays, as when an open panel is closed.
      shell = this.showOpening(item, lang, tenantId);
      const { client, cache } = this.services;
      const [customer, skus] = await Promise.all([cache.getCustomer(tenantId), skusRead ?? client.listSubscribedSkus(tenantId)]);
      const offers = await cache.listOffers(countryOf(customer.ok ? customer.data : null));
      const reads = { offers: offers.ok ? offers.data : [], skus: skus.ok ? skus.data : [] };
      const plan = planPanel({
        tenantId,
        subscription: item.subscription,
        pick,
        customer: customer.ok ? customer.data : null,
        skus: skus.ok ? skus.data : null,
        offers: reads.offers,
      });
      if (!plan || this.openingShell !== shell) return;
      const created = await (restart ? migrations.restart(plan.input) : migrations.create(plan.input));
      // Closed while the record was being stored: the record stays, as after opening and closing a panel.
      if (this.openingShell !== shell) return;
      // A damaged record is said, with a way forward; it never leaves a panel that silently does not open.
      if (!created.ok) return void (created.error === 'corrupt' && this.showDamaged(item, lang, created.problem));
      const record = created.migration;
      this.openingShell = null;
      this.open = new OpenPanel(
        item,
        lang,
        {
          record,
          pick,
          option: pick.options.find((o) => o.plan.key === record.replacement.planKey) ?? plan.option,
          quantity: record.replacement.quantity,
          quantityError: null,
          running: this.runner.runningStep(record.id),
          otherTab: false,
          problem: null,
          subscriptionName: item.subscription.friendlyName || item.subscription.offerName,
          ends: item.endDate ? { date: item.endDate, daysLeft: item.daysLeft } : null,
          ...(plan.skipReason && !record.purchaseNeeded ? { skipReason: plan.skipReason } : {}),
        },
        reads,
        this,
        shell,
      );
      shell = null;
    } finally {
      this.opening = false;
      // Not handed to a panel (no plan, a damaged record, closed meanwhile): the frame goes.
      if (shell) {
        if (this.openingShell === shell) this.openingShell = null;
        shell.remove();
      }
    }
  }

  /** The island a panel opening shows in: its frame, title and Close until the panel is ready. */
  private openingShell: Island | null = null;
  private openingTenant: string | null = null;

  private showOpening(item: RetiringItem, lang: Lang, tenantId: string): Island {
    const shell = createPanelIsland();
    const subscription = item.subscription.friendlyName || item.subscription.offerName;
    shell.update(<PanelOpening lang={lang} subscription={subscription} onClose={() => this.close()} />);
    this.openingShell = shell;
    this.openingTenant = tenantId;
    return shell;
  }

  async run(panel: OpenPanel, step: StepName, mode: RunMode): Promise<void> {
    await runStep(this.runner, panel, step, mode);
    this.services.onStepEnd();
    const shown = this.open;
    // A panel opened again meanwhile shows this migration: it now shows the step as stopped.
    if (shown && shown !== panel && shown.state.record.id === panel.state.record.id) {
      Object.assign(shown.state, { running: null, record: panel.state.record });
      shown.render();
    }
    if (!panel.isOpen) return;
    panel.render();
    void readSeats(panel);
    void readNext(panel);
    // Step B stopped before recording its users (a chosen user lost the license): list them anew.
    const users = Object.keys(panel.state.record.steps.reassign.users);
    if (step === 'reassign' && panel.state.pool && users.length === 0) void loadPool(panel);
  }

  /**
   * Closing the panel stops its step between two actions (as leaving the page does): no work goes on
   * out of the agent's sight, and the step picks up where it stopped with one click.
   */
  close(): void {
    this.openingShell?.remove();
    this.openingShell = null;
    this.open?.close();
    this.open = null;
    this.runner.cancel();
    this.damaged?.remove();
    this.damaged = null;
  }

  /** Navigating to another customer closes an idle panel; a running step keeps it (and is guarded per page). */
  closeUnlessFor(tenantId: string | null): void {
    if (this.openingShell && this.openingTenant !== tenantId) {
      this.openingShell.remove();
      this.openingShell = null;
    }
    const state = this.open?.state;
    if (state && !state.running && state.record.tenantId !== tenantId) this.close();
  }

  /**
   * After a reload, a closed tab or a restart: show the panel of a migration that stopped mid-step,
   * and settle an interrupted purchase from the API (reads only; nothing is bought here).
   */
  async resume(items: readonly RetiringItem[], lang: Lang): Promise<void> {
    const tenantId = parseRoute(location.href)?.tenantId;
    // A step of this tab still under way is no interruption: it is the one moving the portal.
    if (this.open || this.runner.busy || !tenantId) return;
    const list = await migrations.list(tenantId);
    const interrupted = (list.ok ? list.migrations : []).find(isInterrupted);
    const item = interrupted && items.find((i) => i.subscription.id.toLowerCase() === interrupted.subscriptionId);
    if (!interrupted || !item || this.open) return;
    await this.show(item, lang);
    const p = interrupted.steps.purchase.state;
    if (this.open && (p === 'intent' || p === 'submitted')) await this.run(this.open, 'purchase', 'reconcile');
  }

  private showDamaged(item: RetiringItem, lang: Lang, problem: string): void {
    const island = createPanelIsland();
    this.damaged = island;
    island.update(
      <DamagedRecord
        lang={lang}
        problem={problem}
        onStartAgain={() => void this.show(item, lang, true)}
        onClose={() => this.close()}
      />,
    );
  }
}
