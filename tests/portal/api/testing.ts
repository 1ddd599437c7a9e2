// Helpers for this folder's tests: a small client over `handle()`, a manual clock, and zod schemas of
// the contract's resources (written from the contract, so a drift in the simulator fails a test).
import { z } from 'zod';
import { API_BASE, type SimulatedPartnerCenter } from './handler';

export interface CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** Send no Authorization header. */
  anonymous?: boolean;
}

export interface CallResult {
  status: number;
  headers: Record<string, string>;
  raw: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read parsed JSON freely; zod checks shapes where they matter.
  json: any;
}

export function client(sim: SimulatedPartnerCenter) {
  const call = async (method: string, path: string, options: CallOptions = {}): Promise<CallResult> => {
    const response = await sim.handle({
      method,
      url: path.startsWith('http') ? path : `${API_BASE}${path}`,
      headers: {
        ...(options.anonymous ? {} : { Authorization: `Bearer ${sim.token}` }),
        Accept: 'application/json',
        ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...options.headers,
      },
      body:
        options.body === undefined
          ? null
          : typeof options.body === 'string'
            ? options.body
            : JSON.stringify(options.body),
    });
    let json: unknown;
    try {
      json = response.body ? JSON.parse(response.body) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, raw: response.body, json };
  };
  return {
    call,
    get: (path: string, options?: CallOptions) => call('GET', path, options),
    post: (path: string, body: unknown, options?: CallOptions) => call('POST', path, { ...options, body }),
    patch: (path: string, body: unknown, options?: CallOptions) => call('PATCH', path, { ...options, body }),
  };
}

/** A clock the test moves by hand. */
export function manualClock(start = 1_000_000) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

// ---- schemas (contract section 2) -----------------------------------------------------------

const guid = z.string().regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
const linkSchema = z.strictObject({
  uri: z.string(),
  method: z.enum(['GET', 'POST', 'PATCH']),
  headers: z.array(z.strictObject({ key: z.string(), value: z.string() })),
});

export function collectionSchema<T extends z.ZodTypeAny>(item: T) {
  return z.strictObject({
    totalCount: z.number().int().nonnegative(),
    items: z.array(item),
    links: z.strictObject({ self: linkSchema, next: linkSchema.optional() }),
    attributes: z.strictObject({ objectType: z.literal('Collection') }),
  });
}

export const errorSchema = z.strictObject({
  code: z.number().int(),
  description: z.string().min(1),
  data: z.array(z.unknown()),
  source: z.literal('PartnerCenter'),
});

export const throttleSchema = z.strictObject({ statusCode: z.literal(429), message: z.string() });

export const customerSchema = z.object({
  id: guid,
  companyProfile: z.object({ tenantId: guid, domain: z.string(), companyName: z.string().min(1) }),
  billingProfile: z.object({
    culture: z.string(),
    language: z.string(),
    defaultAddress: z.object({ country: z.string().length(2) }),
  }),
  relationshipToPartner: z.string(),
});

export const qualificationSchema = z.object({
  qualification: z.enum(['None', 'Education', 'Nonprofit', 'GovernmentCommunityCloud', 'StateOwnedEntity']),
  vettingStatus: z.enum(['Approved', 'InReview', 'Denied']),
});

export const subscriptionSchema = z.object({
  id: guid,
  offerId: z.string().min(1),
  offerName: z.string().min(1),
  friendlyName: z.string(),
  quantity: z.number().int().nonnegative(),
  unitType: z.string(),
  status: z.enum(['none', 'active', 'pending', 'suspended', 'expired', 'disabled', 'deleted']),
  autoRenewEnabled: z.boolean(),
  creationDate: isoDate,
  effectiveStartDate: isoDate,
  commitmentEndDate: isoDate,
  billingCycle: z.string(),
  orderId: z.string(),
  parentSubscriptionId: z.string().nullable(),
  attributes: z.object({ etag: z.string().min(1), objectType: z.literal('Subscription') }),
});

export const offerSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  minimumQuantity: z.number().int(),
  maximumQuantity: z.number().int(),
  category: z.object({ id: z.string() }),
  isAddOn: z.boolean(),
  prerequisiteOffers: z.array(z.string()),
  reselleeQualifications: z.array(z.string()),
  isAvailableForPurchase: z.boolean(),
  product: z.object({ id: z.string(), name: z.string(), unit: z.string() }),
});

export const orderSchema = z.object({
  id: z.string().min(1),
  lineItems: z.array(
    z.object({
      lineItemNumber: z.number().int(),
      offerId: z.string(),
      quantity: z.number().int(),
      subscriptionId: z.string().optional(),
    }),
  ),
  status: z.enum(['none', 'pending', 'completed', 'cancelled']),
  creationDate: isoDate,
});

export const userSchema = z.object({
  id: guid,
  userPrincipalName: z.string().includes('@'),
  displayName: z.string().min(1),
  usageLocation: z.string().length(2),
  state: z.enum(['active', 'inactive']),
});

const productSkuSchema = z.object({
  id: guid.refine((v) => v === v.toLowerCase()),
  name: z.string(),
  skuPartNumber: z.string(),
});
const servicePlanSchema = z.object({
  serviceName: z.string(),
  id: guid,
  capabilityStatus: z.enum(['Enabled', 'Disabled']),
});

export const licenseSchema = z.object({ productSku: productSkuSchema, servicePlans: z.array(servicePlanSchema) });

export const subscribedSkuSchema = z.object({
  productSku: productSkuSchema,
  totalUnits: z.number().int(),
  activeUnits: z.number().int(),
  suspendedUnits: z.number().int(),
  consumedUnits: z.number().int(),
  availableUnits: z.number().int(),
  capabilityStatus: z.enum(['Enabled', 'Suspended']),
  servicePlans: z.array(servicePlanSchema),
});

export const licenseUpdateSchema = z.object({
  licensesToAssign: z.array(z.object({ skuId: z.string(), excludedPlans: z.array(z.string()).nullable() })),
  licensesToRemove: z.array(z.string()).nullable(),
  attributes: z.object({ objectType: z.literal('LicenseUpdate') }),
});
