/** The fields of a Partner Center subscription the overlay reads (a structural subset of the API's). */
export interface SubscriptionLike {
  id: string;
  offerId: string;
  offerName: string;
  friendlyName?: string;
  quantity: number;
  status: string;
  autoRenewEnabled?: boolean;
  commitmentEndDate?: string;
}

/**
 * The subscription as Partner Center's own row names it, in every language: its friendly name, else
 * the API's offer name. Not the catalog's localized offer name, which the portal does not show.
 */
export const portalName = (subscription: Pick<SubscriptionLike, 'friendlyName' | 'offerName'>): string =>
  subscription.friendlyName || subscription.offerName;
