import type { Customer, Offer, SubscribedSku } from '@/lib/api';
import type { Localized } from '@/lib/catalog';
import { t } from '@/lib/i18n';
import type { PickSuccess, ReplacementOption } from '@/lib/recommend';
import type { NewMigration } from './create';
import { replacementFrom, retiringSku } from './plan';
import { usersToMove, type LicensedUser } from './steps/users';

/** What the panel read when the agent opened it (a failed read is null: shown as unknown, never relied on). */
export interface PanelReads {
  tenantId: string;
  subscription: { id: string; offerId: string; offerName: string; quantity: number };
  pick: PickSuccess;
  customer: Customer | null;
  skus: readonly SubscribedSku[] | null;
  offers: readonly Offer[];
}

export interface PanelPlan {
  /** The record to create (or find: one migration per retiring subscription). */
  input: NewMigration;
  /** The replacement offered first: the first eligible option. */
  option: ReplacementOption;
  /** Why step A is not needed, when the customer already owns the replacement with free seats. */
  skipReason?: Localized;
}

/** The customer's country for the offers list; the API's default market when the profile has none. */
export const countryOf = (customer: Customer | null): string =>
  customer?.billingProfile?.defaultAddress?.country || 'US';

/**
 * Decides the new migration from the panel's reads, without a browser: which product retires (from
 * the API, or unknown), what replaces it, and whether step A is needed. What it decides is shown and
 * stored for the record only; each step reads the products again when it starts.
 */
export function planPanel(reads: PanelReads): PanelPlan | null {
  const { pick, subscription } = reads;
  const option = pick.options.find((o) => o.eligible) ?? pick.options[0];
  if (!option) return null;
  const skus = reads.skus ?? [];
  const oldSku = reads.skus
    ? retiringSku({
        offerId: subscription.offerId,
        offers: reads.offers,
        skus,
        retirement: pick.retirement,
        retiredOffer: pick.retiredOffer,
      })
    : null;
  const replacement = replacementFrom(option, reads.offers, skus);
  const nameOf = (sku: string | null) => skus.find((s) => s.productSku.id.toLowerCase() === sku)?.productSku.name;
  // The customer may already own the replacement with enough free seats: then step A is not needed.
  const owned = skus.find((s) => s.productSku.id.toLowerCase() === replacement.skuId);
  const alreadyOwned = pick.purchaseNeeded && !!owned && owned.availableUnits >= pick.seatsToBuy;
  const purchaseNeeded = pick.purchaseNeeded && !alreadyOwned;
  const skipReason: Localized | undefined =
    owned && !purchaseNeeded
      ? {
          en: t('en', 'purchaseOwned', { plan: owned.productSku.name, count: owned.availableUnits }),
          ko: t('ko', 'purchaseOwned', { plan: owned.productSku.name, count: owned.availableUnits }),
        }
      : undefined;
  return {
    option,
    ...(skipReason ? { skipReason } : {}),
    input: {
      tenantId: reads.tenantId,
      subscriptionId: subscription.id,
      customerName: reads.customer?.companyProfile.companyName || reads.tenantId,
      retiring: {
        offerId: subscription.offerId,
        offerName: subscription.offerName,
        skuId: oldSku,
        productName: nameOf(oldSku) ?? subscription.offerName,
        quantity: subscription.quantity,
      },
      replacement,
      purchaseNeeded,
      reassignNeeded: pick.reassignNeeded || pick.licenseCleanupNeeded,
    },
  };
}

/** Users to move when the retiring SKU is pooled with subscriptions that stay; null: every holder. */
export const pooledCount = (pick: PickSuccess): number | null =>
  pick.usersToMove < pick.licensedUsers ? pick.usersToMove : null;

/** Users keep the service through products they hold: step B only clears the old license. */
export const cleanupOnly = (pick: PickSuccess): boolean => !pick.reassignNeeded && pick.licenseCleanupNeeded;

export interface Pool {
  count: number;
  holders: LicensedUser[];
  chosen: Set<string>;
}

/**
 * A pooled SKU: who holds the old license, how many of them move (the retiring seats, or all of them
 * when fewer hold it now) and the stable default choice, which the agent may change.
 */
export function poolOf(users: readonly LicensedUser[], oldSku: string, share: number): Pool {
  const holders = usersToMove(users, oldSku, null);
  const count = Math.min(share, holders.length);
  return { count, holders, chosen: new Set(usersToMove(users, oldSku, count).map((u) => u.id)) };
}
