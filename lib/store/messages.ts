import * as z from 'zod/mini';
import { NewMigration } from '@/lib/migration/create';
import { MigrationEvent } from '@/lib/migration/events';
import { MigrationId, TenantId } from '@/lib/migration/fields';
import { REFUSAL_REASONS } from '@/lib/migration/machine';
import { AuditEntry, MigrationRecord } from '@/lib/migration/types';

/**
 * The only way content scripts reach the store. Both sides parse every message with these
 * schemas: the background never trusts what a page-adjacent script sends, and the content script
 * never trusts an answer it did not expect.
 */

const tenantId = TenantId;
const page = z.string().check(z.regex(/^[a-z-]{1,40}$/));

export const StoreRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('customer.visit'), tenantId, page }),
  z.object({ type: z.literal('customer.get'), tenantId }),
  /** Idempotent: an existing migration is returned as stored. */
  z.object({ type: z.literal('migration.create'), migration: NewMigration }),
  /** Replaces a damaged record with this new one (a sound record is returned as stored, unchanged). */
  z.object({ type: z.literal('migration.restart'), migration: NewMigration }),
  z.object({ type: z.literal('migration.get'), id: MigrationId }),
  z.object({ type: z.literal('migration.list'), tenantId }),
  /** The subscriptions of this customer whose migration stopped mid-step (the banners' script resumes them). */
  z.object({ type: z.literal('migration.interrupted'), tenantId }),
  z.object({ type: z.literal('migration.apply'), id: MigrationId, event: MigrationEvent }),
  z.object({ type: z.literal('migration.audit'), id: MigrationId }),
  /** The lease of the sending tab (the background reads the tab from the sender, never from the message). */
  z.object({ type: z.literal('migration.lock'), id: MigrationId, action: z.enum(['acquire', 'renew', 'release']) }),
]);
export type StoreRequest = z.infer<typeof StoreRequest>;
export type StoreRequestType = StoreRequest['type'];

export const CustomerVisitRecord = z.object({
  tenantId,
  lastPage: page,
  firstSeenAt: z.number(),
  lastSeenAt: z.number(),
  visits: z.number().check(z.int(), z.positive()),
});

/** The answer to `customer.visit` and `customer.get`. */
export const StoreResponse = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), customer: z.nullable(CustomerVisitRecord) }),
  z.object({ ok: z.literal(false), error: z.enum(['bad-request', 'forbidden-sender', 'store-failed']) }),
]);
export type StoreResponse = z.infer<typeof StoreResponse>;

/** Any request may fail these ways; the background answers `forbidden-sender` before parsing. */
const StoreFailure = z.object({
  ok: z.literal(false),
  error: z.enum(['bad-request', 'forbidden-sender', 'store-failed']),
});

/** The stored record fails its schema: what is wrong, so the agent can be told and start again. */
const Corrupt = z.object({ ok: z.literal(false), error: z.literal('corrupt'), problem: z.string() });

export const MigrationCreateResponse = z.union([
  z.object({ ok: z.literal(true), migration: MigrationRecord, created: z.boolean() }),
  Corrupt,
  StoreFailure,
]);

export const MigrationGetResponse = z.union([
  z.object({
    ok: z.literal(true),
    migration: z.nullable(MigrationRecord),
    /** Whether a tab runs a step now: the asker (`mine`), another tab (`other`, show progress only) or none. */
    lock: z.enum(['none', 'mine', 'other']),
  }),
  Corrupt,
  StoreFailure,
]);

export const MigrationListResponse = z.union([
  z.object({ ok: z.literal(true), migrations: z.array(MigrationRecord) }),
  StoreFailure,
]);

export const MigrationApplyResponse = z.union([
  z.object({ ok: z.literal(true), migration: MigrationRecord, audit: z.array(AuditEntry) }),
  /** The state machine's guard said no; nothing was written. */
  z.object({ ok: z.literal(false), error: z.literal('refused'), reason: z.enum(REFUSAL_REASONS), message: z.string() }),
  z.object({ ok: z.literal(false), error: z.literal('not-found') }),
  /** Another tab holds the migration's lease: only it may change the migration now. */
  z.object({ ok: z.literal(false), error: z.literal('locked'), holder: z.number() }),
  Corrupt,
  StoreFailure,
]);

/** Subscription ids only: the script that asks carries no record schema (lib/overlay/store-answers.ts). */
export const MigrationInterruptedResponse = z.union([
  z.object({ ok: z.literal(true), subscriptionIds: z.array(z.string()) }),
  StoreFailure,
]);

export const MigrationAuditResponse = z.union([
  z.object({ ok: z.literal(true), entries: z.array(AuditEntry) }),
  StoreFailure,
]);

export const MigrationLockResponse = z.union([
  z.object({
    ok: z.literal(true),
    granted: z.boolean(),
    holder: z.optional(z.number()),
    expiresAt: z.optional(z.number()),
  }),
  /** Leases belong to tabs; a sender outside a tab (an extension page) cannot hold one. */
  z.object({ ok: z.literal(false), error: z.literal('no-tab') }),
  StoreFailure,
]);

/** Each request's answer, so the client checks exactly the shape its request can get back. */
export const RESPONSES = {
  'customer.visit': StoreResponse,
  'customer.get': StoreResponse,
  'migration.create': MigrationCreateResponse,
  'migration.restart': MigrationCreateResponse,
  'migration.get': MigrationGetResponse,
  'migration.list': MigrationListResponse,
  'migration.interrupted': MigrationInterruptedResponse,
  'migration.apply': MigrationApplyResponse,
  'migration.audit': MigrationAuditResponse,
  'migration.lock': MigrationLockResponse,
} as const satisfies Record<StoreRequestType, z.ZodMiniType>;

export type StoreResponseTo<T extends StoreRequestType> = z.infer<(typeof RESPONSES)[T]>;
export type AnyStoreResponse = StoreResponseTo<StoreRequestType>;

/**
 * Which migration a request changed, if any, so its watchers hear of it: a create, restart or
 * applied event (the record), or a lease taken or let go (who runs a step), with when that lease
 * lapses unless renewed.
 */
export function changedMigration(
  request: unknown,
  answer: AnyStoreResponse,
  now: number,
): { id: string; lapsesIn?: number } | null {
  const parsed = StoreRequest.safeParse(request);
  if (!parsed.success || !answer.ok) return null;
  const req = parsed.data;
  switch (req.type) {
    case 'migration.create':
    case 'migration.restart':
    case 'migration.apply':
      return 'migration' in answer && answer.migration ? { id: answer.migration.id } : null;
    case 'migration.lock': {
      const expiresAt = 'expiresAt' in answer ? answer.expiresAt : undefined;
      return { id: req.id, ...(typeof expiresAt === 'number' ? { lapsesIn: Math.max(0, expiresAt - now) } : {}) };
    }
    default:
      return null;
  }
}
