import { MigratePanel } from '@/components/MigratePanel';
import type { StepId } from '@/components/panel-model';
import type { Offer, SubscribedSku } from '@/lib/api';
import { DamagedRecord } from '@/components/DamagedRecord';
import { type Lang, t } from '@/lib/i18n';
import type { NewMigration } from '@/lib/migration/create';
import { auditToCsv, auditToJson } from '@/lib/migration/export';
import type { WatchUpdate } from '@/lib/store/watchers';
import { readSkus, replacementFrom, retiringSku } from '@/lib/migration/plan';
import { nextStep } from '@/lib/migration/progress';
import { type StepDeps, StepStop } from '@/lib/migration/steps/deps';
import { confirmNothingBought, runPurchase, settlePurchase } from '@/lib/migration/steps/purchase';
import { manualDone, manualPurchase } from '@/lib/migration/steps/manual';
import { runReassign } from '@/lib/migration/steps/reassign';
import { usersToMove } from '@/lib/migration/steps/users';
import { readLicensedUsers } from '@/lib/migration/steps/verify';
import { runSuspend } from '@/lib/migration/steps/suspend';
import type { MigrationRecord } from '@/lib/migration/types';
import type { RetiringItem } from '@/lib/overlay/assess';
import { parseRoute } from '@/lib/portal/routes';
import { type PickSuccess, validateQuantity } from '@/lib/recommend';
import { coversService } from '@/lib/recommend/coverage';
import { createIsland, type Island } from '../host';
import { cache, client } from '../session';
import { describeStop } from './describe';
import { download } from './download';
import { watchMigration } from './watch';
import { cleanupOnly, type PanelState, panelModel } from './model';
import { migrations } from './store';

const STEP_INDEX: Record<StepId, number> = { purchase: 0, reassign: 1, suspend: 2 };

interface Open {
  item: RetiringItem;
  lang: Lang;
  state: PanelState;
  island: Island;
  /** Stops following the stored migration (pushed by the background). */
  unwatch: () => void;
  /**
   * Free seats of the new product live in Partner Center, which pushes nothing: while step B is next
   * they are read again now and then (someone may change the quantity meanwhile).
   */
  seats: ReturnType<typeof setInterval>;
  /** Names of the licenses as Partner Center shows them, read when a step starts. */
  skus: SubscribedSku[];
  /** The offers list read when the panel opened (for the replacement's SKU when the agent picks another). */
  offers: Offer[];
  /** Aborted when the panel closes: its own reads (the holders of a pooled SKU) stop with it. */
  closed: AbortController;
}


/** How often an idle panel reads the free seats again while step B is next. */
const SEATS_EVERY_MS = 10_000;

let open: Open | null = null;
/**
 * The step this tab is running, whichever panel shows it: one at a time per tab. The background's
 * lease keeps other tabs out but grants this tab again, so a double click, a panel closed and opened
 * again, or the resume check on the next page must be kept out here.
 */
let inFlight: { migrationId: string; step: StepId; abort: AbortController } | null = null;
/** A panel is being prepared (API reads in flight): a second click must not open a second one. */
let opening = false;

/** Opens (or brings back) the Migrate panel for a retiring subscription. One panel at a time. */
export async function openMigratePanel(item: RetiringItem, lang: Lang, restart = false): Promise<void> {
  if (!item.pick.ok || opening) return;
  opening = true;
  try {
    await preparePanel(item, item.pick, lang, restart);
  } finally {
    opening = false;
  }
}

/** The notice shown instead of the panel when the stored record is damaged. */
let damaged: Island | null = null;

function showDamaged(item: RetiringItem, lang: Lang, problem: string): void {
  damaged?.remove();
  damaged = createIsland('panel', null, (host) => document.body.append(host));
  damaged.update(
    <DamagedRecord
      lang={lang}
      problem={problem}
      onStartAgain={() => void openMigratePanel(item, lang, true)}
      onClose={() => {
        damaged?.remove();
        damaged = null;
      }}
    />,
  );
}

async function preparePanel(item: RetiringItem, pick: PickSuccess, lang: Lang, restart = false): Promise<void> {
  if (open && open.state.record.subscriptionId === item.subscription.id.toLowerCase()) return;
  closePanel();
  damaged?.remove();
  damaged = null;
  // The item came from this page, so the URL's customer is its tenant.
  const tenantId = parseRoute(location.href)?.tenantId;
  if (!tenantId) return;
  const option = pick.options.find((o) => o.eligible) ?? pick.options[0];
  if (!option) return;
  const [customer, skus] = await Promise.all([
    cache.getCustomer(tenantId),
    client.listSubscribedSkus(tenantId),
  ]);
  const country = (customer.ok && customer.data.billingProfile?.defaultAddress?.country) || 'US';
  const offers = await cache.listOffers(country);
  // What these reads say is shown, never relied on: each step reads the products again when it starts.
  const tenantSkus = skus.ok ? skus.data : [];
  const offerList = offers.ok ? offers.data : [];
  const retiredSku = skus.ok
    ? retiringSku({
        offerId: item.subscription.offerId,
        offers: offerList,
        skus: tenantSkus,
        retirement: pick.retirement,
        retiredOffer: pick.retiredOffer,
      })
    : null;
  const replacement = replacementFrom(option, offerList, tenantSkus);
  const replacementSkuId = replacement.skuId;
  const nameOf = (sku: string | null) => tenantSkus.find((s) => s.productSku.id.toLowerCase() === sku)?.productSku.name;
  // The customer may already own the replacement with enough free seats: then step A is not needed.
  const owned = tenantSkus.find((s) => s.productSku.id.toLowerCase() === replacementSkuId);
  const alreadyOwned = pick.purchaseNeeded && !!owned && owned.availableUnits >= pick.seatsToBuy;
  const ownedReason = owned
    ? (['en', 'ko'] as const).reduce(
        (acc, l) => ({ ...acc, [l]: t(l, 'purchaseOwned', { plan: owned.productSku.name, count: owned.availableUnits }) }),
        { en: '', ko: '' },
      )
    : undefined;

  const input: NewMigration = {
    tenantId,
    subscriptionId: item.subscription.id,
    customerName: (customer.ok && customer.data.companyProfile.companyName) || tenantId,
    retiring: {
      offerId: item.subscription.offerId,
      offerName: item.subscription.offerName,
      skuId: retiredSku,
      productName: nameOf(retiredSku) ?? item.subscription.offerName,
      quantity: item.subscription.quantity,
    },
    replacement,
    purchaseNeeded: pick.purchaseNeeded && !alreadyOwned,
    reassignNeeded: pick.reassignNeeded || pick.licenseCleanupNeeded,
  };
  const created = await (restart ? migrations.restart(input) : migrations.create(input));
  if (!created.ok) {
    // A damaged record is said, with a way forward; it never leaves a panel that silently does not open.
    if (created.error === 'corrupt') showDamaged(item, lang, created.problem);
    return;
  }
  const record = created.migration;
  const chosen = pick.options.find((o) => o.plan.key === record.replacement.planKey) ?? option;
  const state: PanelState = {
    record,
    pick,
    option: chosen,
    quantity: record.replacement.quantity,
    quantityError: null,
    running: inFlight?.migrationId === record.id ? inFlight.step : null,
    otherTab: false,
    problem: null,
    subscriptionName: item.subscription.friendlyName || item.subscription.offerName,
    ends: item.endDate ? { date: item.endDate, daysLeft: item.daysLeft } : null,
    skipReason: alreadyOwned || !record.purchaseNeeded ? ownedReason : undefined,
  };
  const island = createIsland('panel', null, (host) => document.body.append(host));
  open = {
    item,
    lang,
    state,
    island,
    skus: tenantSkus,
    offers: offerList,
    closed: new AbortController(),
    unwatch: () => undefined,
    seats: setInterval(() => void (open && !open.state.running && readSeats(open)), SEATS_EVERY_MS),
  };
  const current = open;
  current.unwatch = watchMigration(record.id, (update) => onStored(current, update));
  render();
  void readSeats(open);
  void loadPool(open);
}

/** Users to move when the retiring SKU is pooled with subscriptions that stay; null: every holder. */
const pooledCount = (state: PanelState): number | null =>
  state.pick.usersToMove < state.pick.licensedUsers ? state.pick.usersToMove : null;

/**
 * A pooled SKU: reads who holds the old license, so the agent can choose which of them move (the
 * stable default choice ticked). Only before step B has its list; afterwards that list is the choice.
 */
async function loadPool(current: Open): Promise<void> {
  const { record } = current.state;
  const share = pooledCount(current.state);
  const oldSku = record.retiring.skuId;
  if (share === null || !oldSku || Object.keys(record.steps.reassign.users).length > 0) return;
  if (record.steps.reassign.state === 'skipped' || record.steps.reassign.state === 'done') return;
  current.state.pool = { count: share, holders: [], chosen: new Set(), loading: true, failed: false };
  render();
  const read = await readLicensedUsers(client, record.tenantId, current.closed.signal);
  if (open !== current) return;
  if (!read.ok) {
    current.state.pool = { count: share, holders: [], chosen: new Set(), loading: false, failed: true };
  } else {
    const holders = usersToMove(read.data, oldSku, null);
    // Fewer holders than the retiring seats (users left since the assessment): all of them move.
    const count = Math.min(share, holders.length);
    const chosen = new Set(usersToMove(read.data, oldSku, count).map((u) => u.id));
    current.state.pool = { count, holders, chosen, loading: false, failed: false };
  }
  render();
}

function chooseUser(userId: string, chosen: boolean): void {
  const pool = open?.state.pool;
  if (!open || !pool || open.state.running) return;
  const next = new Set(pool.chosen);
  if (chosen) next.add(userId);
  else next.delete(userId);
  open.state.pool = { ...pool, chosen: next };
  render();
}

/**
 * When step B is next, how many licenses of the new product are free, so the panel can warn before
 * the click that some users would find none. Read again after every step and retry.
 */
async function readSeats(current: Open): Promise<void> {
  const { record } = current.state;
  if (nextStep(record) !== 'reassign' || !record.replacement.skuId) {
    current.state.freeSeats = null;
    return;
  }
  const skus = await client.listSubscribedSkus(record.tenantId);
  if (open !== current || !skus.ok) return;
  const sku = skus.data.find((s) => s.productSku.id.toLowerCase() === record.replacement.skuId);
  const free = sku ? sku.availableUnits : null;
  if (free === current.state.freeSeats) return;
  current.state.freeSeats = free;
  render();
}

export function closePanel(): void {
  if (!open) return;
  open.unwatch();
  clearInterval(open.seats);
  open.closed.abort();
  // Closing the panel stops its step (between two actions, as leaving the page does): no work goes
  // on out of the agent's sight. The step picks up where it stopped with one click.
  inFlight?.abort.abort();
  open.island.remove();
  open = null;
}

/**
 * The background pushed the stored migration (another tab's progress, or ours). While this tab runs
 * a step, its own answers are newer than any push. Free seats are read again with each change.
 */
function onStored(current: Open, update: WatchUpdate): void {
  if (open !== current || current.state.running || !update.migration) return;
  const changed = update.migration.updatedAt !== current.state.record.updatedAt;
  current.state.record = update.migration;
  current.state.otherTab = update.lock === 'other';
  render();
  if (changed) void readSeats(current);
}

function render(): void {
  if (!open) return;
  const { lang, state } = open;
  open.island.update(
    <MigratePanel
      lang={lang}
      model={panelModel(state)}
      onChoosePlan={(key) => void choosePlan(key)}
      onQuantity={(q) => void changeQuantity(q)}
      onRun={(step) => void run(step)}
      onManualDone={(step) => void run(step, 'manual')}
      onNothingBought={() => void run('purchase', 'nothing-bought')}
      onChooseUser={chooseUser}
      onExport={(kind) => void exportLog(kind)}
      onClose={closePanel}
    />,
  );
}

async function choosePlan(planKey: string): Promise<void> {
  if (!open) return;
  const option = open.state.pick.options.find((o) => o.plan.key === planKey && o.eligible);
  if (!option) return;
  const answer = await migrations.apply(open.state.record.id, {
    type: 'replacement.changed',
    replacement: replacementFrom(option, open.offers, open.skus),
  });
  if (!open || !answer.ok) return;
  open.state.record = answer.migration;
  open.state.option = option;
  open.state.quantity = answer.migration.replacement.quantity;
  open.state.quantityError = null;
  render();
}

async function changeQuantity(quantity: number): Promise<void> {
  if (!open) return;
  const { state } = open;
  state.quantity = quantity;
  state.quantityError = validateQuantity(state.option, quantity, state.pick.seatsToBuy);
  render();
  if (state.quantityError) return;
  const answer = await migrations.apply(state.record.id, { type: 'quantity.changed', quantity });
  if (open && answer.ok) {
    open.state.record = answer.migration;
    render();
  }
}

/**
 * Runs one step, checks that the agent did it by hand, or (after a reload) only asks the API what
 * became of an interrupted purchase — holding the migration's lock meanwhile.
 */
async function run(step: StepId, mode: 'run' | 'manual' | 'reconcile' | 'nothing-bought' = 'run'): Promise<void> {
  if (!open || open.state.running || inFlight) return;
  const current = open;
  const { state, lang } = current;
  const id = state.record.id;
  const abort = new AbortController();
  const mine = { migrationId: id, step, abort };
  inFlight = mine;
  const lock = await migrations.lock(id, 'acquire');
  if (!lock.ok || !lock.granted || abort.signal.aborted) {
    inFlight = null;
    if (lock.ok && lock.granted) await migrations.lock(id, 'release');
    state.otherTab = !abort.signal.aborted;
    if (open === current) render();
    return;
  }
  const renew = setInterval(() => void migrations.lock(id, 'renew'), 8000);
  state.running = step;
  state.problem = null;
  state.otherTab = false;
  render();
  let painted = 0;
  const deps: StepDeps = {
    api: client,
    signal: abort.signal,
    timeoutMs: 15_000,
    verifyTimeoutMs: 60_000,
    async apply(event) {
      const answer = await migrations.apply(id, event);
      if (!answer.ok) {
        const why = answer.error === 'refused' ? answer.message : answer.error;
        throw new StepStop('store', event.type, null, why);
      }
      state.record = answer.migration;
      if (open === current) render();
      return answer.migration;
    },
    progress(note) {
      const phaseChanged = state.activity?.phase !== note.phase;
      state.activity = note;
      // Reading 1,200 users reports 1,200 times: repaint at most a few times a second.
      if (open !== current || (!phaseChanged && note.done < note.total && Date.now() - painted < 250)) return;
      painted = Date.now();
      render();
    },
  };
  try {
    if (mode === 'reconcile') await settlePurchase(state.record, deps);
    else if (mode === 'nothing-bought') await confirmNothingBought(state.record, deps);
    else if (step === 'purchase' && mode === 'run') await runPurchase(state.record, deps, [state.option.plan.name.en]);
    else if (step === 'purchase') await manualPurchase(state.record, deps);
    else {
      // Steps B and C, and checking either by hand, decide from what the API shows now, never from
      // what was read when the panel opened: a failed read stops here with nothing changed.
      const customer = await cache.getCustomer(state.record.tenantId, { signal: abort.signal });
      const country = (customer.ok && customer.data.billingProfile?.defaultAddress?.country) || 'US';
      const catalog = { retirement: current.item.retirement, retiredOffer: state.pick.retiredOffer };
      const fresh = await readSkus(client, state.record, catalog, country, abort.signal);
      const covering = coveringSkus(fresh.skus, current.item, fresh.oldSku);
      if (mode === 'manual') {
        await manualDone(step, state.record, deps, {
          cleanupOnly: cleanupOnly(state),
          coveringSkus: covering,
          oldSku: fresh.oldSku,
          newSku: fresh.newSku,
          days: current.item.retirement.deprovisionAfterDays,
        });
      } else if (step === 'reassign') {
        const chosen = state.pool && !state.pool.loading && !state.pool.failed ? [...state.pool.chosen] : undefined;
        await runReassign(state.record, deps, {
          oldSku: fresh.oldSku,
          newSku: fresh.newSku,
          pooledCount: pooledCount(state),
          coveringSkus: covering,
          ...(chosen ? { chosenUserIds: chosen } : {}),
          cleanupOnly: cleanupOnly(state),
          from: fresh.nameOf(fresh.oldSku),
          to: fresh.nameOf(fresh.newSku),
        });
      } else {
        await runSuspend(state.record, deps, {
          days: current.item.retirement.deprovisionAfterDays,
          retiringSku: fresh.oldSku,
        });
      }
    }
  } catch (error) {
    state.problem = {
      step,
      text: describeStop(error, lang),
      orderMayExist: error instanceof StepStop && error.reason === 'order-may-exist',
      canRerun: !(error instanceof StepStop && error.reason === 'role'),
      manual: current.item.retirement.steps[STEP_INDEX[step]]?.instructions[lang] ?? [],
    };
  } finally {
    clearInterval(renew);
    await migrations.lock(id, 'release');
    if (inFlight === mine) inFlight = null;
    // A panel opened again meanwhile shows this migration: it now shows the step as stopped.
    if (open && open !== current && open.state.record.id === id) {
      open.state.running = null;
      open.state.record = state.record;
      render();
    }
    cache.invalidate(state.record.tenantId);
    state.running = null;
    state.activity = null;
    if (open === current) {
      render();
      void readSeats(current);
      // Step B stopped before recording its users (e.g. a chosen user lost the license): list anew.
      if (step === 'reassign' && state.pool && Object.keys(state.record.steps.reassign.users).length === 0) {
        void loadPool(current);
      }
    }
  }
}

/**
 * The customer's products, other than the retiring one, that include the retired service (a service
 * plan with one of the retirement's covering prefixes, KAIZALA_ for Kaizala): lower-case SKU ids.
 */
function coveringSkus(skus: readonly SubscribedSku[], item: RetiringItem, retiringSku: string | null): string[] {
  return skus
    .filter((s) => s.productSku.id.toLowerCase() !== retiringSku)
    .filter((s) => coversService(item.retirement, s.servicePlans.map((p) => p.serviceName)))
    .map((s) => s.productSku.id.toLowerCase());
}


async function exportLog(kind: 'csv' | 'json'): Promise<void> {
  if (!open) return;
  const { record } = open.state;
  const entries = await migrations.audit(record.id);
  if (!entries.ok) return;
  const name = `migration-${record.customerName.replace(/[^\p{L}\p{N}]+/gu, '-')}-${record.subscriptionId.slice(0, 8)}`;
  if (kind === 'csv') download(`${name}.csv`, auditToCsv(record, entries.entries, open.lang), 'text/csv;charset=utf-8');
  else download(`${name}.json`, auditToJson(record, entries.entries), 'application/json');
}

/**
 * After a reload, a closed tab or a restart: show the panel of a migration that stopped mid-step,
 * and settle an interrupted purchase from the API (reads only; nothing is bought here).
 */
export async function resumeInterrupted(items: readonly RetiringItem[], lang: Lang): Promise<void> {
  const tenantId = parseRoute(location.href)?.tenantId;
  // A step of this tab still under way is no interruption: it is the one moving the portal.
  if (open || inFlight || !tenantId) return;
  const record = await interruptedMigration(tenantId);
  const item = record && items.find((i) => i.subscription.id.toLowerCase() === record.subscriptionId);
  if (!record || !item || open) return;
  await openMigratePanel(item, lang);
  const p = record.steps.purchase.state;
  if (p === 'intent' || p === 'submitted') await run('purchase', 'reconcile');
}

async function interruptedMigration(tenantId: string): Promise<MigrationRecord | null> {
  const list = await migrations.list(tenantId);
  if (!list.ok) return null;
  return (
    list.migrations.find(
      (m) =>
        m.steps.purchase.state === 'intent' ||
        m.steps.purchase.state === 'submitted' ||
        m.steps.reassign.state === 'running' ||
        m.steps.suspend.state === 'submitted',
    ) ?? null
  );
}

/** Navigating to another customer closes an idle panel; a running step keeps it (and is guarded per page). */
export function closePanelUnlessFor(tenantId: string | null): void {
  if (open && !open.state.running && open.state.record.tenantId !== tenantId) closePanel();
}
