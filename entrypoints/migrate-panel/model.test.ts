import { describe, expect, it } from 'vitest';
import { newMigration } from '@/lib/migration/machine';
import { drive, sampleInput, USERS } from '@/lib/migration/test-fixtures';
import type { MigrationRecord } from '@/lib/migration/types';
import { kaizalaPick } from '@/lib/recommend/test-fixtures';
import { type PanelState, panelModel } from './model';

const { pick, top: option } = kaizalaPick();

const start = newMigration(sampleInput({ retiring: { ...sampleInput().retiring, skuId: 'k' } }), 1_000);
const bought = drive([{ type: 'purchase.intent', ordersBefore: [], subscriptionsBefore: [] }, { type: 'purchase.verified', subscriptionId: 'new-sub' }], start);

const state = (record: MigrationRecord, over: Partial<PanelState> = {}): PanelState => ({
  record,
  pick,
  option,
  quantity: 25,
  quantityError: null,
  running: null,
  otherTab: false,
  problem: null,
  subscriptionName: 'Kaizala Pro',
  ends: { date: '2027-01-02', daysLeft: 30 },
  ...over,
});

describe('panelModel: seats before step B', () => {
  it('warns when the new product has fewer free licenses than users still to move', () => {
    expect(panelModel(state(bought, { freeSeats: 20 })).reassign.shortOfSeats).toBe(pick.usersToMove - 20);
  });

  it('counts only the users not yet moved once step B has its list', () => {
    const partly = drive(
      [
        { type: 'reassign.started', users: USERS },
        { type: 'reassign.users', outcomes: [{ userId: USERS[0]?.userId ?? '', state: 'moved' }] },
        { type: 'reassign.failed', error: 'out of seats' },
      ],
      bought,
    );
    expect(panelModel(state(partly, { freeSeats: 0 })).reassign.shortOfSeats).toBe(1);
    expect(panelModel(state(partly, { freeSeats: 1 })).reassign.shortOfSeats).toBe(0);
  });

  it('says nothing while step A is still to do, while unknown, or when users keep their product', () => {
    expect(panelModel(state(start, { freeSeats: 0 })).reassign.shortOfSeats).toBe(0);
    expect(panelModel(state(bought, { freeSeats: null })).reassign.shortOfSeats).toBe(0);
    const covered = { ...pick, reassignNeeded: false, licenseCleanupNeeded: true };
    expect(panelModel(state(bought, { pick: covered, freeSeats: 0 })).reassign.shortOfSeats).toBe(0);
  });
});

describe('panelModel: what a running step B is doing', () => {
  it('shows the latest note only while step B runs', () => {
    const activity = { phase: 'select' as const, done: 40, total: 1200 };
    expect(panelModel(state(bought, { running: 'reassign', activity })).reassign.activity).toEqual(activity);
    expect(panelModel(state(bought, { running: null, activity })).reassign.activity).toBeNull();
  });
});
