import { describe, expect, it } from 'vitest';
import { recordAt } from '@/lib/migration/test-fixtures';
import { apiStand, combineStands, storeStand } from './migration-state';

describe('the migration as the API shows it', () => {
  it('is done once the old subscription is no longer active', () => {
    expect(apiStand({ active: false, replacementOwned: true, usersToMove: 3 })).toEqual({ state: 'done', next: null });
  });
  it('is at step C once nobody must move, at B once the replacement is owned, else not started', () => {
    expect(apiStand({ active: true, replacementOwned: true, usersToMove: 0 })).toEqual({ state: 'in-progress', next: 'suspend' });
    expect(apiStand({ active: true, replacementOwned: true, usersToMove: 12 })).toEqual({ state: 'in-progress', next: 'reassign' });
    expect(apiStand({ active: true, replacementOwned: false, usersToMove: 12 })).toEqual({ state: 'not-started', next: null });
  });
});

describe('the store and the API combined', () => {
  const notStarted = { state: 'not-started', next: null } as const;
  const atB = { state: 'in-progress', next: 'reassign' } as const;
  const atC = { state: 'in-progress', next: 'suspend' } as const;
  const done = { state: 'done', next: null } as const;

  it('shows work done elsewhere when this browser knows nothing or less', () => {
    expect(combineStands(null, atB)).toEqual({ ...atB, source: 'api' });
    expect(combineStands(storeStand(recordAt('new')), atC)).toEqual({ ...atC, source: 'api' });
    expect(combineStands(atB, done)).toEqual({ ...done, source: 'api' });
  });
  it('keeps the store when it knows more (a step begun before the API can show it), and on a tie', () => {
    expect(combineStands(atC, atB)).toEqual({ ...atC, source: 'store' });
    expect(combineStands(atB, atB)).toEqual({ ...atB, source: 'store' });
    expect(combineStands(storeStand(recordAt('new')), notStarted)).toMatchObject({ state: 'in-progress', next: 'purchase', source: 'store' });
  });
  it('is not started with neither, and never credits the API for showing nothing', () => {
    expect(combineStands(null, null)).toEqual({ ...notStarted, source: null });
    expect(combineStands(null, notStarted)).toEqual({ ...notStarted, source: null });
  });
});
