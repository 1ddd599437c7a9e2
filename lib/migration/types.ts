import * as z from 'zod/mini';
import { STEP_IDS } from '@/lib/catalog/schema';

/**
 * A migration: one customer's retiring subscription moved to its replacement in three steps,
 * A purchase, B reassign, C suspend. The record is the whole truth about its progress: it lives in
 * the background's IndexedDB, crosses the message boundary as JSON, and is checked on arrival with
 * these schemas, so each type below is inferred from the schema that guards it.
 */

/** Our own data, read back from the store: bounded only where a runaway value would hurt. */
const id = z.string().check(z.minLength(1), z.maxLength(200));
const name = z.string().check(z.maxLength(500));
const count = z.number().check(z.int(), z.minimum(0));
const epochMs = z.number().check(z.int(), z.minimum(0));

export const StepName = z.enum(STEP_IDS);
export type StepName = z.infer<typeof StepName>;

/** The subscription that retires, as it stood when the migration was created. */
export const RetiringSide = z.object({
  offerId: id,
  offerName: name,
  /** License SKU the offer grants (offer.product.id); null when the catalog has none published. */
  skuId: z.nullable(id),
  /** The product name licenses show, which can differ from the offer name. */
  productName: z.nullable(name),
  quantity: count,
});
export type RetiringSide = z.infer<typeof RetiringSide>;

/** What the customer moves to: a catalog plan and the purchasable offer chosen for it. */
export const ReplacementSide = z.object({
  planKey: id,
  offerId: id,
  offerName: name,
  skuId: z.nullable(id),
  productName: z.nullable(name),
  quantity: count,
});
export type ReplacementSide = z.infer<typeof ReplacementSide>;

/**
 * A: the purchase. `intent` is written before the portal is touched, `submitted` right before Submit
 * is clicked (with the order id once the confirmation shows one), so a resume that finds either
 * reconciles with the API instead of buying again.
 */
export const PurchaseState = z.enum(['pending', 'intent', 'submitted', 'done', 'skipped', 'failed']);
/** Ids the customer already had when the intent was written (at most this many are kept). */
export const MAX_SNAPSHOT = 5000;
const snapshot = z.optional(z.array(id).check(z.maxLength(MAX_SNAPSHOT)));
export const PurchaseStep = z.object({
  state: PurchaseState,
  intentAt: z.optional(epochMs),
  /**
   * The customer's order ids and replacement-offer subscription ids the API listed just before the
   * intent. What is not in them was bought since: this, not a clock, tells whether an interrupted
   * purchase went through. Kept while failed, so a retry checks since the first intent.
   */
  ordersBefore: snapshot,
  subscriptionsBefore: snapshot,
  /** When Submit was clicked (state `submitted`); the order id follows if the confirmation showed one. */
  sentAt: z.optional(epochMs),
  orderId: z.optional(id),
  /** The replacement subscription, once the API shows it. */
  subscriptionId: z.optional(id),
  /** Why the step was skipped. */
  reason: z.optional(z.string()),
  error: z.optional(z.string()),
});
export type PurchaseStep = z.infer<typeof PurchaseStep>;

/** One user whose license moves from the retiring product to the replacement. */
export const UserOutcome = z.object({
  userId: id,
  displayName: name,
  upn: name,
  state: z.enum(['pending', 'moved', 'failed']),
  reason: z.optional(z.string()),
  /** Partner Center's error code or HTTP status, as text. */
  code: z.optional(z.string()),
  /** When the outcome was recorded. */
  at: z.optional(epochMs),
});
export type UserOutcome = z.infer<typeof UserOutcome>;

/** B: license reassignment, page by page. `users` is keyed by lower-case user id. */
export const ReassignStep = z.object({
  state: z.enum(['pending', 'running', 'done', 'skipped', 'failed']),
  users: z.record(z.string(), UserOutcome),
  reason: z.optional(z.string()),
  error: z.optional(z.string()),
});
export type ReassignStep = z.infer<typeof ReassignStep>;

/** C: suspension of the retiring subscription; Partner Center de-provisions it after 120 days. */
export const SuspendStep = z.object({
  state: z.enum(['pending', 'submitted', 'done', 'failed']),
  /** YYYY-MM-DD, as the portal announces it. */
  deprovisionDate: z.optional(z.string()),
  error: z.optional(z.string()),
});
export type SuspendStep = z.infer<typeof SuspendStep>;

export const MigrationRecord = z.object({
  /** `${tenantId}:${subscriptionId}`, lower case: one migration per retiring subscription. */
  id,
  tenantId: id,
  /** The retiring subscription. */
  subscriptionId: id,
  customerName: name,
  retiring: RetiringSide,
  replacement: ReplacementSide,
  /** False when the customer already owns the replacement: step A starts skipped. */
  purchaseNeeded: z.boolean(),
  /** False when no user holds the retiring product: step B starts skipped. */
  reassignNeeded: z.boolean(),
  createdAt: epochMs,
  updatedAt: epochMs,
  steps: z.object({ purchase: PurchaseStep, reassign: ReassignStep, suspend: SuspendStep }),
});
export type MigrationRecord = z.infer<typeof MigrationRecord>;

/** One line of a migration's audit log; `seq` orders a migration's entries and is given by the store. */
export const AuditEntry = z.object({
  migrationId: id,
  seq: z.number().check(z.int(), z.minimum(1)),
  at: epochMs,
  step: z.enum(['purchase', 'reassign', 'suspend', 'migration']),
  action: z.string(),
  result: z.enum(['ok', 'failed', 'info']),
  /** Human-readable, with the ids, quantities and names involved. */
  detail: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** An audit entry as a transition produces it, before the store numbers it. */
export type AuditDraft = Omit<AuditEntry, 'seq'>;
