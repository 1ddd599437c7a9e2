// Partner Center error bodies. Codes the contract names (60012, 2002, 2055, 800091, 900309, 900316)
// are used exactly; 1000, 2091, 3000, 400056 and the 401 body's 400 come from Microsoft's published
// "Partner Center REST error codes" table; the rest are assumed and marked so.
import type { ApiError } from './types';

export const ERROR = {
  /** 401: the published table gives code 400 "Access denied" for Unauthorized. */
  accessDenied: { status: 401, code: 400 },
  notFound: { status: 404, code: 1000 },
  /** 403: "Offer is no longer available for purchase" (published), also used for renewing a retired offer. */
  offerNotAvailable: { status: 403, code: 2091 },
  invalidProperty: { status: 400, code: 3000 },
  invalidInput: { status: 400, code: 400056 },
  quantityOutOfRange: { status: 400, code: 2002 },
  /** Assumed code: the offer's subscription limit (one per customer, or N concurrent) is reached. */
  offerLimitReached: { status: 400, code: 2003 },
  /** Assumed code: a suspended subscription of the offer exists; reactivate it instead of buying again. */
  suspendedSubscriptionExists: { status: 400, code: 2004 },
  /** Assumed code: the customer lacks the approved qualification the offer requires. */
  qualificationRequired: { status: 400, code: 2005 },
  /** Assumed code: an add-on needs an active parent subscription of one of its prerequisite offers. */
  prerequisiteMissing: { status: 400, code: 2007 },
  staleEtag: { status: 412, code: 2055 },
  outOfLicenses: { status: 400, code: 60012 },
  /** Assumed code: licensesToRemove names a SKU the user does not hold. */
  licenseNotAssigned: { status: 400, code: 60013 },
  suspendedSubscription: { status: 400, code: 800091 },
  /** Assumed code: an expired (or deleted) subscription cannot be changed. */
  subscriptionNotActive: { status: 400, code: 800092 },
  licenseChangeNotPermitted: { status: 403, code: 900309 },
  mutuallyExclusivePlans: { status: 400, code: 900316 },
  methodNotAllowed: { status: 405, code: 0 },
  serverError: { status: 500, code: 0 },
} as const;

export type ErrorKind = keyof typeof ERROR;

/** Thrown inside the handler and turned into a response; keeps validation code linear. */
export class ApiFailure extends Error {
  readonly status: number;
  readonly body: ApiError;

  constructor(kind: ErrorKind, description: string, data: unknown[] = []) {
    super(description);
    const { status, code } = ERROR[kind];
    this.status = status;
    this.body = { code, description, data, source: 'PartnerCenter' };
  }
}

export function fail(kind: ErrorKind, description: string, data: unknown[] = []): never {
  throw new ApiFailure(kind, description, data);
}

export function errorBody(code: number, description: string): ApiError {
  return { code, description, data: [], source: 'PartnerCenter' };
}
