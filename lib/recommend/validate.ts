import { fail } from './reasons';
import type { CatalogMatch, CustomerInfo, PickFailure, PickInput } from './types';

/** A checked input: what the seat count and the ranking may rely on without re-checking. */
export interface CheckedInput extends PickInput {
  match: CatalogMatch;
  customer: CustomerInfo;
}

const failure = (code: PickFailure['code'], reason: PickFailure['reason']): PickFailure => ({
  ok: false,
  code,
  reason,
});

/**
 * Refuses input the picker cannot answer honestly. The order matters: an unmatched offer is the
 * most basic problem, and an inactive subscription makes its seat count meaningless.
 */
export function checkInput(input: PickInput): CheckedInput | PickFailure {
  const { match, customer, retiring } = input;
  if (!match) return failure('no-match', fail.noMatch());
  if (!match.retirement.retiredOffers.some((o) => o.key === match.offer.key)) {
    return failure('offer-mismatch', fail.offerMismatch());
  }
  if (!customer?.id?.trim() || !Array.isArray(customer.qualifications)) {
    return failure('missing-customer', fail.missingCustomer());
  }
  if ((retiring.status ?? '').trim().toLowerCase() !== 'active') {
    return failure('not-active', fail.notActive(retiring.status ?? ''));
  }
  if (!Number.isInteger(retiring.quantity) || retiring.quantity < 1) {
    return failure('invalid-quantity', fail.invalidQuantity(retiring.quantity));
  }
  return { ...input, match, customer };
}
