import * as z from 'zod/mini';
import { MigrationState, PreflightIssue, PreflightNote, Recommended, StepName, Verdict } from './preflight-state';

/**
 * The side panel's messages to the background's worklist, checked on both sides like the store's:
 * the background answers only its own extension pages, and the panel trusts no answer of another shape.
 */
const id = z.string().check(z.minLength(1), z.maxLength(100));

export const WorklistRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('worklist.status') }),
  /** Starts a scan, or continues a stopped one; `refresh` re-reads stale results and failed customers. */
  z.object({ type: z.literal('worklist.start'), refresh: z.boolean() }),
  /** Stops the scan or the pre-flight pass, whichever runs. */
  z.object({ type: z.literal('worklist.cancel') }),
  /** Checks one customer before its migration (its row's button), or, with no customer, starts or continues the pass over the list. */
  z.object({
    type: z.literal('worklist.preflight'),
    customerId: z.optional(id),
  }),
  /**
   * Opens the customer's subscriptions page in a portal tab (the agent's, or a new one), with the
   * Migrate panel of `subscriptionId` open once the page is up.
   */
  z.object({ type: z.literal('worklist.open'), customerId: id, subscriptionId: z.optional(id) }),
]);
export type WorklistRequest = z.infer<typeof WorklistRequest>;

/**
 * What the Migrate panel, in a portal tab, may ask of the worklist once a migration is complete: the
 * next customer still to migrate, and to open it in that same tab (the background takes the tab from
 * the sender, never from the message).
 */
export const WorklistPortalRequest = z.discriminatedUnion('type', [
  /** The customer list's link: open the worklist for this tab. */
  z.object({ type: z.literal('worklist.show') }),
  z.object({ type: z.literal('worklist.next'), tenantId: id }),
  z.object({ type: z.literal('worklist.open-next'), customerId: id, subscriptionId: id }),
]);
export type WorklistPortalRequest = z.infer<typeof WorklistPortalRequest>;

/** The next customer of the worklist (soonest end first), or null: no scan yet, or nobody left. */
export const NextCustomerAnswer = z.object({
  ok: z.literal(true),
  next: z.nullable(
    z.object({
      customerId: id,
      customerName: z.string(),
      subscriptionId: id,
      daysLeft: z.nullable(z.number()),
    }),
  ),
});
export type NextCustomer = NonNullable<z.infer<typeof NextCustomerAnswer>['next']>;

const text = z.string();
const count = z.number();

export const WorklistRow = z.object({
  customerId: text,
  customerName: text,
  subscriptionId: text,
  offerName: text,
  quantity: count,
  endDate: z.nullable(text),
  daysLeft: z.nullable(count),
  urgency: z.enum(['ended', 'urgent', 'soon', 'later']),
  retirementId: text,
  retirement: z.object({ en: text, ko: text }),
  replacement: z.nullable(Recommended),
  verdict: z.union([Verdict, z.literal('unchecked')]),
  issues: z.array(PreflightIssue),
  notes: z.array(PreflightNote),
  checkedAt: z.nullable(count),
  /** Where the migration stands (this browser's store and the API combined), and its next step while in progress. */
  migration: MigrationState,
  nextStep: z.nullable(StepName),
  migrationSource: z.nullable(z.enum(['store', 'api'])),
});

/** Why the worklist cannot go on, said in the agent's language by the panel. */
export const WorklistProblem = z.enum(['no-portal-tab', 'signed-out', 'list-failed', 'damaged', 'failed']);
export type WorklistProblem = z.infer<typeof WorklistProblem>;

export const WorklistStatus = z.object({
  ok: z.literal(true),
  running: z.boolean(),
  progress: z.nullable(
    z.object({
      phase: z.enum(['listing', 'reading', 'done', 'stopped']),
      customersRead: count,
      customersTotal: count,
      retiringFound: count,
      customersWithRetiring: count,
      failed: count,
    }),
  ),
  rows: z.array(WorklistRow),
  failures: z.array(z.object({ customerId: text, customerName: text, reason: text })),
  /** The pre-flight pass: customers checked of those with a retiring subscription, and whether it runs. */
  preflight: z.object({ running: z.boolean(), checked: count, total: count, stopped: z.boolean() }),
  /** Customers whose own check (a row's button) is under way. */
  checking: z.array(text),
  /** When the shown results were started (epoch ms), null before the first scan. */
  startedAt: z.nullable(count),
  problem: z.nullable(WorklistProblem),
  /** The language of the agent's portal tab (its URL's locale), which the side panel follows; null without one. */
  portalLang: z.nullable(z.enum(['en', 'ko'])),
});
export type WorklistStatus = z.infer<typeof WorklistStatus>;

export { TOKEN_REQUEST } from '@/lib/overlay/messages';
export const TokenAnswer = z.object({ token: z.nullable(z.string().check(z.maxLength(16_384))) });
