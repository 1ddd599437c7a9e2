import * as z from 'zod/mini';

/**
 * What a pre-flight check found for one customer, as plain data: stored in the scan's state (IndexedDB)
 * with its time, sent to the side panel, and checked with these schemas on both trips. Reasons are
 * kept as codes with their figures, so the panel says them in the agent's language when it shows them.
 */

const text = z.string();
const count = z.number().check(z.int(), z.minimum(0));
const Localized = z.object({ en: text, ko: text });

/** Why a customer needs the agent's attention before the migration (each names what to do). */
export const PreflightIssue = z.discriminatedUnion('kind', [
  /** The picker could not recommend a replacement; its own reason, in both languages. */
  z.object({ kind: z.literal('no-recommendation'), reason: Localized }),
  /** No replacement offer sells as many licenses as must be bought. */
  z.object({ kind: z.literal('over-max'), need: count, max: count }),
  /** The API does not name the retiring product: steps B and C refuse until it does. */
  z.object({ kind: z.literal('unknown-product') }),
  /** Users who must get the new license have no usage location: Partner Center refuses to assign it. */
  z.object({ kind: z.literal('missing-location'), users: count }),
  /** The retiring product is pooled with subscriptions that stay: the agent picks who moves. */
  z.object({ kind: z.literal('pooled'), move: count, holders: count }),
  /** A read failed (lib/api's error kind): nothing could be decided. */
  z.object({ kind: z.literal('read-failed'), reason: text }),
]);
export type PreflightIssue = z.infer<typeof PreflightIssue>;

/** Facts worth knowing that need no action. */
export const PreflightNote = z.discriminatedUnion('kind', [
  /** Users who hold the retiring product now. */
  z.object({ kind: z.literal('holders'), users: count }),
  /** The customer already owns the replacement, with this many free licenses. */
  z.object({ kind: z.literal('owned'), product: text, free: z.number() }),
  /** Users who already have the service through another product (nothing to buy for them). */
  z.object({ kind: z.literal('covered'), users: count }),
]);
export type PreflightNote = z.infer<typeof PreflightNote>;

export const MigrationState = z.enum(['not-started', 'in-progress', 'done']);
export type MigrationState = z.infer<typeof MigrationState>;
export const StepName = z.enum(['purchase', 'reassign', 'suspend']);

/** Where a migration stands, and its next step while in progress. */
export const MigrationStand = z.object({ state: MigrationState, next: z.nullable(StepName) });
export type MigrationStand = z.infer<typeof MigrationStand>;

export const Verdict = z.enum(['ready', 'attention', 'done']);
export type Verdict = z.infer<typeof Verdict>;

/** The replacement the Migrate panel would offer first, and how many to buy (0: nothing to buy). */
export const Recommended = z.object({ name: Localized, quantity: count });
export type Recommended = z.infer<typeof Recommended>;

export const SubscriptionPreflight = z.object({
  verdict: Verdict,
  issues: z.array(PreflightIssue),
  notes: z.array(PreflightNote),
  replacement: z.nullable(Recommended),
  /** What Partner Center itself shows of the migration (work done elsewhere counts). */
  api: MigrationStand,
});
export type SubscriptionPreflight = z.infer<typeof SubscriptionPreflight>;

export const CustomerPreflight = z.object({
  checkedAt: z.number().check(z.minimum(0)),
  /** Per retiring subscription id (lower case). */
  subscriptions: z.record(text, SubscriptionPreflight),
  /** A read of the whole customer failed: every row of it needs attention. */
  failure: z.nullable(text),
});
export type CustomerPreflight = z.infer<typeof CustomerPreflight>;
