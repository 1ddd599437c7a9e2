import { goToCustomerPage } from '@/lib/portal/navigate';
import { clearLicense, save, type SaveResult, selectedUserNames, swapLicense } from '@/lib/portal/pages/manage-licenses';
import { openManageLicenses, selectUsers } from '@/lib/portal/pages/users';
import type { MigrationRecord, UserOutcome } from '../types';
import { type StepDeps, StepStop, onPortal, pageContext } from './deps';
import { batches, type LicensedUser, usersToMove } from './users';
import { namesUser, recordSaved } from './record-saved';
import { shortOfSeats } from './api-checks';
import { readLicensedUsers } from './verify';
import { watchMoves } from './watch-moves';

/**
 * Users per Manage licenses save. The users grid cannot jump to a page, so every save walks it again
 * from the first page: batches of a few pages would make a large customer cost pages² page turns
 * (1,200 users in batches of 100 = 390 turns, against 60 for one pass). One pass selects everyone;
 * the bound only keeps a very large tenant's selection (and the Manage licenses page) finite. A
 * failed save costs no more to redo: the API check records who moved, and a retry takes the rest.
 */
export const BATCH = 2000;
/** A bound on page-at-a-time saves (a portal that keeps no selection across pages): 2,000 pages. */
const MAX_PAGE_ROUNDS = 2000;

const holds = (skus: readonly string[], sku: string | null) => !!sku && skus.includes(sku.toLowerCase());
/** Users of step B not moved yet (never tried, or failed before). */
const notMoved = (r: MigrationRecord) => Object.values(r.steps.reassign.users).filter((u) => u.state !== 'moved');
/** Users of step B no save has tried yet. */
const untriedUsers = (r: MigrationRecord) => Object.values(r.steps.reassign.users).filter((u) => u.state === 'pending');
const holdsAny = (skus: readonly string[], wanted: readonly string[]) => wanted.some((sku) => holds(skus, sku));

export interface ReassignPlan {
  /** The retiring product's SKU (lower case), read from the API when the step starts; null: unknown. */
  oldSku: string | null;
  /** The replacement's SKU, read the same way; null in clean-up only or when unknown. */
  newSku: string | null;
  /** Users to move when the retiring SKU is pooled with subscriptions that stay; null: every holder. */
  pooledCount: number | null;
  /**
   * Users keep the service through a product they already hold (the picker found them covered): the
   * old license is only cleared, no new one is ticked. Never inferred from "no purchase": a customer
   * who already owns the replacement still needs it ticked.
   */
  cleanupOnly: boolean;
  /**
   * Products (lower-case SKU ids) other than the retiring one that include its service: in clean-up
   * only, each user must hold one of them, checked before anything is cleared and after the save.
   */
  coveringSkus?: readonly string[];
  /** The users the agent chose to move (ids) when the SKU is pooled; they must all hold the old license. */
  chosenUserIds?: readonly string[];
  /** Product names as Manage licenses shows them, read fresh (the new one exists only after step A). */
  from?: string | null | undefined;
  to?: string | null | undefined;
}

/**
 * Step B. Picks the users who must move (all holders of the old license, the agent's choice, or the
 * retiring subscription's share when its SKU is pooled). Then, first for the users of the first grid
 * page that has any and then for all the others in one pass: selects them on Users and licenses,
 * opens Manage licenses, clears the old product and ticks the new one in the same save, saves, and
 * checks each user's licenses through the API before recording the outcome. A save refused with 403
 * for everyone (the agent's role may not change licenses) stops at once: it changed nothing.
 */
export async function runReassign(start: MigrationRecord, deps: StepDeps, plan: ReassignPlan): Promise<MigrationRecord> {
  let record = start;
  const tenant = record.tenantId;
  const oldSku = plan.oldSku?.toLowerCase() ?? null;
  const newSku = plan.newSku?.toLowerCase() ?? null;
  const from = plan.from ?? record.retiring.productName;
  const to = plan.to ?? record.replacement.productName;
  const { cleanupOnly, pooledCount } = plan;
  // Nothing is cleared from anyone unless both products are known from what the API shows now.
  if (!oldSku || !from || (!cleanupOnly && (!newSku || !to))) {
    throw new StepStop('unknown-sku', 'licenses', 'users', 'The old or the new product is not known from Partner Center.');
  }

  const covering = (plan.coveringSkus ?? []).map((s) => s.toLowerCase()).filter((s) => s !== oldSku);
  const known = Object.values(record.steps.reassign.users);
  // Who holds what now: needed to pick the users, and in clean-up only to check that each keeps the service.
  const read =
    known.length === 0 || cleanupOnly
      ? await readLicensedUsers(deps.api, tenant, deps.signal, (done, total) =>
          deps.progress?.({ phase: 'read', done, total }),
        )
      : null;
  if (read && !read.ok) throw new StepStop('api', 'users', 'users', read.error.kind);
  if (known.length === 0 && read?.ok) {
    const chosen = plan.chosenUserIds
      ? chosenHolders(read.data, oldSku, plan.chosenUserIds)
      : usersToMove(read.data, oldSku, pooledCount);
    record = await deps.apply({
      type: 'reassign.started',
      users: chosen.map((u) => ({ userId: u.id, displayName: u.displayName, upn: u.upn })),
    });
  } else if (record.steps.reassign.state !== 'running') {
    // Retry after a stop: the same users, already moved ones untouched.
    record = await deps.apply({
      type: 'reassign.started',
      users: known.map((u) => ({ userId: u.userId, displayName: u.displayName, upn: u.upn })),
    });
  }

  if (cleanupOnly && read?.ok) {
    // Clearing the old license is only safe for users who keep the service through another product.
    const pendingIds = new Set(notMoved(record).map((u) => u.userId.toLowerCase()));
    const bare = read.data.filter(
      (u) => pendingIds.has(u.id.toLowerCase()) && holdsAny(u.skuIds, [oldSku]) && !holdsAny(u.skuIds, covering),
    );
    if (bare.length > 0) {
      const names = bare.slice(0, 5).map((u) => u.upn).join(', ');
      throw new StepStop(
        'uncovered',
        String(bare.length),
        'users',
        `${bare.length} users have no other product that includes this service (${names}): buy the replacement for them first.`,
      );
    }
  }
  const swap = { from, to: cleanupOnly ? null : to, oldSku, newSku: cleanupOnly ? null : newSku, covering };
  const untried = untriedUsers(record);
  if (untried.length > 1) {
    // A first save of only the users on the first grid page that has any: a refusal (a Sales agent's
    // 403, a plan conflict) is known after one page, not after walking a thousand users. Users who
    // failed before are left to the full pass, so a retry never probes the same refused page again.
    record = (await moveBatch(record, untried, deps, swap, true)).record;
  }
  let pageByPage = false;
  for (const batch of batches(notMoved(record), BATCH)) {
    const done = await moveBatch(record, batch, deps, swap, false);
    record = done.record;
    pageByPage ||= done.dropped;
  }
  // This portal forgets a selection when its grid turns a page: the rest go a page at a time.
  for (let rounds = 0; pageByPage && rounds < MAX_PAGE_ROUNDS; rounds++) {
    const rest = untriedUsers(record);
    if (rest.length === 0) break;
    const done = await moveBatch(record, rest, deps, swap, true);
    record = done.record;
  }
  const left = notMoved(record);
  if (left.length > 0) {
    await deps.apply({ type: 'reassign.failed', error: `${left.length} users could not be moved` });
    throw new StepStop('users-not-moved', String(left.length), 'manage-licenses', `${left.length} users could not be moved`);
  }
  return deps.apply({ type: 'reassign.finished' });
}

async function moveBatch(
  record: MigrationRecord,
  batch: readonly UserOutcome[],
  deps: StepDeps,
  names: {
    from: string;
    to: string | null | undefined;
    oldSku: string;
    newSku: string | null;
    /** Clean-up only: products that keep the service (one must be held once the old one is cleared). */
    covering: readonly string[];
  },
  /** Only the users of the first grid page that has any; the others are left pending, not failed. */
  firstPage: boolean,
): Promise<{ record: MigrationRecord; dropped: boolean }> {
  const tenant = record.tenantId;
  await onPortal('users', () => goToCustomerPage(tenant, 'users', pageContext(deps, tenant, 'customer')));
  const usersPage = pageContext(deps, tenant, 'users');
  const selection = await onPortal('users', () =>
    selectUsers(
      batch.map((u) => ({ upn: u.upn, displayName: u.displayName })),
      usersPage,
      document,
      {
        onProgress: (done, total) => deps.progress?.({ phase: 'select', done, total }),
        ...(firstPage ? { enough: 1 } : {}),
      },
    ),
  );
  if (selection.selected.length === 0) {
    throw new StepStop('not-found', batch[0]?.upn ?? 'users', 'users', 'None of the users was found on the users page.');
  }
  const listedUpns = new Set(selection.selected.map((upn) => upn.toLowerCase()));
  let saved = firstPage ? batch.filter((u) => listedUpns.has(u.upn.toLowerCase())) : batch;
  await onPortal('users', () => openManageLicenses(usersPage));
  const licenses = pageContext(deps, tenant, 'manage-licenses');
  const { from, to } = names;
  await onPortal('manage-licenses', () => (to ? swapLicense({ from, to }, licenses) : clearLicense(from, licenses)));
  // Manage licenses names the users it will change. Fewer than were ticked: the grid kept only the
  // last page's ticks. Those named are saved; the others stay pending (untouched, not failed).
  const shown = selectedUserNames().map((line) => line.toLowerCase());
  // Save changes everyone Manage licenses holds: it must hold only users this step ticked.
  const extra = extraUsers(saved, shown);
  if (extra > 0) {
    throw new StepStop('extra-users', String(extra), 'manage-licenses', `${extra} users this step did not choose are selected.`);
  }
  let dropped = false;
  if (shown.length > 0 && shown.length < listedUpns.size) {
    // Users the grid never listed stay in, to be recorded as not found.
    saved = saved.filter((u) => !listedUpns.has(u.upn.toLowerCase()) || shown.some((line) => namesUser(line, u)));
    dropped = true;
  }
  deps.progress?.({ phase: 'save', done: 0, total: saved.length });
  // While the page works, the API is read for the users it has changed so far (in the order the grid
  // listed them, which is the order they were ticked): each seen moved is checked, and not read again
  // after the confirmation. It also tells when every user moved: a confirmation that never comes must
  // not hide a save that was applied. Every user, not one as a proxy for all: a backend may apply
  // them in any order (with 1,200 users the last one moved early).
  const gridOrder = new Map(selection.listed.map((upn, i) => [upn.toLowerCase(), i]));
  const at = (u: UserOutcome) => gridOrder.get(u.upn.toLowerCase()) ?? gridOrder.size;
  const watched = saved.filter((u) => listedUpns.has(u.upn.toLowerCase())).sort((a, b) => at(a) - at(b));
  const watch = watchMoves(
    watched.map((u) => u.userId),
    deps,
    tenant,
    names,
  );
  let results: SaveResult[] = [];
  let confirmed = true;
  try {
    ({ results } = await onPortal('manage-licenses', () =>
      save(licenses, document, { applied: () => Promise.resolve(watch.allSeen()) }),
    ));
  } catch (error) {
    // No confirmation: the API check below says what happened before anything is said.
    if (!(error instanceof StepStop) || error.reason !== 'not-applied') throw error;
    confirmed = false;
  } finally {
    await watch.stop();
  }

  // Users a read of the API showed moved after Save was clicked need no second read (record-saved.ts).
  const { record: next, unchanged } = await recordSaved(record, { saved, listedUpns, seenMoved: watch.seen, results }, deps, names);
  const tried = saved.filter((u) => listedUpns.has(u.upn.toLowerCase())).length;
  if (confirmed && tried > 0 && unchanged === tried && !(await shortOfSeats(deps, tenant, names.newSku, tried))) {
    // Partner Center answered the save and changed nobody, and the new product had a license for each
    // of them: the contract's stop signal (a role that may not change licenses), whatever its words.
    // Saving the same users again could only be refused again.
    const said = results.find((r) => !r.ok)?.message ?? '';
    await deps.apply({ type: 'reassign.failed', error: `Every license change of the save was refused: ${said}`.slice(0, 500) });
    throw new StepStop('role', said.slice(0, 300), 'manage-licenses', 'Every license change of the save was refused.');
  }
  if (!confirmed) {
    const moved = tried - unchanged;
    throw new StepStop('not-applied', String(moved), 'manage-licenses', `no confirmation after Save; ${moved} of ${tried} moved`);
  }
  return { record: next, dropped };
}

/** The agent's choice, checked against who holds the old license now (the tenant may have changed). */
function chosenHolders(users: readonly LicensedUser[], oldSku: string, ids: readonly string[]): LicensedUser[] {
  const wanted = new Set(ids.map((id) => id.toLowerCase()));
  const holders = usersToMove(users, oldSku, null).filter((u) => wanted.has(u.id.toLowerCase()));
  if (holders.length !== wanted.size) {
    const gone = wanted.size - holders.length;
    throw new StepStop('verify', 'users', 'users', `${gone} of the chosen users no longer hold the old license.`);
  }
  return holders;
}

/** Lines of Manage licenses' selected users that name none of the users this save should change. */
function extraUsers(saved: readonly UserOutcome[], shown: readonly string[]): number {
  return shown.filter((line) => !saved.some((u) => namesUser(line, u))).length;
}
