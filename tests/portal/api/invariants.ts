// What must hold after any migration run, whatever faults struck: the customer paid for one
// replacement order of the agreed size and nothing else, nobody lost a license they should keep, the
// old subscription was suspended only once its users had moved, and no other tenant was touched. Read
// from the simulator's state and its request log (each write's body, whether it took effect, and the
// state it found), so a check sees what the API did, not what a page said. Pure: the Playwright
// wrapper is tests/e2e/invariants.ts.
import type { LogEntry, SimulatedPartnerCenter } from './handler';
import { servicePlans } from './licensing';
import { exclusiveGroupOf } from './skus';
import type { CustomerRecord } from './types';

export interface Expectation {
  tenantId: string;
  retiringSubscriptionId: string;
  retiringSkuId: string;
  /** The offer the run should buy; without it, no purchase is expected at all. */
  replacementOfferId?: string;
  /** The seats the replacement order must have, when known. */
  quantity?: number;
  /** The run finished: every user who must move has moved and the old subscription is suspended. */
  complete: boolean;
  /** Seats of the retiring SKU that other subscriptions keep (pooled SKU): that many holders stay. */
  pooledStayingSeats?: number;
}

const WRITES: ReadonlySet<string> = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

interface Write {
  index: number;
  entry: LogEntry;
  /** Lower-case customer id of the path, or null for a path outside /customers/{id}. */
  tenant: string | null;
  /** The path's segments after /customers/{id}. */
  rest: string[];
}

function segments(path: string): string[] {
  return path
    .split('/')
    .slice(1)
    .map((s) => {
      try {
        return decodeURIComponent(s).toLowerCase();
      } catch {
        return s.toLowerCase();
      }
    });
}

function writesOf(log: readonly LogEntry[]): Write[] {
  const writes: Write[] = [];
  log.forEach((entry, index) => {
    if (!WRITES.has(entry.method)) return;
    const [root, tenant, ...rest] = segments(entry.path);
    writes.push({ index, entry, tenant: root === 'customers' && tenant ? tenant : null, rest });
  });
  return writes;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function lower(values: unknown): string[] {
  if (!Array.isArray(values)) return [];
  return values.filter((v): v is string => typeof v === 'string').map((v) => v.toLowerCase());
}

interface LicenseWrite extends Write {
  userId: string;
  assigned: string[];
  removed: string[];
}

function licenseWrite(write: Write): LicenseWrite | null {
  const [users, userId, updates] = write.rest;
  if (write.entry.method !== 'POST' || users !== 'users' || !userId || updates !== 'licenseupdates') return null;
  const body = record(write.entry.body);
  const assignments = Array.isArray(body.licensesToAssign) ? body.licensesToAssign : [];
  return {
    ...write,
    userId,
    assigned: lower(assignments.map((a) => record(a).skuId)),
    removed: lower(body.licensesToRemove),
  };
}

/**
 * The services a SKU provides, as coverage is judged: an exclusive Dynamics group, "KAIZALA" for any
 * KAIZALA_* plan (contract section 3: such a plan in another product gives Kaizala already), or the
 * plan itself.
 */
function servicesOf(skuId: string): Set<string> {
  return new Set(
    servicePlans(skuId).map(
      (p) => exclusiveGroupOf(p.serviceName) ?? (p.serviceName.startsWith('KAIZALA_') ? 'KAIZALA' : p.serviceName),
    ),
  );
}

interface Context {
  expected: Expectation;
  tenant: string;
  retiringSku: string;
  /** Holders of the retiring SKU that may keep it (pooled seats of staying subscriptions). */
  staying: number;
  customer: CustomerRecord;
  /** Writes to this tenant, in the order the simulator handled them. */
  own: Write[];
  updates: LicenseWrite[];
}

const at = (w: Write) => `${w.entry.method} ${w.entry.path} (request ${w.index + 1}, answered ${w.entry.status})`;

function nameOf(c: Context, userId: string): string {
  return c.customer.users.find((u) => u.resource.id.toLowerCase() === userId)?.resource.displayName ?? userId;
}

/** One order of the replacement, of the agreed size, and nothing else bought. */
function orderViolations(c: Context): string[] {
  const { replacementOfferId, quantity } = c.expected;
  const replacement = replacementOfferId?.toLowerCase();
  const violations: string[] = [];
  let replacementOrders = 0;
  for (const w of c.own) {
    if (w.entry.method !== 'POST' || w.rest.join('/') !== 'orders' || !w.entry.committed) continue;
    const lines = record(w.entry.body).lineItems;
    let hasReplacement = false;
    for (const line of Array.isArray(lines) ? lines.map(record) : []) {
      const offerId = String(line.offerId ?? '');
      const count = String(line.quantity);
      if (replacement !== undefined && offerId.toLowerCase() === replacement) {
        hasReplacement = true;
        if (quantity !== undefined && line.quantity !== quantity) {
          violations.push(`The replacement was ordered with quantity ${count}, not ${quantity}: ${at(w)}.`);
        }
      } else {
        const wanted = replacement ? `only ${replacementOfferId} was to be bought` : 'no purchase was expected';
        violations.push(`An order bought ${count} × offer ${offerId}, but ${wanted}: ${at(w)}.`);
      }
    }
    if (hasReplacement) replacementOrders += 1;
  }
  if (replacementOrders > 1) {
    violations.push(`The replacement ${replacementOfferId} was bought ${replacementOrders} times; once is enough.`);
  }
  return violations;
}

/** License changes: only the retiring SKU leaves, never leaving a user without its service. */
function licenseViolations(c: Context): string[] {
  const violations: string[] = [];
  const retiringServices = servicesOf(c.retiringSku);
  for (const w of c.updates) {
    for (const sku of w.removed.filter((s) => s !== c.retiringSku)) {
      violations.push(`${nameOf(c, w.userId)} was to lose license ${sku}, which is not the retiring SKU: ${at(w)}.`);
    }
    if (!w.removed.includes(c.retiringSku) || w.assigned.length > 0) continue;
    // A removal alone is safe only for a user who keeps another product giving the same service.
    const kept = (w.entry.heldBefore ?? []).filter((s) => !w.removed.includes(s));
    if (kept.some((s) => [...servicesOf(s)].some((x) => retiringServices.has(x)))) continue;
    violations.push(
      `${nameOf(c, w.userId)} was to lose the retiring SKU with nothing assigned in the same request ` +
        `and no other product giving its service: ${at(w)}.`,
    );
  }
  return violations;
}

/** With pooled seats, no more holders lose the SKU than the retiring subscription's share. */
function poolViolations(c: Context): string[] {
  if (c.expected.pooledStayingSeats === undefined) return [];
  // Holders at start: what each user's first applied update found, else what they hold now.
  const heldAtStart = new Set(
    c.customer.users
      .filter((u) => u.licenses.some((l) => l.skuId === c.retiringSku))
      .map((u) => u.resource.id.toLowerCase()),
  );
  const seen = new Set<string>();
  const stripped = new Set<string>();
  for (const w of c.updates.filter((u) => u.entry.committed)) {
    const held = (w.entry.heldBefore ?? []).includes(c.retiringSku);
    if (!seen.has(w.userId)) {
      seen.add(w.userId);
      if (held) heldAtStart.add(w.userId);
      else heldAtStart.delete(w.userId);
    }
    if (held && w.removed.includes(c.retiringSku)) stripped.add(w.userId);
  }
  const mustMove = Math.max(0, heldAtStart.size - c.staying);
  if (stripped.size <= mustMove) return [];
  return [
    `${stripped.size} users lost the retiring SKU, but only ${mustMove} had to move ` +
      `(${heldAtStart.size} holders, ${c.staying} seats stay).`,
  ];
}

/** The old subscription is suspended only once its users have moved, after the last license update. */
function suspensionViolations(c: Context): string[] {
  const violations: string[] = [];
  const subscriptionId = c.expected.retiringSubscriptionId.toLowerCase();
  const lastUpdate = c.updates.filter((u) => u.entry.committed).at(-1)?.index ?? -1;
  for (const w of c.own) {
    const [subscriptions, id] = w.rest;
    if (w.entry.method !== 'PATCH' || subscriptions !== 'subscriptions' || id !== subscriptionId) continue;
    if (!w.entry.committed || String(record(w.entry.body).status).toLowerCase() !== 'suspended') continue;
    const holders = w.entry.skuHolders ?? 0;
    if (holders > c.staying) {
      violations.push(
        `The retiring subscription was suspended while ${holders} users still held its SKU ` +
          `(${c.staying} may stay): ${at(w)}.`,
      );
    }
    if (w.index < lastUpdate) {
      violations.push(
        `The retiring subscription was suspended before the last license update (request ${lastUpdate + 1}): ${at(w)}.`,
      );
    }
  }
  return violations;
}

/** A finished run leaves no holder beyond the staying seats and the old subscription suspended. */
function completionViolations(c: Context): string[] {
  if (!c.expected.complete) return [];
  const violations: string[] = [];
  const holders = c.customer.users.filter((u) => u.licenses.some((l) => l.skuId === c.retiringSku));
  if (holders.length > c.staying) {
    const names = holders.slice(0, 5).map((u) => u.resource.displayName);
    const more = holders.length > 5 ? ', …' : '';
    violations.push(
      `${holders.length} users still hold the retiring SKU (${c.staying} may): ${names.join(', ')}${more}.`,
    );
  }
  const id = c.expected.retiringSubscriptionId;
  const subscription = c.customer.subscriptions.find((s) => s.resource.id.toLowerCase() === id.toLowerCase());
  const status = subscription?.resource.status ?? 'missing';
  if (status !== 'suspended') violations.push(`The retiring subscription ${id} is ${status}, not suspended.`);
  return violations;
}

/** Every violation of the migration's invariants, one plain sentence each; none means safe. */
export function invariantViolations(sim: SimulatedPartnerCenter, expected: Expectation): string[] {
  const customer = sim.customer(expected.tenantId);
  if (!customer) return [`Customer ${expected.tenantId} does not exist in the simulator.`];
  const tenant = expected.tenantId.toLowerCase();
  const writes = writesOf(sim.log);
  const own = writes.filter((w) => w.tenant === tenant);
  const c: Context = {
    expected,
    tenant,
    retiringSku: expected.retiringSkuId.toLowerCase(),
    staying: expected.pooledStayingSeats ?? 0,
    customer,
    own,
    updates: own.map(licenseWrite).filter((w): w is LicenseWrite => w !== null),
  };
  return [
    ...writes.filter((w) => w.tenant !== tenant).map((w) => `A write outside customer ${expected.tenantId}: ${at(w)}.`),
    ...orderViolations(c),
    ...licenseViolations(c),
    ...poolViolations(c),
    ...suspensionViolations(c),
    ...completionViolations(c),
  ];
}
