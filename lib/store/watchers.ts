import * as z from 'zod/mini';
import { MigrationId } from '@/lib/migration/fields';
import { MigrationRecord } from '@/lib/migration/types';

/**
 * Pushed updates: an open Migrate panel watches its migration through a port, and the background
 * sends the record (and who runs a step) whenever it changes, instead of the panel asking every
 * second. Both sides check every message with these schemas, as they do the store's messages.
 */

export const WATCH_PORT = 'migration-watch';

/** Panel → background: which migration this port follows. */
export const WatchRequest = z.object({ type: z.literal('watch'), id: MigrationId });
export type WatchRequest = z.infer<typeof WatchRequest>;

/** Background → panel: the record as stored now, and whose lease it is. */
export const WatchUpdate = z.object({
  type: z.literal('changed'),
  migration: z.nullable(MigrationRecord),
  lock: z.enum(['none', 'mine', 'other']),
});
export type WatchUpdate = z.infer<typeof WatchUpdate>;

/** The part of a runtime.Port the registry uses (tests give a fake). */
export interface WatchPort {
  postMessage(message: unknown): void;
}

export interface Watchers {
  /** A port asked to follow a migration; `tab` is the sending tab as the browser reports it. */
  add(port: WatchPort, id: string, tab: number | undefined): void;
  remove(port: WatchPort): void;
  /** Sends the migration's current state to every port following it (each with its own lock view). */
  notify(id: string): Promise<void>;
  /** Ids with at least one watcher. */
  watched(): string[];
}

/**
 * The registry of watchers. `read` gives the stored record (undefined when none, throwing when it
 * cannot be read or is damaged: then nothing is sent, and the panel keeps what it shows) and `holder`
 * the tab holding the migration's lease.
 */
export function createWatchers(
  read: (id: string) => Promise<MigrationRecord | undefined>,
  holder: (id: string) => number | undefined,
): Watchers {
  const ports = new Map<WatchPort, { id: string; tab: number | undefined }>();
  /** Sends the migration's state to the ports following it (only `to` when given). */
  const send = async (id: string, to?: WatchPort) => {
    const following = [...ports].filter(([port, w]) => w.id === id && (!to || port === to));
    if (following.length === 0) return;
    let record: MigrationRecord | undefined;
    try {
      record = await read(id);
    } catch {
      return;
    }
    const lockHolder = holder(id);
    for (const [port, w] of following) {
      const lock = lockHolder === undefined ? 'none' : lockHolder === w.tab ? 'mine' : 'other';
      const update: WatchUpdate = { type: 'changed', migration: record ?? null, lock };
      try {
        port.postMessage(update);
      } catch {
        // The port closed between the lookup and the send: it is removed on its disconnect.
        ports.delete(port);
      }
    }
  };
  return {
    add(port, id, tab) {
      ports.set(port, { id, tab });
      void send(id, port);
    },
    remove(port) {
      ports.delete(port);
    },
    notify: (id) => send(id),
    watched() {
      return [...new Set([...ports.values()].map((w) => w.id))];
    },
  };
}
