import { nextStep } from '@/lib/migration/progress';
import { poolOf, pooledCount } from '@/lib/migration/prepare';
import { readLicensedUsers } from '@/lib/migration/steps/verify';
import type { OpenPanel } from './open-panel';

/**
 * When step B is next, how many licenses of the new product are free, so the panel can warn before
 * the click that some users would find none. Read when the panel opens, after every step or stored
 * change, and when the page comes back into view.
 */
export async function readSeats(panel: OpenPanel): Promise<void> {
  const { record } = panel.state;
  if (nextStep(record) !== 'reassign' || !record.replacement.skuId) {
    panel.state.freeSeats = null;
    return;
  }
  const skus = await panel.client.listSubscribedSkus(record.tenantId, { signal: panel.closed.signal });
  if (!panel.isOpen || !skus.ok) return;
  const sku = skus.data.find((s) => s.productSku.id.toLowerCase() === record.replacement.skuId);
  const free = sku ? sku.availableUnits : null;
  if (free === panel.state.freeSeats) return;
  panel.state.freeSeats = free;
  panel.render();
}

/**
 * A pooled SKU: reads who holds the old license, so the agent can choose which of them move (the
 * stable default choice ticked). Only before step B has its list; afterwards that list is the choice.
 */
export async function loadPool(panel: OpenPanel): Promise<void> {
  const { record, pick } = panel.state;
  const share = pooledCount(pick);
  const oldSku = record.retiring.skuId;
  if (share === null || !oldSku || Object.keys(record.steps.reassign.users).length > 0) return;
  if (record.steps.reassign.state === 'skipped' || record.steps.reassign.state === 'done') return;
  const empty = { count: share, holders: [], chosen: new Set<string>() };
  panel.state.pool = { ...empty, loading: true, failed: false };
  panel.render();
  const read = await readLicensedUsers(panel.client, record.tenantId, panel.closed.signal);
  if (!panel.isOpen) return;
  panel.state.pool = read.ok
    ? { ...poolOf(read.data, oldSku, share), loading: false, failed: false }
    : { ...empty, loading: false, failed: true };
  panel.render();
}
