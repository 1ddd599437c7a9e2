import { describe, expect, it } from 'vitest';
import type { MigrationEvent, MigrationEventType } from './events';
import {
  applyEvent,
  createdAudit,
  isComplete,
  migrationId,
  newMigration,
  nextStep,
  type RefusalReason,
  usersProgress,
} from './machine';
import {
  ALL_STAGES,
  BASIC_OFFER,
  deepFreeze,
  drive,
  recordAt,
  sampleInput,
  type Stage,
  SUBSCRIPTION,
  TENANT,
  USERS,
} from './test-fixtures';
import type { MigrationRecord } from './types';

const NOW = 50_000;

function apply(record: MigrationRecord, event: MigrationEvent, now = NOW) {
  return applyEvent(deepFreeze(record), event, now);
}

function ok(record: MigrationRecord, event: MigrationEvent, now = NOW) {
  const result = apply(record, event, now);
  if (!result.ok) throw new Error(`refused ${event.type}: ${result.message}`);
  return result;
}

describe('newMigration', () => {
  it('starts with every step pending and the id in lower case', () => {
    const record = newMigration(sampleInput(), 1_000);
    expect(record.id).toBe(`${TENANT}:${SUBSCRIPTION.toLowerCase()}`);
    expect(record.id).toBe(migrationId(TENANT.toUpperCase(), SUBSCRIPTION));
    expect(record.subscriptionId).toBe(SUBSCRIPTION.toLowerCase());
    expect(record.steps).toEqual({
      purchase: { state: 'pending' },
      reassign: { state: 'pending', users: {} },
      suspend: { state: 'pending' },
    });
    expect([record.createdAt, record.updatedAt]).toEqual([1_000, 1_000]);
    expect(nextStep(record)).toBe('purchase');
  });

  it('starts an unneeded step skipped, so the next one is reachable at once', () => {
    const noBuy = newMigration(sampleInput({ purchaseNeeded: false }), 1);
    expect(noBuy.steps.purchase.state).toBe('skipped');
    expect(nextStep(noBuy)).toBe('reassign');
    expect(apply(noBuy, { type: 'purchase.intent', ordersBefore: [], subscriptionsBefore: [] })).toMatchObject({ ok: false, reason: 'not-allowed' });

    const nothingToMove = newMigration(sampleInput({ purchaseNeeded: false, reassignNeeded: false }), 1);
    expect(nextStep(nothingToMove)).toBe('suspend');
    expect(ok(nothingToMove, { type: 'suspend.submitted' }).record.steps.suspend.state).toBe('submitted');
  });

  it('describes what moves to what in the first audit entry', () => {
    const record = newMigration(sampleInput({ purchaseNeeded: false }), 1_000);
    const [entry, ...rest] = createdAudit(record);
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      migrationId: record.id,
      at: 1_000,
      step: 'migration',
      action: 'created',
      result: 'info',
    });
    const parts = ['주식회사 한빛', '25 × Kaizala Pro', '25 × Microsoft 365 Business Basic', BASIC_OFFER];
    for (const part of [...parts, 'purchase not needed']) {
      expect(entry?.detail).toContain(part);
    }
  });
});

describe('applyEvent: the whole migration', () => {
  it('runs A, B and C in order, auditing every transition', () => {
    let record = newMigration(sampleInput(), 1_000);
    const audit: string[] = [];
    const step = (event: MigrationEvent, now: number) => {
      const result = ok(record, event, now);
      expect(result.record.updatedAt).toBe(now);
      for (const entry of result.audit) {
        expect(entry.migrationId).toBe(record.id);
        expect(entry.at).toBe(now);
        audit.push(`${entry.step} ${entry.action} ${entry.result}: ${entry.detail}`);
      }
      record = result.record;
    };

    step({ type: 'purchase.intent', ordersBefore: [], subscriptionsBefore: [] }, 2_000);
    expect(record.steps.purchase).toEqual({ state: 'intent', intentAt: 2_000, ordersBefore: [], subscriptionsBefore: [] });
    step({ type: 'purchase.submitted', orderId: 'ORD-77' }, 3_000);
    expect(record.steps.purchase).toMatchObject({ state: 'submitted', orderId: 'ORD-77' });
    step({ type: 'purchase.verified', subscriptionId: 'B0000000-0000-4000-8000-00000000000B' }, 4_000);
    expect(record.steps.purchase).toEqual({
      state: 'done',
      intentAt: 2_000,
      ordersBefore: [],
      subscriptionsBefore: [],
      orderId: 'ORD-77',
      subscriptionId: 'b0000000-0000-4000-8000-00000000000b',
    });
    expect(nextStep(record)).toBe('reassign');

    step({ type: 'reassign.started', users: USERS }, 5_000);
    expect(record.steps.reassign.state).toBe('running');
    expect(Object.keys(record.steps.reassign.users)).toEqual(['u-0001', 'u-0002']);
    step({ type: 'reassign.user', userId: 'U-0001', state: 'moved' }, 6_000);
    step({ type: 'reassign.user', userId: 'u-0002', state: 'moved' }, 7_000);
    expect(record.steps.reassign.users['u-0001']).toEqual({
      userId: 'u-0001',
      displayName: '김민준',
      upn: 'minjun.kim@hanbit.example',
      state: 'moved',
      at: 6_000,
    });
    expect(usersProgress(record)).toEqual({ done: 2, failed: 0, total: 2 });
    step({ type: 'reassign.finished' }, 8_000);
    expect(nextStep(record)).toBe('suspend');

    step({ type: 'suspend.submitted' }, 9_000);
    expect(isComplete(record)).toBe(false);
    step({ type: 'suspend.verified', deprovisionDate: '2024-10-29' }, 10_000);
    expect(record.steps.suspend).toEqual({ state: 'done', deprovisionDate: '2024-10-29' });
    expect(isComplete(record)).toBe(true);
    expect(nextStep(record)).toBeNull();

    expect(audit).toEqual([
      'purchase intent info: Intent to buy 25 × Microsoft 365 Business Basic (offer ' +
        `${BASIC_OFFER}) recorded before Submit`,
      `purchase submitted info: Order ORD-77 submitted: 25 × Microsoft 365 Business Basic (offer ${BASIC_OFFER})`,
      'purchase verified ok: Replacement subscription b0000000-0000-4000-8000-00000000000b verified: ' +
        `25 × Microsoft 365 Business Basic (offer ${BASIC_OFFER}), order ORD-77`,
      'reassign started info: 2 users to move from Kaizala Pro to Microsoft 365 Business Basic ' +
        '(2 new; 0 moved and 0 failed before)',
      'reassign user-moved ok: 김민준 <minjun.kim@hanbit.example> (u-0001) moved from Kaizala Pro to ' +
        'Microsoft 365 Business Basic',
      'reassign user-moved ok: Lee, "Jay" <jay.lee@hanbit.example> (u-0002) moved from Kaizala Pro to ' +
        'Microsoft 365 Business Basic',
      'reassign finished ok: All 2 users moved from Kaizala Pro to Microsoft 365 Business Basic',
      `suspend submitted info: Suspension of subscription ${SUBSCRIPTION.toLowerCase()} (25 × Kaizala Pro ` +
        '(offer PLACEHOLDER:kaizala-pro-standalone)) submitted',
      `suspend verified ok: subscription ${SUBSCRIPTION.toLowerCase()} (25 × Kaizala Pro (offer ` +
        'PLACEHOLDER:kaizala-pro-standalone)) suspended; de-provisioned on 2024-10-29',
      'migration completed ok: 주식회사 한빛, "Hanbit" Co. moved from Kaizala Pro to ' +
        'Microsoft 365 Business Basic',
    ]);
  });
});

// ---- every event from every stage -------------------------------------------------------------

const EVENTS: Record<MigrationEventType, MigrationEvent> = {
  'purchase.intent': { type: 'purchase.intent', ordersBefore: [], subscriptionsBefore: [] },
  'purchase.sent': { type: 'purchase.sent' },
  'purchase.submitted': { type: 'purchase.submitted', orderId: 'ORD-2' },
  'purchase.verified': { type: 'purchase.verified', subscriptionId: 'c0000000-0000-4000-8000-00000000000c' },
  'purchase.skipped': { type: 'purchase.skipped', reason: 'Customer owns Business Premium' },
  'purchase.failed': { type: 'purchase.failed', error: 'Offer not found in the catalog' },
  'purchase.reset': { type: 'purchase.reset' },
  'replacement.changed': {
    type: 'replacement.changed',
    replacement: {
      planKey: 'm365-business-standard',
      offerId: '5C9FD4CC-EDCE-44A8-8E91-07DF09744609',
      offerName: 'Microsoft 365 Business Standard',
      skuId: 'f245ecc8-75af-4f8e-b61f-27d8114de5f3',
      productName: null,
      quantity: 20,
    },
  },
  'quantity.changed': { type: 'quantity.changed', quantity: 30 },
  'reassign.started': { type: 'reassign.started', users: [USERS[0]!] },
  'reassign.user': { type: 'reassign.user', userId: 'u-0002', state: 'moved' },
  'reassign.users': { type: 'reassign.users', outcomes: [{ userId: 'u-0002', state: 'moved' }] },
  'reassign.finished': { type: 'reassign.finished' },
  'reassign.skipped': { type: 'reassign.skipped', reason: 'Nobody uses Kaizala' },
  'reassign.failed': { type: 'reassign.failed', error: 'HTTP 403' },
  'suspend.submitted': { type: 'suspend.submitted' },
  'suspend.verified': { type: 'suspend.verified', deprovisionDate: '2024-10-29' },
  'suspend.failed': { type: 'suspend.failed', error: 'Status did not change' },
};

/** Where each event is accepted; everywhere else it is refused. Written out by hand: this is the spec. */
const ALLOWED: Record<MigrationEventType, Stage[]> = {
  'purchase.intent': ['new', 'purchase-failed'],
  'purchase.sent': ['intent'],
  'purchase.submitted': ['intent', 'sent'],
  'purchase.verified': ['intent', 'submitted', 'sent'],
  'purchase.skipped': ['new', 'purchase-failed'],
  'purchase.failed': ['new', 'intent'],
  'purchase.reset': ['intent', 'submitted', 'sent'],
  'replacement.changed': ['new', 'purchase-failed'],
  'quantity.changed': ['new', 'purchase-failed'],
  'reassign.started': ['bought', 'purchase-skipped', 'reassign-running', 'reassign-partial', 'reassign-failed'],
  'reassign.user': ['reassign-running', 'reassign-partial'],
  'reassign.users': ['reassign-running', 'reassign-partial'],
  'reassign.finished': [],
  'reassign.skipped': ['bought', 'purchase-skipped'],
  'reassign.failed': ['bought', 'purchase-skipped', 'reassign-running', 'reassign-partial'],
  'suspend.submitted': ['reassigned', 'reassign-skipped', 'suspend-failed'],
  'suspend.verified': ['suspend-submitted'],
  'suspend.failed': ['reassigned', 'reassign-skipped', 'suspend-submitted'],
};

const PURCHASE_OPEN: Stage[] = ['new', 'intent', 'submitted', 'sent', 'purchase-failed'];
const REASSIGN_OPEN: Stage[] = [
  ...PURCHASE_OPEN,
  'bought',
  'purchase-skipped',
  'reassign-running',
  'reassign-partial',
  'reassign-failed',
];

function refusalFor(type: MigrationEventType, stage: Stage): RefusalReason {
  if (stage === 'complete') return 'complete';
  if (type.startsWith('reassign.') && PURCHASE_OPEN.includes(stage)) return 'out-of-order';
  if (type.startsWith('suspend.') && REASSIGN_OPEN.includes(stage)) return 'out-of-order';
  if (type === 'reassign.finished' && (stage === 'reassign-running' || stage === 'reassign-partial')) {
    return 'users-not-moved';
  }
  return 'not-allowed';
}

const STAGE_NAMES = Object.keys(ALL_STAGES) as Stage[];
const CASES = (Object.keys(EVENTS) as MigrationEventType[]).flatMap((type) =>
  STAGE_NAMES.map((stage) => [type, stage] as const),
);

describe('applyEvent: every event from every stage', () => {
  it.each(CASES)('%s from %s', (type, stage) => {
    const before = recordAt(stage);
    const snapshot = structuredClone(before);
    const result = apply(before, EVENTS[type]);
    expect(before).toEqual(snapshot);
    if (ALLOWED[type].includes(stage)) {
      if (!result.ok) throw new Error(`expected ${type} to be accepted from ${stage}: ${result.message}`);
      expect(result.record).not.toEqual(before);
      expect(result.record.updatedAt).toBe(NOW);
      expect(result.audit.length).toBeGreaterThan(0);
      const prefix = type.split('.')[0];
      const step = prefix === 'reassign' || prefix === 'suspend' ? prefix : 'purchase';
      expect(result.audit[0]).toMatchObject({ migrationId: before.id, at: NOW, step });
      expect(result.audit[0]?.detail.length).toBeGreaterThan(10);
    } else {
      expect(result).toMatchObject({ ok: false, reason: refusalFor(type, stage) });
      if (!result.ok) expect(result.message).toContain(type);
    }
  });
});

// ---- particular rules --------------------------------------------------------------------------

describe('purchase', () => {
  it('a failed purchase may be retried; the retry records a fresh intent', () => {
    const failed = recordAt('purchase-failed');
    // The failed intent keeps its snapshot: a retry asks the API what was ordered since it first.
    expect(failed.steps.purchase).toMatchObject({ state: 'failed', error: 'Quantity above maximum', ordersBefore: [] });
    const retry = ok(failed, { type: 'purchase.intent', ordersBefore: ['o-1'], subscriptionsBefore: ['S-1'] }, 70_000);
    expect(retry.record.steps.purchase).toEqual({
      state: 'intent',
      intentAt: 70_000,
      ordersBefore: ['o-1'],
      subscriptionsBefore: ['s-1'],
    });
    expect(retry.audit[0]).toMatchObject({ action: 'intent', result: 'info' });
  });

  it('never fails a submitted order: only reconciling can tell what it bought', () => {
    expect(apply(recordAt('submitted'), { type: 'purchase.failed', error: 'timeout' })).toMatchObject({
      ok: false,
      reason: 'not-allowed',
    });
  });

  it('reset returns an unbought intent to pending, and says which', () => {
    const result = ok(recordAt('submitted'), { type: 'purchase.reset', reason: 'agent checked the orders' });
    expect(result.record.steps.purchase).toEqual({ state: 'pending' });
    expect(result.audit).toHaveLength(1);
    expect(result.audit[0]?.detail).toMatch(/^Intent of \d{4}-.*Z \(order ORD-1 not found\) was not bought/);
    expect(result.audit[0]?.detail).toContain('agent checked the orders');
  });

  it('changes what to buy only before an order, and logs old and new', () => {
    const changed = ok(recordAt('new'), EVENTS['replacement.changed']);
    expect(changed.record.replacement).toMatchObject({ planKey: 'm365-business-standard', quantity: 20 });
    expect(changed.audit[0]?.detail).toContain('25 × Microsoft 365 Business Basic');
    expect(changed.audit[0]?.detail).toContain('20 × Microsoft 365 Business Standard');
    const quantity = ok(changed.record, { type: 'quantity.changed', quantity: 300 });
    expect(quantity.record.replacement.quantity).toBe(300);
    expect(quantity.record.replacement.planKey).toBe('m365-business-standard');
    expect(quantity.audit[0]?.detail).toBe('Quantity of Microsoft 365 Business Standard changed from 20 to 300');
  });

  it('records why a purchase was skipped', () => {
    const result = ok(recordAt('new'), EVENTS['purchase.skipped']);
    expect(result.record.steps.purchase).toEqual({ state: 'skipped', reason: 'Customer owns Business Premium' });
    expect(nextStep(result.record)).toBe('reassign');
  });
});

describe('reassign', () => {
  it('a resumed start adds users and keeps every outcome already recorded', () => {
    const partial = recordAt('reassign-partial');
    const result = ok(partial, {
      type: 'reassign.started',
      users: [
        { userId: 'u-0001', displayName: 'Renamed', upn: 'renamed@hanbit.example' },
        { userId: 'u-0003', displayName: '박서연', upn: 'seoyeon.park@hanbit.example' },
        { userId: 'U-0003', displayName: 'duplicate', upn: 'dup@hanbit.example' },
      ],
    });
    const users = result.record.steps.reassign.users;
    expect(Object.keys(users).sort()).toEqual(['u-0001', 'u-0002', 'u-0003']);
    expect(users['u-0001']).toEqual(partial.steps.reassign.users['u-0001']);
    expect(users['u-0002']).toMatchObject({ state: 'failed', reason: 'Forbidden', code: '403' });
    expect(users['u-0003']).toEqual({
      userId: 'u-0003',
      displayName: '박서연',
      upn: 'seoyeon.park@hanbit.example',
      state: 'pending',
    });
    expect(result.audit[0]?.detail).toBe(
      '3 users to move from Kaizala Pro to Microsoft 365 Business Basic (1 new; 1 moved and 1 failed before)',
    );
  });

  it('a start that leaves a user out does not drop them', () => {
    const result = ok(recordAt('reassign-running'), { type: 'reassign.started', users: [] });
    expect(usersProgress(result.record)).toEqual({ done: 0, failed: 0, total: 2 });
  });

  it('resumes after a failure and clears the error', () => {
    const result = ok(recordAt('reassign-failed'), { type: 'reassign.started', users: USERS });
    expect(result.record.steps.reassign.state).toBe('running');
    expect(result.record.steps.reassign.error).toBeUndefined();
  });

  it('records a failed user with reason and code, and a later move clears them', () => {
    const running = recordAt('reassign-running');
    const failed = ok(running, {
      type: 'reassign.user',
      userId: 'u-0001',
      state: 'failed',
      reason: 'Out of licenses',
      code: '60012',
    });
    expect(failed.record.steps.reassign.users['u-0001']).toMatchObject({
      state: 'failed',
      reason: 'Out of licenses',
      code: '60012',
      at: NOW,
    });
    expect(failed.audit[0]).toMatchObject({ step: 'reassign', action: 'user-failed', result: 'failed' });
    expect(failed.audit[0]?.detail).toBe(
      '김민준 <minjun.kim@hanbit.example> (u-0001) not moved from Kaizala Pro to Microsoft 365 Business Basic: ' +
        'Out of licenses (code 60012)',
    );
    const moved = ok(failed.record, { type: 'reassign.user', userId: 'u-0001', state: 'moved' }, NOW + 1);
    expect(moved.record.steps.reassign.users['u-0001']).toEqual({
      userId: 'u-0001',
      displayName: '김민준',
      upn: 'minjun.kim@hanbit.example',
      state: 'moved',
      at: NOW + 1,
    });
  });

  it('never moves a user twice, nor one it was not told about', () => {
    const partial = recordAt('reassign-partial');
    expect(apply(partial, { type: 'reassign.user', userId: 'u-0001', state: 'moved' })).toMatchObject({
      ok: false,
      reason: 'not-allowed',
    });
    expect(apply(partial, { type: 'reassign.user', userId: 'u-0001', state: 'failed' })).toMatchObject({
      ok: false,
      reason: 'not-allowed',
    });
    expect(apply(partial, { type: 'reassign.user', userId: 'u-9999', state: 'moved' })).toMatchObject({
      ok: false,
      reason: 'unknown-user',
    });
  });

  it('finishes only when every user has moved', () => {
    const partial = recordAt('reassign-partial');
    const refused = apply(partial, { type: 'reassign.finished' });
    expect(refused).toEqual({
      ok: false,
      reason: 'users-not-moved',
      message: 'reassign.finished: 1 of 2 users have not moved',
    });
    const fixed = drive([{ type: 'reassign.user', userId: 'u-0002', state: 'moved' }], partial);
    const done = ok(fixed, { type: 'reassign.finished' });
    expect(done.record.steps.reassign.state).toBe('done');
    expect(usersProgress(done.record)).toEqual({ done: 2, failed: 0, total: 2 });
  });

  it('finishes with no user at all', () => {
    const started = drive([{ type: 'reassign.started', users: [] }], recordAt('bought'));
    expect(ok(started, { type: 'reassign.finished' }).audit[0]?.detail).toBe(
      'All 0 users moved from Kaizala Pro to Microsoft 365 Business Basic',
    );
  });

  it('a failure keeps the progress made and says how far it got', () => {
    const result = ok(recordAt('reassign-partial'), { type: 'reassign.failed', error: 'HTTP 403' });
    expect(result.record.steps.reassign.state).toBe('failed');
    expect(usersProgress(result.record)).toEqual({ done: 1, failed: 1, total: 2 });
    expect(result.audit[0]).toMatchObject({
      result: 'failed',
      detail: 'License reassignment stopped: HTTP 403 (1 of 2 users moved, 1 failed)',
    });
  });
});

describe('suspend', () => {
  it('is out of order while a failed reassignment left users on the old license', () => {
    expect(apply(recordAt('reassign-failed'), { type: 'suspend.submitted' })).toMatchObject({
      ok: false,
      reason: 'out-of-order',
    });
  });

  it('refuses to suspend if the record claims B done while a user has not moved', () => {
    const reassigned = recordAt('reassigned');
    const corrupt: MigrationRecord = {
      ...reassigned,
      steps: {
        ...reassigned.steps,
        reassign: {
          ...reassigned.steps.reassign,
          users: { ...reassigned.steps.reassign.users, 'u-0009': { ...USERS[0]!, userId: 'u-0009', state: 'pending' } },
        },
      },
    };
    expect(apply(corrupt, { type: 'suspend.submitted' })).toMatchObject({ ok: false, reason: 'users-not-moved' });
  });

  it('may be retried after a failure', () => {
    const failed = recordAt('suspend-failed');
    expect(failed.steps.suspend).toEqual({ state: 'failed', error: 'Timed out' });
    expect(ok(failed, { type: 'suspend.submitted' }).record.steps.suspend).toEqual({ state: 'submitted' });
  });

  it('nothing changes after the migration is complete', () => {
    const complete = recordAt('complete');
    for (const event of Object.values(EVENTS)) {
      expect(apply(complete, event)).toMatchObject({ ok: false, reason: 'complete' });
    }
  });
});

describe('usersProgress', () => {
  it('counts moved, failed and all users', () => {
    expect(usersProgress(recordAt('new'))).toEqual({ done: 0, failed: 0, total: 0 });
    expect(usersProgress(recordAt('reassign-running'))).toEqual({ done: 0, failed: 0, total: 2 });
    expect(usersProgress(recordAt('reassign-partial'))).toEqual({ done: 1, failed: 1, total: 2 });
  });
});
