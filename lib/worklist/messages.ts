import * as z from 'zod/mini';

/**
 * The side panel's messages to the background's worklist, checked on both sides like the store's:
 * the background answers only its own extension pages, and the panel trusts no answer of another shape.
 */
export const WorklistRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('worklist.status') }),
  /** Starts a scan, or continues a stopped one; `refresh` re-reads stale results and failed customers. */
  z.object({ type: z.literal('worklist.start'), refresh: z.boolean() }),
  z.object({ type: z.literal('worklist.cancel') }),
  /** Opens the customer's subscriptions page in a portal tab (the agent's, or a new one). */
  z.object({ type: z.literal('worklist.open'), customerId: z.string().check(z.minLength(1), z.maxLength(100)) }),
]);
export type WorklistRequest = z.infer<typeof WorklistRequest>;

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
  /** Where this browser's migration of the subscription stands, and its next step while in progress. */
  migration: z.enum(['not-started', 'in-progress', 'done']),
  nextStep: z.nullable(z.enum(['purchase', 'reassign', 'suspend'])),
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
  /** When the shown results were started (epoch ms), null before the first scan. */
  startedAt: z.nullable(count),
  problem: z.nullable(WorklistProblem),
});
export type WorklistStatus = z.infer<typeof WorklistStatus>;

export { TOKEN_REQUEST } from '@/lib/overlay/messages';
export const TokenAnswer = z.object({ token: z.nullable(z.string().check(z.maxLength(16_384))) });
