import type { DBSchema } from 'idb';
import type { AuditEntry, MigrationRecord } from '@/lib/migration/types';

/**
 * The extension's IndexedDB, opened only in the background (extension origin): a content
 * script's IndexedDB would belong to the portal's origin, where the page could read or clear it.
 * Bump DB_VERSION with a new step in migrations.ts whenever a store or index changes.
 */
export const DB_NAME = 'pc-migration-assistant';
export const DB_VERSION = 3;

/** A customer the agent has opened in the portal: the seed of the worklist. */
export interface CustomerVisit {
  tenantId: string;
  /** The portal page kind last seen for this customer. */
  lastPage: string;
  firstSeenAt: number;
  lastSeenAt: number;
  visits: number;
}

export interface AssistantDb extends DBSchema {
  customers: {
    key: string;
    value: CustomerVisit;
    indexes: { byLastSeen: number };
  };
  /** One record per migration (since v2), keyed `${tenantId}:${subscriptionId}`. */
  migrations: {
    key: string;
    value: MigrationRecord;
    indexes: { byTenant: string };
  };
  /** Every migration's audit log (since v2), keyed [migrationId, seq] so a key range reads one log in order. */
  audit: {
    key: [string, number];
    value: AuditEntry;
    indexes: { byMigration: string };
  };
  /**
   * The worklist's scan (since v3), one record under the key 'scan'. Stored as the scan wrote it and
   * checked with lib/worklist's schema when read back, so a damaged record is never trusted.
   */
  worklist: {
    key: string;
    value: unknown;
  };
}
