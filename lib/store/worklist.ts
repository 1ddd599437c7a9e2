import { type ScanState, upgradeScan } from '@/lib/worklist/state';
import type { StoreDb } from './db';

const KEY = 'scan';

/** Keeps the scan where a reload, a worker restart or a browser restart finds it. */
export async function saveScan(db: StoreDb, state: ScanState): Promise<void> {
  await db.put('worklist', state, KEY);
}

/**
 * The stored scan: null when there is none, 'damaged' when what is stored fails the scan's schema
 * (the worklist then starts a new scan rather than trust it). A scan stored before pre-flight
 * existed (version 1) is upgraded, never lost.
 */
export async function loadScan(db: StoreDb): Promise<ScanState | null | 'damaged'> {
  const stored = await db.get('worklist', KEY);
  if (stored === undefined) return null;
  return upgradeScan(stored) ?? 'damaged';
}
