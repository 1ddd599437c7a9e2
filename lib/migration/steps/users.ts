/** A user of the customer's tenant with the license SKUs they hold (lower-case ids). */
export interface LicensedUser {
  id: string;
  displayName: string;
  upn: string;
  skuIds: readonly string[];
}

/**
 * Who must move in step B. Everyone holding the retired license, unless other subscriptions that
 * stay grant the same SKU: then only the seats the retiring subscription contributes move (contract,
 * "Seats of one SKU are pooled"), and `count` says how many. Users are taken in a stable order (by
 * display name, then UPN) so a resumed run picks the same people; the agent may change the choice.
 */
export function usersToMove(
  users: readonly LicensedUser[],
  retiredSkuId: string,
  count: number | null,
  alreadyChosen: readonly string[] = [],
): LicensedUser[] {
  const sku = retiredSkuId.toLowerCase();
  const holders = users
    .filter((u) => u.skuIds.some((s) => s.toLowerCase() === sku))
    .sort((a, b) => a.displayName.localeCompare(b.displayName) || a.upn.localeCompare(b.upn));
  if (count === null || count >= holders.length) return holders;
  // Users already chosen (a resumed run) come first, so nobody already moved is replaced by another.
  const chosen = new Set(alreadyChosen.map((id) => id.toLowerCase()));
  const first = holders.filter((u) => chosen.has(u.id.toLowerCase()));
  const rest = holders.filter((u) => !chosen.has(u.id.toLowerCase()));
  return [...first, ...rest].slice(0, Math.max(0, count));
}

/** Splits the users into batches of one Manage licenses save each. */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The products a user must end up with: the new one, or (clean-up only) any product with the service. */
export interface MoveTarget {
  oldSku: string;
  /** Null in clean-up only: then one of `covering` must be held. */
  newSku: string | null;
  covering: readonly string[];
}

/**
 * Whether a user holding these SKUs has moved: the old product gone, and the new one (or, in
 * clean-up only, a product that includes the service) held. The one "moved" rule of step B, for the
 * runner's check after a save and for "I did this myself".
 */
export function hasMoved(skuIds: readonly string[], target: MoveTarget): boolean {
  const held = new Set(skuIds.map((s) => s.toLowerCase()));
  const kept =
    target.newSku === null ? target.covering.some((s) => held.has(s.toLowerCase())) : held.has(target.newSku.toLowerCase());
  return !held.has(target.oldSku.toLowerCase()) && kept;
}
