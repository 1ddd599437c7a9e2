import type {
  ApiResult,
  CustomerUser,
  License,
  Order,
  RequestOptions,
  SubscribedSku,
  Subscription,
  SubscriptionStatus,
} from '@/lib/api';
import { MigrationEvent } from './events';
import { applyEvent } from './machine';
import { type Reads, type StepDeps, StepStop } from './steps/deps';
import type { PortalSteps } from './steps/portal';
import type { MigrationRecord } from './types';

/**
 * Test support, never shipped (only tests import it): one customer of Partner Center in memory, with
 * its orders, subscriptions, products and users' licenses, the API reads the steps make, the portal's
 * pages for steps A and C with a fault chosen per call, and a store that keeps the migration record
 * across "reloads" (a reload is a new runner from the stored record, with a fresh AbortController).
 *
 * Nothing here is asynchronous behind the caller's back: an order provisions only when the test calls
 * `provision()` (or sets `autoProvision`), so a test decides exactly what the API shows at each read.
 */

// ---- the world's own data -------------------------------------------------------------------------

/** A product the customer can own: an offer (as the offers API lists it) and the license SKU it grants. */
export interface WorldOffer {
  id: string;
  /** The name the portal's Add subscription page lists it under. */
  name: string;
  skuId: string;
  skuName: string;
  servicePlans?: readonly string[];
}

export interface WorldSubscription {
  id: string;
  offerId: string;
  quantity: number;
  status: SubscriptionStatus;
  creationDate: string;
  orderId: string | null;
  /** Suspended on the portal, not applied yet (fault 'slow'): the next `provision()` applies it. */
  suspending?: boolean;
}

export interface WorldOrderLine {
  offerId: string;
  quantity: number;
  subscriptionId: string | null;
}

export interface WorldOrder {
  id: string;
  creationDate: string;
  lines: WorldOrderLine[];
  /** Placed through the portal double (false: placed by hand in the test's setup). */
  viaPortal: boolean;
}

export interface WorldUser {
  id: string;
  upn: string;
  displayName: string;
  /** Lower-case SKU ids. */
  skus: Set<string>;
}

/** The reads of steps/deps.ts `Reads`, by name (a failing switch is set per read). */
export const READS = [
  'listOrders',
  'listSubscriptions',
  'getOrder',
  'getSubscription',
  'listSubscribedSkus',
  'listUsers',
  'getUserLicenses',
] as const;
export type ReadName = (typeof READS)[number];

/**
 * What the portal does with one `buy` call:
 * - ok: the order is placed and the confirmation shows its id (every fault that clicks Submit first
 *   awaits `onSubmit`, which records `purchase.sent`);
 * - no-id: placed, the confirmation shows no id;
 * - fail-before-submit: an element is missing before Submit (StepStop 'not-found'), nothing clicked;
 * - error-before-commit: Submit clicked, the portal shows an error, no order (StepStop 'portal-error');
 * - timeout-before-commit: Submit clicked, no order, no answer either (StepStop 'not-applied'): only the
 *   agent, having checked, can say nothing was bought (`confirmNothingBought`);
 * - timeout-order-later: Submit clicked, no answer, and the order shows only at the next `provision()`
 *   (Partner Center accepted it late): until then no read can tell it from timeout-before-commit;
 * - error-after-commit: Submit clicked, order placed, the portal still shows an error;
 * - timeout-after-commit: Submit clicked, order placed, no confirmation in time (StepStop 'not-applied');
 * - crash-after-commit: Submit clicked, order placed, the tab dies (StepStop 'aborted'; the run's signal
 *   is aborted, its reads answer `aborted` and its store writes are lost).
 */
export const BUY_FAULTS = [
  'ok',
  'no-id',
  'fail-before-submit',
  'error-before-commit',
  'timeout-before-commit',
  'timeout-order-later',
  'error-after-commit',
  'timeout-after-commit',
  'crash-after-commit',
] as const;
export type BuyFault = (typeof BUY_FAULTS)[number];

/**
 * What the portal does with one `suspend` call:
 * - ok: Submit clicked, the subscription is suspended at once;
 * - fail-before-submit: the Suspended choice is missing (StepStop 'not-found'), nothing clicked;
 * - error-after-commit: Submit clicked, suspended, the portal shows an error anyway;
 * - slow: Submit clicked, the status changes only at the next `provision()`.
 */
export const SUSPEND_FAULTS = ['ok', 'fail-before-submit', 'error-after-commit', 'slow'] as const;
export type SuspendFault = (typeof SUSPEND_FAULTS)[number];

export interface WorldSetup {
  tenantId: string;
  /** Every product the customer has or may buy. */
  offers: readonly WorldOffer[];
  subscriptions?: ReadonlyArray<Partial<WorldSubscription> & Pick<WorldSubscription, 'id' | 'offerId' | 'quantity'>>;
  orders?: ReadonlyArray<{ id: string; creationDate?: string; lines: WorldOrderLine[] }>;
  /** Users and the SKU ids they hold (assigned as given, seats or not). */
  users?: ReadonlyArray<{ id: string; upn?: string; displayName?: string; skus?: readonly string[] }>;
}

const lower = (s: string) => s.toLowerCase();
const same = (a: string | null | undefined, b: string | null | undefined) => !!a && !!b && lower(a) === lower(b);
const DAY = '2024-05-01';

export class FakeWorld {
  readonly tenantId: string;
  readonly offers: WorldOffer[];
  readonly subscriptions: WorldSubscription[] = [];
  readonly orders: WorldOrder[] = [];
  readonly users: WorldUser[] = [];

  /** Reads that answer with a server error until removed. */
  readonly failing = new Set<ReadName>();
  /** How many times each read was made (failed ones included). */
  readonly reads: Record<ReadName, number> = Object.fromEntries(READS.map((r) => [r, 0])) as Record<ReadName, number>;
  /** Orders provision (get their subscription) as soon as they are placed. */
  autoProvision = false;
  /** Orders submitted with fault 'timeout-order-later', committed at the next `provision()`. */
  readonly lateOrders: Array<{ offerId: string; quantity: number }> = [];

  /** Faults for the next `buy` / `suspend` calls, in order; an empty queue means 'ok'. */
  readonly buyFaults: BuyFault[] = [];
  readonly suspendFaults: SuspendFault[] = [];
  /** Called when the portal reaches the detail page, before `beforeSubmit` (e.g. a holder appears). */
  onDetailPage: (() => void) | null = null;
  /** Called right after an order is committed by the portal double (before it answers). */
  onCommit: ((order: WorldOrder) => void) | null = null;

  // ---- counters ----
  /** `buy` calls. */
  buyCalls = 0;
  /** Submit clicks on Add subscription (`onSubmit` told). */
  submits = 0;
  /** `suspend` calls (the detail page reached). */
  suspendCalls = 0;
  /** `suspend` calls entered while holders of the SKU exceeded the seats that stay. */
  suspendEntriesOverSeats = 0;
  /** Submit clicks on the detail page: suspensions requested. */
  suspensions = 0;
  /** Suspensions requested while some holder of the SKU had no staying seat. */
  suspensionsOverSeats = 0;

  private seq = 0;
  private readonly killed = new WeakSet<AbortSignal>();
  private readonly controllers = new WeakMap<AbortSignal, AbortController>();

  constructor(setup: WorldSetup) {
    this.tenantId = lower(setup.tenantId);
    this.offers = setup.offers.map((o) => ({ ...o }));
    for (const s of setup.subscriptions ?? []) {
      this.subscriptions.push({ status: 'active', creationDate: `${DAY}T00:00:00Z`, orderId: null, ...s });
    }
    for (const o of setup.orders ?? []) {
      this.orders.push({
        id: o.id,
        creationDate: o.creationDate ?? `${DAY}T00:00:00Z`,
        lines: o.lines.map((l) => ({ ...l })),
        viaPortal: false,
      });
    }
    for (const u of setup.users ?? []) {
      this.users.push({
        id: u.id,
        upn: u.upn ?? `${u.id}@contoso.example`,
        displayName: u.displayName ?? u.id,
        skus: new Set((u.skus ?? []).map(lower)),
      });
    }
  }

  // ---- what the world holds ----

  offer(offerId: string): WorldOffer | undefined {
    return this.offers.find((o) => same(o.id, offerId));
  }

  /** Orders with a line of the offer (placed by any means). */
  ordersOf(offerId: string): WorldOrder[] {
    return this.orders.filter((o) => o.lines.some((l) => same(l.offerId, offerId)));
  }

  subscription(id: string): WorldSubscription | undefined {
    return this.subscriptions.find((s) => same(s.id, id));
  }

  skuOf(subscription: WorldSubscription): string | null {
    const offer = this.offer(subscription.offerId);
    return offer ? lower(offer.skuId) : null;
  }

  holdersOf(sku: string): WorldUser[] {
    return this.users.filter((u) => u.skus.has(lower(sku)));
  }

  /** Seats of the SKU in active subscriptions (suspended ones grant none, as in Partner Center). */
  activeSeats(sku: string, except?: string): number {
    return this.subscriptions
      .filter((s) => s.status === 'active' && !same(s.id, except) && same(this.skuOf(s), sku))
      .reduce((n, s) => n + s.quantity, 0);
  }

  /** Whether the retiring subscription's holders need more seats than the other subscriptions keep. */
  overStayingSeats(subscriptionId: string): boolean {
    const sub = this.subscription(subscriptionId);
    const sku = sub && this.skuOf(sub);
    if (!sku) return false;
    return this.holdersOf(sku).length > this.activeSeats(sku, subscriptionId);
  }

  // ---- changes a test makes ----

  /**
   * Gives a user a license of the SKU as Partner Center would: refused (false) when no active seat is
   * free, unless forced. Creates the user when unknown.
   */
  assign(userId: string, sku: string, options: { force?: boolean } = {}): boolean {
    let user = this.users.find((u) => same(u.id, userId));
    if (user?.skus.has(lower(sku))) return true;
    if (!options.force && this.holdersOf(sku).length >= this.activeSeats(sku)) return false;
    if (!user) {
      user = { id: userId, upn: `${userId}@contoso.example`, displayName: userId, skus: new Set() };
      this.users.push(user);
    }
    user.skus.add(lower(sku));
    return true;
  }

  unassign(userId: string, sku: string): boolean {
    const user = this.users.find((u) => same(u.id, userId));
    return !!user && user.skus.delete(lower(sku));
  }

  /** An order placed outside the assistant (by hand, another tool): not counted as a submit. */
  placeOrder(offerId: string, quantity: number, id?: string): WorldOrder {
    return this.createOrder(offerId, quantity, false, id);
  }

  /**
   * What Partner Center does given time: orders accepted late show up, every order line gets its subscription (with `linkOrder`
   * false, the subscription appears but the order's line does not name it yet), and suspensions
   * requested on the portal take effect.
   */
  provision(options: { linkOrder?: boolean } = {}): void {
    const link = options.linkOrder ?? true;
    for (const late of this.lateOrders.splice(0)) this.createOrder(late.offerId, late.quantity, true);
    for (const order of this.orders) {
      order.lines.forEach((line, i) => {
        if (line.subscriptionId) return;
        let sub = this.subscriptions.find((s) => same(s.orderId, order.id) && same(s.offerId, line.offerId));
        if (!sub) {
          sub = {
            id: this.newSubscriptionId(),
            offerId: line.offerId,
            quantity: line.quantity,
            status: 'active',
            creationDate: order.creationDate,
            orderId: order.id,
          };
          this.subscriptions.push(sub);
        }
        if (link) order.lines[i] = { ...line, subscriptionId: sub.id };
      });
    }
    for (const sub of this.subscriptions) {
      if (sub.suspending) {
        sub.status = 'suspended';
        delete sub.suspending;
      }
    }
  }

  // ---- the API ----

  readonly api: Reads = {
    listOrders: (tenantId, options) =>
      this.read('listOrders', tenantId, `/customers/${tenantId}/orders`, options, () =>
        this.orders.map((o) => this.orderResource(o)),
      ),
    getOrder: (tenantId, orderId, options) =>
      this.read('getOrder', tenantId, `/customers/${tenantId}/orders/${orderId}`, options, () => {
        const order = this.orders.find((o) => same(o.id, orderId));
        return order ? this.orderResource(order) : null;
      }),
    listSubscriptions: (tenantId, options) =>
      this.read('listSubscriptions', tenantId, `/customers/${tenantId}/subscriptions`, options, () =>
        this.subscriptions.map((s) => this.subscriptionResource(s)),
      ),
    getSubscription: (tenantId, subscriptionId, options) =>
      this.read('getSubscription', tenantId, `/customers/${tenantId}/subscriptions/${subscriptionId}`, options, () => {
        const sub = this.subscription(subscriptionId);
        return sub ? this.subscriptionResource(sub) : null;
      }),
    listSubscribedSkus: (tenantId, options) =>
      this.read('listSubscribedSkus', tenantId, `/customers/${tenantId}/subscribedskus`, options, () =>
        this.subscribedSkus(),
      ),
    listUsers: (tenantId, options) =>
      this.read('listUsers', tenantId, `/customers/${tenantId}/users`, options, () =>
        this.users.map((u): CustomerUser => ({ id: u.id, userPrincipalName: u.upn, displayName: u.displayName })),
      ),
    getUserLicenses: (tenantId, userId, options) =>
      this.read('getUserLicenses', tenantId, `/customers/${tenantId}/users/${userId}/licenses`, options, () => {
        const user = this.users.find((u) => same(u.id, userId));
        return user ? [...user.skus].map((sku) => this.license(sku)) : null;
      }),
  };

  private read<T>(
    name: ReadName,
    tenantId: string,
    path: string,
    options: RequestOptions | undefined,
    answer: () => T | null,
  ): Promise<ApiResult<T>> {
    this.reads[name]++;
    if (options?.signal?.aborted) return Promise.resolve({ ok: false, error: { kind: 'aborted', path } });
    if (this.failing.has(name)) {
      return Promise.resolve({ ok: false, error: { kind: 'server', status: 503, description: 'Service unavailable', path } });
    }
    const data = same(tenantId, this.tenantId) ? answer() : null;
    if (data === null) return Promise.resolve({ ok: false, error: { kind: 'not-found', status: 404, path } });
    // A copy: what a runner does with an answer never changes the world.
    return Promise.resolve({ ok: true, data: structuredClone(data) });
  }

  private orderResource(o: WorldOrder): Order {
    return {
      id: o.id,
      creationDate: o.creationDate,
      status: o.lines.every((l) => l.subscriptionId) ? 'completed' : 'pending',
      lineItems: o.lines.map((l, i) => ({
        lineItemNumber: i,
        // Order lines write offer ids in lower case, the offers API in upper case.
        offerId: lower(l.offerId),
        quantity: l.quantity,
        subscriptionId: l.subscriptionId,
      })),
    };
  }

  private subscriptionResource(s: WorldSubscription): Subscription {
    const offer = this.offer(s.offerId);
    return {
      id: s.id,
      offerId: s.offerId,
      offerName: offer?.name ?? null,
      friendlyName: offer?.name ?? s.offerId,
      quantity: s.quantity,
      status: s.status,
      autoRenewEnabled: true,
      creationDate: s.creationDate,
      commitmentEndDate: '2025-04-30',
      orderId: s.orderId,
    };
  }

  private license(sku: string): License {
    const offer = this.offers.find((o) => same(o.skuId, sku));
    return {
      productSku: { id: lower(sku), name: offer?.skuName ?? sku, skuPartNumber: (offer?.skuName ?? sku).toUpperCase() },
      servicePlans: (offer?.servicePlans ?? []).map((serviceName) => ({ serviceName })),
    };
  }

  /** Every SKU the customer has a subscription of (in any state) or a holder of. */
  private subscribedSkus(): SubscribedSku[] {
    const skus = new Set<string>();
    for (const s of this.subscriptions) {
      const sku = this.skuOf(s);
      if (sku && s.status !== 'deleted') skus.add(sku);
    }
    for (const u of this.users) for (const sku of u.skus) skus.add(sku);
    return [...skus].map((sku) => {
      const total = this.activeSeats(sku);
      const consumed = this.holdersOf(sku).length;
      const { productSku, servicePlans } = this.license(sku);
      return { productSku, servicePlans, totalUnits: total, consumedUnits: consumed, availableUnits: total - consumed };
    });
  }

  // ---- the portal ----

  readonly portal: PortalSteps = {
    buy: async (order, deps, onSubmit) => {
      this.buyCalls++;
      const fault = this.buyFaults.shift() ?? 'ok';
      await Promise.resolve();
      const offer = order.names.map((n) => this.offers.find((o) => lower(o.name) === lower(n))).find((o) => !!o);
      if (!offer || fault === 'fail-before-submit') {
        throw new StepStop('not-found', order.names[0] ?? 'offer', 'add-subscription', 'offer not listed');
      }
      if (deps.signal.aborted) throw new StepStop('aborted', 'submit', 'add-subscription', 'aborted');
      // Awaited right before the click, as the real page does: a throw stops before anything is sent.
      await onSubmit();
      this.submits++;
      if (fault === 'error-before-commit') {
        throw new StepStop('portal-error', 'submit', 'add-subscription', 'Something went wrong. Try again.');
      }
      if (fault === 'timeout-before-commit' || fault === 'timeout-order-later') {
        if (fault === 'timeout-order-later') this.lateOrders.push({ offerId: offer.id, quantity: order.quantity });
        throw new StepStop('not-applied', 'confirmation', 'add-subscription', 'no confirmation');
      }
      const placed = this.createOrder(offer.id, order.quantity, true);
      this.onCommit?.(placed);
      switch (fault) {
        case 'ok':
          return { orderId: placed.id };
        case 'no-id':
          return { orderId: null };
        case 'error-after-commit':
          throw new StepStop('portal-error', 'submit', 'add-subscription', 'Something went wrong. Try again.');
        case 'timeout-after-commit':
          throw new StepStop('not-applied', 'confirmation', 'add-subscription', 'no confirmation');
        case 'crash-after-commit':
          this.kill(deps.signal);
          throw new StepStop('aborted', 'confirmation', 'add-subscription', 'the tab was closed');
      }
      throw new Error(`fake world: unexpected fault ${fault}`);
    },
    suspend: async (tenantId, subscriptionId, _deps, beforeSubmit) => {
      this.suspendCalls++;
      const fault = this.suspendFaults.shift() ?? 'ok';
      await Promise.resolve();
      const sub = same(tenantId, this.tenantId) ? this.subscription(subscriptionId) : undefined;
      if (!sub) throw new StepStop('not-found', 'subscription', 'subscriptions', 'no such subscription');
      if (this.overStayingSeats(sub.id)) this.suspendEntriesOverSeats++;
      if (fault === 'fail-before-submit') {
        throw new StepStop('not-found', 'status', 'subscription-detail', 'no Suspended choice');
      }
      this.onDetailPage?.();
      await beforeSubmit();
      this.suspensions++;
      if (this.overStayingSeats(sub.id)) this.suspensionsOverSeats++;
      if (fault === 'slow') sub.suspending = true;
      else sub.status = 'suspended';
      if (fault === 'error-after-commit') {
        throw new StepStop('portal-error', 'submit', 'subscription-detail', 'Something went wrong. Try again.');
      }
    },
  };

  // ---- runs (tabs) ----

  /** Registers a run's controller, so a crash can kill it. */
  attach(controller: AbortController): void {
    this.controllers.set(controller.signal, controller);
  }

  /** Whether the run of this signal died (a crash): its store writes are lost. */
  isDead(signal: AbortSignal): boolean {
    return this.killed.has(signal);
  }

  private kill(signal: AbortSignal): void {
    this.killed.add(signal);
    this.controllers.get(signal)?.abort();
  }

  private createOrder(offerId: string, quantity: number, viaPortal: boolean, id?: string): WorldOrder {
    const n = ++this.seq;
    const order: WorldOrder = {
      id: id ?? `ord-${String(n).padStart(4, '0')}`,
      creationDate: new Date(Date.UTC(2024, 4, 1, 10, n)).toISOString(),
      lines: [{ offerId, quantity, subscriptionId: null }],
      viaPortal,
    };
    this.orders.push(order);
    if (this.autoProvision) this.provision();
    return order;
  }

  private newSubscriptionId(): string {
    return `5b000000-0000-4000-8000-${String(++this.seq).padStart(12, '0')}`;
  }
}

// ---- the store ----------------------------------------------------------------------------------

/**
 * The background's store for one migration: every event is checked with the message schema and goes
 * through the state machine, as the background does; a refusal throws StepStop('store'). The record
 * survives reloads: `load()` is what a new tab (or a reload) reads.
 */
export class FakeStore {
  private stored: MigrationRecord;
  /** Every event the store accepted, in order, across runs. */
  readonly applied: MigrationEvent[] = [];
  /** Events refused (by the schema or the machine), with why. */
  readonly refused: Array<{ event: MigrationEvent; why: string }> = [];
  /** The store's clock (ms), one tick per write; `advance` moves it on (e.g. "days later"). */
  clock: number;
  /** Told of each accepted event with the record it produced (property tests check the world here). */
  onApply: ((event: MigrationEvent, record: MigrationRecord) => void) | null = null;

  constructor(start: MigrationRecord) {
    this.stored = structuredClone(start);
    this.clock = start.updatedAt;
  }

  load(): MigrationRecord {
    return structuredClone(this.stored);
  }

  advance(ms: number): void {
    this.clock += ms;
  }

  apply(event: MigrationEvent): MigrationRecord {
    const parsed = MigrationEvent.safeParse(event);
    if (!parsed.success) {
      this.refused.push({ event, why: 'invalid event' });
      throw new StepStop('store', event.type, null, `invalid event: ${parsed.error.message}`);
    }
    const result = applyEvent(this.stored, parsed.data, ++this.clock);
    if (!result.ok) {
      this.refused.push({ event, why: result.message });
      throw new StepStop('store', event.type, null, result.message);
    }
    this.stored = result.record;
    this.applied.push(parsed.data);
    this.onApply?.(parsed.data, result.record);
    return structuredClone(result.record);
  }
}

export interface Run {
  deps: StepDeps;
  abort: AbortController;
  /** Events this run got stored. */
  events: MigrationEvent[];
  /** The last record the store answered this run with (what the tab's panel now shows). */
  last: MigrationRecord | null;
}

/**
 * Step dependencies for one run in one tab: the world's API and portal, the store, a fresh
 * AbortController. `verifyTimeoutMs` defaults to 0: `poll` (steps/verify.ts) then checks exactly once
 * and never sleeps (it sleeps `everyMs`, 1.5 s in step A, between checks), so a test that wants the
 * subscription verified provisions before the run or sets `autoProvision`.
 */
export function newRun(world: FakeWorld, store: FakeStore, options: { verifyTimeoutMs?: number } = {}): Run {
  const abort = new AbortController();
  world.attach(abort);
  const run: Run = {
    abort,
    events: [],
    last: null,
    deps: {
      api: world.api,
      portal: world.portal,
      signal: abort.signal,
      timeoutMs: 50,
      verifyTimeoutMs: options.verifyTimeoutMs ?? 0,
      apply(event) {
        // A tab that died writes nothing more.
        if (world.isDead(abort.signal)) {
          return Promise.reject(new StepStop('store', event.type, null, 'the tab was closed'));
        }
        try {
          const record = store.apply(event);
          run.events.push(event);
          run.last = record;
          return Promise.resolve(record);
        } catch (error) {
          return Promise.reject(error);
        }
      },
    },
  };
  return run;
}

// ---- a customer: Kaizala Pro moving to Microsoft 365 Business Basic -------------------------------

/** The retiring Kaizala Pro subscription's offer and license SKU in this world (ids as the API shows them). */
export const KAIZALA_OFFER = 'C9C9C9C9-0000-4000-8000-000000000001';
export const KAIZALA_SKU = 'c93fe0ce-7375-4b8d-a55e-bf562ae7154f';
/** Another Kaizala subscription of the same SKU (its seats stay when the retiring one is suspended). */
export const KAIZALA_OTHER_OFFER = 'C9C9C9C9-0000-4000-8000-000000000002';
export const KAIZALA_OTHER_SUBSCRIPTION = 'a1b2c3d4-0000-4000-8000-00000000000c';
export const OLDER_SUBSCRIPTION = 'a1b2c3d4-0000-4000-8000-00000000000b';
export const OLD_ORDER = 'ord-old';

export function kaizalaOffers(replacement: { offerId: string; offerName: string; skuId: string }): WorldOffer[] {
  return [
    {
      id: KAIZALA_OFFER,
      name: 'Kaizala Pro',
      skuId: KAIZALA_SKU,
      skuName: 'Microsoft Kaizala Pro',
      servicePlans: ['KAIZALA_STANDALONE'],
    },
    {
      id: KAIZALA_OTHER_OFFER,
      name: 'Kaizala Pro (annual)',
      skuId: KAIZALA_SKU,
      skuName: 'Microsoft Kaizala Pro',
      servicePlans: ['KAIZALA_STANDALONE'],
    },
    {
      id: replacement.offerId,
      name: replacement.offerName,
      skuId: replacement.skuId,
      skuName: replacement.offerName,
      servicePlans: ['EXCHANGE_S_STANDARD', 'KAIZALA_O365_P2'],
    },
    { id: 'E5E5E5E5-0000-4000-8000-000000000005', name: 'Office 365 E5', skuId: 'c7df2760-2c81-4ef7-b578-5b5392b571df', skuName: 'Office 365 E5' },
  ];
}

/**
 * The record's customer: the retiring subscription (`retiringQuantity` seats of Kaizala Pro), an older
 * order with its own subscription, optionally another Kaizala subscription of `stayingSeats`, and
 * `holders` users holding Kaizala Pro.
 */
export function kaizalaWorld(
  record: MigrationRecord,
  options: { retiringQuantity?: number; stayingSeats?: number; holders?: number } = {},
): FakeWorld {
  const rep = record.replacement;
  const quantity = options.retiringQuantity ?? record.retiring.quantity;
  const subscriptions: Array<NonNullable<WorldSetup['subscriptions']>[number]> = [
    { id: record.subscriptionId.toUpperCase(), offerId: KAIZALA_OFFER, quantity },
    { id: OLDER_SUBSCRIPTION, offerId: 'E5E5E5E5-0000-4000-8000-000000000005', quantity: 3, orderId: OLD_ORDER },
  ];
  if (options.stayingSeats) {
    subscriptions.push({ id: KAIZALA_OTHER_SUBSCRIPTION, offerId: KAIZALA_OTHER_OFFER, quantity: options.stayingSeats });
  }
  const users = Array.from({ length: options.holders ?? 0 }, (_, i) => ({
    id: `u-${String(i + 1).padStart(4, '0')}`,
    skus: [KAIZALA_SKU],
  }));
  return new FakeWorld({
    tenantId: record.tenantId,
    offers: kaizalaOffers({ offerId: rep.offerId, offerName: rep.offerName, skuId: rep.skuId ?? 'unknown-sku' }),
    subscriptions,
    orders: [
      {
        id: OLD_ORDER,
        lines: [{ offerId: 'E5E5E5E5-0000-4000-8000-000000000005', quantity: 3, subscriptionId: OLDER_SUBSCRIPTION }],
      },
    ],
    users,
  });
}
