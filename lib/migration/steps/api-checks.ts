/** Step B's reads of the truth in Partner Center, beside what Manage licenses says. */
import type { StepDeps } from './deps';
import { hasMoved } from './users';

/** Whether the API shows this user moved now (the old product gone, the new one or a covering one held). */
export async function movedNow(
  deps: StepDeps,
  tenant: string,
  userId: string,
  names: { oldSku: string; newSku: string | null; covering: readonly string[] },
): Promise<boolean> {
  const got = await deps.api.getUserLicenses(tenant, userId, { signal: deps.signal });
  return got.ok && hasMoved(got.data.map((l) => l.productSku.id), names);
}

/**
 * Whether the new product has fewer free licenses than the users of the save: then a save that moved
 * nobody ran out of licenses (adding seats and running the step again moves them), rather than being
 * refused for the agent's role. Clean-up only assigns nothing, and a failed read proves nothing: no.
 */
export async function shortOfSeats(deps: StepDeps, tenant: string, newSku: string | null, users: number): Promise<boolean> {
  if (!newSku) return false;
  const skus = await deps.api.listSubscribedSkus(tenant, { signal: deps.signal });
  const sku = skus.ok ? skus.data.find((s) => s.productSku.id.toLowerCase() === newSku) : undefined;
  return sku !== undefined && sku.availableUnits < users;
}
