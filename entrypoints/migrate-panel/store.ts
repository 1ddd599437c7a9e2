import { browser } from 'wxt/browser';
import type { NewMigration } from '@/lib/migration/create';
import type { MigrationEvent } from '@/lib/migration/events';
import { askStore } from '@/lib/store/client';

const send = (message: unknown) => browser.runtime.sendMessage(message);

/** The migration messages to the background store (validated on both sides). */
export const migrations = {
  create: (migration: NewMigration) => askStore(send, { type: 'migration.create', migration }),
  restart: (migration: NewMigration) => askStore(send, { type: 'migration.restart', migration }),
  get: (id: string) => askStore(send, { type: 'migration.get', id }),
  list: (tenantId: string) => askStore(send, { type: 'migration.list', tenantId }),
  apply: (id: string, event: MigrationEvent) => askStore(send, { type: 'migration.apply', id, event }),
  audit: (id: string) => askStore(send, { type: 'migration.audit', id }),
  lock: (id: string, action: 'acquire' | 'renew' | 'release') => askStore(send, { type: 'migration.lock', id, action }),
};
