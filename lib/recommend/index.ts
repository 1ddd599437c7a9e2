/**
 * The replacement picker: pure rules that turn a retiring subscription, its catalog match and the
 * customer's licenses into "who moves, what to buy, how many". No I/O, no clock, no randomness.
 */
export { pickReplacement } from './pick';
export { validateQuantity } from './quantity';
export type {
  CatalogMatch,
  CustomerInfo,
  OtherSubscription,
  PickErrorCode,
  PickFailure,
  PickInput,
  PickResult,
  PickSuccess,
  Qualification,
  ReplacementOption,
  RetiringSubscription,
  SubscribedSku,
  SubscriptionStatus,
  TenantUser,
} from './types';
