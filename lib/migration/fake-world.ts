import type {
  ApiResult,
  CustomerUser,
  License,
  Order,
  RequestOptions,
  SubscribedSku,
  Subscription,
} from '@/lib/api';
import { type Reads, StepStop } from './steps/deps';
import type { PortalSteps } from './steps/portal';
import {
  type BuyFault,
  READS,
  type ReadName,
  type SuspendFault,
  type WorldOffer,
  type WorldOrder,
  type WorldSetup,
  type WorldSubscription,
  type WorldUser,
} from './fake-world-types';

/**
 * Test support, never shipped (only tests import it): one customer of Partner Center in memory, with
 * its orders, subscriptions, products and users' licenses, the API reads the steps make, the portal's
 * pages for steps A and C with a fault chosen per call. Its store and a tab's run (fake-run.ts) keep
 * the migration record across "reloads" (a reload is a new runner from the stored record, with a
 * fresh AbortController); its data and faults are in fake-world-types.ts.
 *
 * Nothing here is asynchronous behind the caller's back: an order provisions only when the test calls
 * `provision()` (or sets `autoProvision`), so a test decides exactly what the API shows at each read.
 */

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
