import * as z from 'zod/mini';
import { ReplacementInput } from './events';
import { Name, ObjectId, OfferId, Quantity, TenantId } from './fields';
import type { AuditDraft, MigrationRecord } from './types';

/** What a content script knows when the agent opens the Migrate panel: enough to create the record. */
export const NewMigration = z.object({
  tenantId: TenantId,
  subscriptionId: ObjectId,
  customerName: Name,
  retiring: z.object({
    offerId: OfferId,
    offerName: Name,
    skuId: z.nullable(OfferId),
    productName: z.nullable(Name),
    quantity: Quantity,
  }),
  replacement: ReplacementInput,
  purchaseNeeded: z.boolean(),
  reassignNeeded: z.boolean(),
});
export type NewMigration = z.infer<typeof NewMigration>;

/** One migration per retiring subscription; ids are compared lower case, as the API mixes cases. */
export function migrationId(tenantId: string, subscriptionId: string): string {
  return `${tenantId}:${subscriptionId}`.toLowerCase();
}

/**
 * A fresh record. A step that is not needed starts skipped rather than pending, so the guards
 * ("B only after A", "C only after B") hold without a special case and the panel goes straight on.
 */
export function newMigration(input: NewMigration, now: number): MigrationRecord {
  return {
    id: migrationId(input.tenantId, input.subscriptionId),
    tenantId: input.tenantId.toLowerCase(),
    subscriptionId: input.subscriptionId.toLowerCase(),
    customerName: input.customerName,
    retiring: { ...input.retiring },
    replacement: { ...input.replacement },
    purchaseNeeded: input.purchaseNeeded,
    reassignNeeded: input.reassignNeeded,
    createdAt: now,
    updatedAt: now,
    steps: {
      purchase: input.purchaseNeeded
        ? { state: 'pending' }
        : { state: 'skipped', reason: 'The customer already owns the replacement.' },
      reassign: input.reassignNeeded
        ? { state: 'pending', users: {} }
        : { state: 'skipped', users: {}, reason: 'No user holds the retiring product.' },
      suspend: { state: 'pending' },
    },
  };
}

/** The first audit entry of every migration: what moves to what, as decided when it was created. */
export function createdAudit(record: MigrationRecord): AuditDraft[] {
  const { retiring: r, replacement: p } = record;
  const notes = [
    record.purchaseNeeded ? null : 'purchase not needed (the customer already owns the replacement)',
    record.reassignNeeded ? null : 'no license to reassign',
  ].filter((n): n is string => n !== null);
  const detail =
    `${record.customerName} (tenant ${record.tenantId}): subscription ${record.subscriptionId}, ` +
    `${r.quantity} × ${r.offerName} (offer ${r.offerId}) → ${p.quantity} × ${p.offerName} ` +
    `(offer ${p.offerId}, plan ${p.planKey})${notes.length ? `; ${notes.join('; ')}` : ''}`;
  return [
    { migrationId: record.id, at: record.createdAt, step: 'migration', action: 'created', result: 'info', detail },
  ];
}
