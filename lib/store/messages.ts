import * as z from 'zod/mini';

/**
 * The only way content scripts reach the store. Both sides parse every message with these
 * schemas: the background never trusts what a page-adjacent script sends, and the content script
 * never trusts an answer it did not expect.
 */

const tenantId = z.string().check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/));
const page = z.string().check(z.regex(/^[a-z-]{1,40}$/));

export const StoreRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('customer.visit'), tenantId, page }),
  z.object({ type: z.literal('customer.get'), tenantId }),
]);
export type StoreRequest = z.infer<typeof StoreRequest>;

export const CustomerVisitRecord = z.object({
  tenantId,
  lastPage: page,
  firstSeenAt: z.number(),
  lastSeenAt: z.number(),
  visits: z.number().check(z.int(), z.positive()),
});

export const StoreResponse = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), customer: z.nullable(CustomerVisitRecord) }),
  z.object({ ok: z.literal(false), error: z.enum(['bad-request', 'forbidden-sender', 'store-failed']) }),
]);
export type StoreResponse = z.infer<typeof StoreResponse>;
