import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { newScan } from '@/lib/worklist/state';
import { openStore } from './db';
import { loadScan, saveScan } from './worklist';

describe('the stored scan', () => {
  it('keeps the scan across a reopen, exactly as saved', async () => {
    const state = { ...newScan(1000), customers: [{ id: 'c1', name: 'Contoso' }], listed: true };
    const db = await openStore('worklist-keep');
    expect(await loadScan(db)).toBeNull();
    await saveScan(db, state);
    db.close();
    const again = await openStore('worklist-keep');
    expect(await loadScan(again)).toEqual(state);
    again.close();
  });

  it('says a damaged record is damaged instead of trusting it', async () => {
    const db = await openStore('worklist-damaged');
    await db.put('worklist', { version: 1, customers: 'not a list' }, 'scan');
    expect(await loadScan(db)).toBe('damaged');
    db.close();
  });
});
