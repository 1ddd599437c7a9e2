import * as z from 'zod/mini';
import {
  Code,
  IsoDate,
  Name,
  Note,
  ObjectId,
  OfferId,
  OptionalName,
  OrderId,
  PlanKey,
  PositiveQuantity,
} from './fields';
import { MAX_SNAPSHOT } from './types';

/**
 * Everything that can happen to a migration. Events are sent by the content script that runs a step
 * and applied by the background (machine.ts), so the background parses each one with this schema
 * before the machine sees it.
 */

/** The most users one `reassign.started` may announce; far above any customer the product serves. */
export const MAX_USERS = 20_000;

export const ReplacementInput = z.object({
  planKey: PlanKey,
  offerId: OfferId,
  offerName: Name,
  skuId: z.nullable(OfferId),
  productName: z.nullable(Name),
  quantity: PositiveQuantity,
});
export type ReplacementInput = z.infer<typeof ReplacementInput>;

export const UserToMove = z.object({ userId: ObjectId, displayName: OptionalName, upn: Name });
export type UserToMove = z.infer<typeof UserToMove>;

export const MigrationEvent = z.discriminatedUnion('type', [
  /** Written before Submit, with what the customer already had (see PurchaseStep.ordersBefore). */
  z.object({
    type: z.literal('purchase.intent'),
    ordersBefore: z.array(OrderId).check(z.maxLength(MAX_SNAPSHOT)),
    subscriptionsBefore: z.array(ObjectId).check(z.maxLength(MAX_SNAPSHOT)),
  }),
  /** Written right before Submit is clicked: from then on an order may exist whatever the page shows. */
  z.object({ type: z.literal('purchase.sent') }),
  z.object({ type: z.literal('purchase.submitted'), orderId: OrderId }),
  z.object({ type: z.literal('purchase.verified'), subscriptionId: ObjectId }),
  z.object({ type: z.literal('purchase.skipped'), reason: Note }),
  z.object({ type: z.literal('purchase.failed'), error: Note }),
  /** Reconcile found that the recorded intent never became an order: buying again is safe. */
  z.object({ type: z.literal('purchase.reset'), reason: z.optional(Note) }),
  z.object({
    type: z.literal('reassign.started'),
    users: z.array(UserToMove).check(z.maxLength(MAX_USERS)),
  }),
  z.object({
    type: z.literal('reassign.user'),
    userId: ObjectId,
    state: z.enum(['moved', 'failed']),
    reason: z.optional(Note),
    code: z.optional(Code),
  }),
  /** The outcomes of one Manage licenses save, recorded together (one write instead of one per user). */
  z.object({
    type: z.literal('reassign.users'),
    outcomes: z
      .array(
        z.object({
          userId: ObjectId,
          state: z.enum(['moved', 'failed']),
          reason: z.optional(Note),
          code: z.optional(Code),
        }),
      )
      .check(z.minLength(1), z.maxLength(1000)),
  }),
  z.object({ type: z.literal('reassign.finished') }),
  z.object({ type: z.literal('reassign.skipped'), reason: Note }),
  z.object({ type: z.literal('reassign.failed'), error: Note }),
  z.object({ type: z.literal('suspend.submitted') }),
  z.object({ type: z.literal('suspend.verified'), deprovisionDate: IsoDate }),
  z.object({ type: z.literal('suspend.failed'), error: Note }),
  z.object({ type: z.literal('replacement.changed'), replacement: ReplacementInput }),
  z.object({ type: z.literal('quantity.changed'), quantity: PositiveQuantity }),
]);
export type MigrationEvent = z.infer<typeof MigrationEvent>;
export type MigrationEventType = MigrationEvent['type'];
