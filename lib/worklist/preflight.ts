import type { Customer, Offer, SubscribedSku } from '@/lib/api';
import type { Localized } from '@/lib/catalog';
import { coveringSkus } from '@/lib/migration/plan';
import { planPanel, pooledCount } from '@/lib/migration/prepare';
import type { RetiringItem } from '@/lib/overlay/assess';
import type { PickSuccess, ReplacementOption } from '@/lib/recommend';
import { apiStand } from './migration-state';
import type { PreflightIssue, PreflightNote, Recommended, SubscriptionPreflight } from './preflight-state';

/** What one retiring subscription's pre-flight check reads (see preflight-read.ts). */
export interface PreflightFacts {
  tenantId: string;
  /** The banners' assessment of the subscription: the picker's recommendation the panel starts from. */
  item: RetiringItem;
  customer: Customer;
  skus: readonly SubscribedSku[];
  offers: readonly Offer[];
  /** The license SKU ids (lower case) of each user who has no usage location. */
  unlocated: ReadonlyArray<readonly string[]>;
}

/** The replacement as the panel's buy button names it: a commercial plan by its name, others by the offer's. */
export function recommendedName(option: ReplacementOption): Localized {
  return option.offer.audience === 'commercial' ? option.plan.name : { en: option.offer.name, ko: option.offer.name };
}

/**
 * Users the migration must assign the new product to who have no usage location (Partner Center
 * refuses a license to them): holders of the retiring product who hold no product with the service.
 * None when nothing is assigned (clean-up only, or the replacement grants the same product).
 */
function unlocatedToAssign(facts: PreflightFacts, pick: PickSuccess, oldSku: string | null): number {
  if (!pick.reassignNeeded || !oldSku) return 0;
  const covering = new Set(coveringSkus(facts.skus, pick.retirement, oldSku));
  return facts.unlocated.filter((skus) => skus.includes(oldSku) && !skus.some((s) => covering.has(s))).length;
}

/**
 * The pre-flight verdict of one retiring subscription, decided from the same plan the Migrate panel
 * would make (lib/migration/prepare.ts: the first eligible option, its quantity, whether step A is
 * needed), so the worklist recommends exactly what the panel will offer. Needs attention when the
 * agent must act before or during the migration; done when the API shows the old subscription gone.
 */
export function preflightOf(facts: PreflightFacts): SubscriptionPreflight {
  const { pick } = facts.item;
  const plan = pick.ok
    ? planPanel({
        tenantId: facts.tenantId,
        subscription: facts.item.subscription,
        pick,
        customer: facts.customer,
        skus: facts.skus,
        offers: facts.offers,
      })
    : null;
  if (!pick.ok || !plan) {
    const reason = pick.ok ? pick.reasons[0] : pick.reason;
    return {
      verdict: 'attention',
      issues: [{ kind: 'no-recommendation', reason: { en: reason?.en ?? '', ko: reason?.ko ?? '' } }],
      notes: [],
      replacement: null,
      api: { state: 'not-started', next: null },
    };
  }
  const { input, option } = plan;
  const oldSku = input.retiring.skuId;
  const issues: PreflightIssue[] = [];
  if (!option.eligible) issues.push({ kind: 'over-max', need: pick.seatsToBuy, max: option.offer.maxQuantity });
  if (oldSku === null) issues.push({ kind: 'unknown-product' });
  const share = pooledCount(pick);
  if (share !== null && share > 0) issues.push({ kind: 'pooled', move: share, holders: pick.licensedUsers });
  const unlocated = unlocatedToAssign(facts, pick, oldSku);
  if (unlocated > 0) issues.push({ kind: 'missing-location', users: unlocated });

  // A replacement granting the retiring product itself (a Dynamics plan of the same SKU) is no other product owned.
  const newSku = input.replacement.skuId;
  const owned = newSku !== oldSku ? facts.skus.find((s) => s.productSku.id.toLowerCase() === newSku) : undefined;
  const notes: PreflightNote[] = [{ kind: 'holders', users: pick.licensedUsers }];
  if (owned) notes.push({ kind: 'owned', product: owned.productSku.name, free: owned.availableUnits });
  if (pick.coveredUsers > 0) notes.push({ kind: 'covered', users: pick.coveredUsers });

  const replacement: Recommended = {
    name: recommendedName(option),
    quantity: input.purchaseNeeded ? input.replacement.quantity : 0,
  };
  const api = apiStand({
    active: true,
    // Step A is behind only where the picker wants seats bought and the panel would skip A for the
    // replacement's free licenses; a customer covered by a product it owns has bought nothing yet.
    replacementOwned: owned !== undefined && pick.purchaseNeeded && !input.purchaseNeeded,
    usersToMove: pick.usersToMove,
  });
  return { verdict: issues.length > 0 ? 'attention' : 'ready', issues, notes, replacement, api };
}

/** A retiring subscription the API no longer shows active: suspended (or gone), nothing left to do. */
export function finishedPreflight(): SubscriptionPreflight {
  return { verdict: 'done', issues: [], notes: [], replacement: null, api: apiStand({ active: false, replacementOwned: false, usersToMove: 0 }) };
}
