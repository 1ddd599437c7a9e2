// Seats and licenses. Seats of one SKU are pooled across every active subscription whose offer grants
// that SKU (contract section 3), a user's license names the SKU (not the subscription), and Dynamics
// app plans of one group are mutually exclusive on a user, so a swap must be one licenseupdates call.
import { fail } from './errors';
import { findOffer, productNameForSku } from './offers';
import { exclusiveGroupOf, servicePlanDisplayName, servicePlanId, skuInfo } from './skus';
import type {
  CustomerRecord,
  License,
  LicenseAssignment,
  LicenseUpdate,
  ProductSku,
  ServicePlan,
  SubscribedSku,
  UserLicense,
  UserRecord,
} from './types';

/** The lower-case SKU id an offer grants, if the offer is known. */
export function skuIdOfOffer(offerId: string): string | undefined {
  return findOffer(offerId)?.product.id.toLowerCase();
}

/** The SKU's description for licenses and subscribedskus, named as the license shows it. */
export function productSku(skuId: string): ProductSku {
  const info = skuInfo(skuId, productNameForSku(skuId));
  return {
    id: info.skuId,
    name: info.name,
    skuPartNumber: info.skuPartNumber,
    targetType: 'User',
    licenseGroupId: 'group1',
  };
}

export function servicePlans(skuId: string, disabledPlanIds: readonly string[] = []): ServicePlan[] {
  const info = skuInfo(skuId, productNameForSku(skuId));
  return info.plans.map((name) => {
    const id = servicePlanId(name);
    return {
      displayName: servicePlanDisplayName(name),
      serviceName: name,
      id,
      capabilityStatus: disabledPlanIds.includes(id) ? 'Disabled' : 'Enabled',
      targetType: 'User',
    };
  });
}

interface SkuSeats {
  active: number;
  suspended: number;
}

/** Seats per SKU over the customer's subscriptions: active ones can be assigned, suspended ones not. */
export function seatsBySku(customer: CustomerRecord): Map<string, SkuSeats> {
  const seats = new Map<string, SkuSeats>();
  for (const { resource } of customer.subscriptions) {
    if (resource.status !== 'active' && resource.status !== 'suspended') continue;
    const offer = findOffer(resource.offerId);
    if (!offer) continue;
    const sku = offer.product.id.toLowerCase();
    const entry = seats.get(sku) ?? { active: 0, suspended: 0 };
    if (resource.status === 'active') entry.active += resource.quantity;
    else entry.suspended += resource.quantity;
    seats.set(sku, entry);
  }
  return seats;
}

/** Users holding each SKU. */
export function consumedBySku(customer: CustomerRecord): Map<string, number> {
  const consumed = new Map<string, number>();
  for (const user of customer.users) {
    for (const license of user.licenses) consumed.set(license.skuId, (consumed.get(license.skuId) ?? 0) + 1);
  }
  return consumed;
}

export function licenseResource(license: UserLicense): License {
  return {
    servicePlans: servicePlans(license.skuId, license.disabledPlans),
    productSku: productSku(license.skuId),
    attributes: { objectType: 'License' },
  };
}

export function subscribedSkus(customer: CustomerRecord): SubscribedSku[] {
  const seats = seatsBySku(customer);
  const consumed = consumedBySku(customer);
  const skuIds = [...seats.keys(), ...[...consumed.keys()].filter((id) => !seats.has(id))];
  return skuIds.map((skuId) => {
    const s = seats.get(skuId) ?? { active: 0, suspended: 0 };
    const used = consumed.get(skuId) ?? 0;
    return {
      availableUnits: Math.max(0, s.active - used),
      activeUnits: s.active,
      consumedUnits: used,
      suspendedUnits: s.suspended,
      totalUnits: s.active,
      warningUnits: 0,
      productSku: productSku(skuId),
      servicePlans: servicePlans(skuId),
      capabilityStatus: s.active > 0 ? 'Enabled' : 'Suspended',
      attributes: { objectType: 'SubscribedSku' },
    };
  });
}

// ---- license updates ------------------------------------------------------------------------

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

interface ParsedUpdate {
  assign: Array<{ skuId: string; excludedPlans: string[] | null }>;
  remove: string[];
  licenseGroupId?: string;
}

function parseUpdate(body: unknown): ParsedUpdate {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    fail('invalidInput', 'The request body must be a LicenseUpdate object.');
  }
  const raw = body as Record<string, unknown>;
  const assignRaw = raw.licensesToAssign ?? [];
  const removeRaw = raw.licensesToRemove ?? [];
  if (!Array.isArray(assignRaw)) fail('invalidProperty', 'licensesToAssign must be an array.');
  if (!isStringArray(removeRaw)) fail('invalidProperty', 'licensesToRemove must be an array of SKU ids.');
  const assign = assignRaw.map((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null)
      fail('invalidProperty', 'Each licensesToAssign entry needs a skuId.');
    const { skuId, excludedPlans } = entry as Record<string, unknown>;
    if (typeof skuId !== 'string' || skuId === '')
      fail('invalidProperty', 'Each licensesToAssign entry needs a skuId.');
    if (excludedPlans !== undefined && excludedPlans !== null && !isStringArray(excludedPlans)) {
      fail('invalidProperty', 'excludedPlans must be an array of service plan ids.');
    }
    return { skuId: skuId.toLowerCase(), excludedPlans: (excludedPlans as string[] | null | undefined) ?? null };
  });
  const remove = removeRaw.map((id) => id.toLowerCase());
  if (assign.length === 0 && remove.length === 0) {
    fail('invalidProperty', 'A license update must assign or remove at least one license.');
  }
  const assignIds = assign.map((a) => a.skuId);
  if (new Set(assignIds).size !== assignIds.length || new Set(remove).size !== remove.length) {
    fail('invalidProperty', 'A SKU appears twice in the same license update.');
  }
  const both = assignIds.find((id) => remove.includes(id));
  if (both) fail('invalidProperty', `SKU ${both} is both assigned and removed in the same request.`);
  return {
    assign,
    remove,
    ...(typeof raw.licenseGroupId === 'string' ? { licenseGroupId: raw.licenseGroupId } : {}),
  };
}

/** Excluded plans may be named by id or by serviceName; stored as ids. */
function resolveExcludedPlans(skuId: string, excluded: string[] | null): string[] {
  if (!excluded) return [];
  const plans = servicePlans(skuId);
  return excluded.map((wanted) => {
    const plan = plans.find((p) => p.id === wanted.toLowerCase() || p.serviceName === wanted.toUpperCase());
    if (!plan) fail('invalidProperty', `Service plan ${wanted} is not part of SKU ${skuId}.`);
    return plan.id;
  });
}

/**
 * Applies one user's license update atomically (all or nothing) and returns the LicenseUpdate the API
 * answers with. Throws ApiFailure (60012, 60013, 900316, 3000, 400056) and changes nothing on failure.
 */
export function applyLicenseUpdate(customer: CustomerRecord, user: UserRecord, body: unknown): LicenseUpdate {
  const update = parseUpdate(body);
  const held = new Map(user.licenses.map((l) => [l.skuId, l]));

  for (const skuId of update.remove) {
    if (!held.has(skuId))
      fail('licenseNotAssigned', `User ${user.resource.userPrincipalName} does not hold a license for SKU ${skuId}.`);
  }

  const seats = seatsBySku(customer);
  const consumed = consumedBySku(customer);
  const next = new Map(held);
  for (const skuId of update.remove) next.delete(skuId);

  const assigned: UserLicense[] = [];
  for (const { skuId, excludedPlans } of update.assign) {
    const pool = seats.get(skuId);
    if (!held.has(skuId)) {
      const available = (pool?.active ?? 0) - (consumed.get(skuId) ?? 0);
      if (available < 1) {
        fail(
          'outOfLicenses',
          `No licenses of ${productSku(skuId).name} (${skuId}) are available: ${pool?.active ?? 0} seats, ${consumed.get(skuId) ?? 0} assigned.`,
          [{ skuId, totalUnits: pool?.active ?? 0, consumedUnits: consumed.get(skuId) ?? 0 }],
        );
      }
    }
    const license: UserLicense = { skuId, disabledPlans: resolveExcludedPlans(skuId, excludedPlans) };
    next.set(skuId, license);
    assigned.push(license);
  }

  // Mutual exclusion: among the resulting licenses, no two SKUs may enable plans of the same group,
  // when one of them is being assigned now (conflicts the user already had are left alone).
  const newlyAssigned = new Set(assigned.map((l) => l.skuId));
  const byGroup = new Map<string, Array<{ skuId: string; plan: string }>>();
  for (const license of next.values()) {
    for (const plan of servicePlans(license.skuId, license.disabledPlans)) {
      if (plan.capabilityStatus !== 'Enabled') continue;
      const group = exclusiveGroupOf(plan.serviceName);
      if (!group) continue;
      const list = byGroup.get(group) ?? [];
      list.push({ skuId: license.skuId, plan: plan.serviceName });
      byGroup.set(group, list);
    }
  }
  for (const list of byGroup.values()) {
    const skus = new Set(list.map((e) => e.skuId));
    if (skus.size > 1 && list.some((e) => newlyAssigned.has(e.skuId))) {
      fail(
        'mutuallyExclusivePlans',
        `License assignment failed because service plans ${list.map((e) => e.plan).join(', ')} are mutually exclusive. Remove the conflicting license in the same request.`,
        list,
      );
    }
  }

  user.licenses = [...next.values()];
  const response: LicenseUpdate = {
    licensesToAssign: update.assign.map((a): LicenseAssignment => ({ skuId: a.skuId, excludedPlans: a.excludedPlans })),
    licensesToRemove: update.remove,
    licenseWarnings: [],
    attributes: { objectType: 'LicenseUpdate' },
  };
  if (update.licenseGroupId) response.licenseGroupId = update.licenseGroupId;
  return response;
}
