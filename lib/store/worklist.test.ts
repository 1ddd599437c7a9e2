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

describe('a scan stored before pre-flight (version 1)', () => {
  it('is kept, upgraded with no customer checked yet, rather than lost', async () => {
    const { version: _v, preflight: _p, preflightPass: _pp, ...v1Fields } = { ...newScan(1000), customers: [{ id: 'c1', name: 'Contoso' }], listed: true };
    const db = await openStore('worklist-v1');
    await db.put('worklist', { ...v1Fields, version: 1 }, 'scan');
    expect(await loadScan(db)).toEqual({ ...v1Fields, version: 2, preflight: {}, preflightPass: null });
    db.close();
  });

  it('says a stored pre-flight of the wrong shape is damaged', async () => {
    const db = await openStore('worklist-bad-preflight');
    await db.put('worklist', { ...newScan(1000), preflight: { c1: { checkedAt: 'yesterday' } } }, 'scan');
    expect(await loadScan(db)).toBe('damaged');
    db.close();
  });
});
