import { describe, expect, it } from 'vitest';
import { StepStop, type StopReason } from '@/lib/migration/steps/deps';
import { describeStop } from './describe';

const REASONS: StopReason[] = [
  'not-found',
  'left-page',
  'not-applied',
  'role',
  'store',
  'aborted',
  'api',
  'uncovered',
  'order-may-exist',
  'unknown-sku',
  'in-use',
  'extra-users',
  'users-not-moved',
];

describe('describeStop', () => {
  it.each(REASONS)('says why a step stopped (%s) in Korean without an English sentence of the step', (reason) => {
    const text = describeStop(new StepStop(reason, '12', 'manage-licenses', '12 users could not be moved'), 'ko');
    expect(text).not.toContain('could not be moved');
    expect(text).toMatch(/[가-힣]/);
  });

  it('counts users in the agent\'s language', () => {
    const stop = new StepStop('users-not-moved', '12', 'manage-licenses', '12 users could not be moved');
    expect(describeStop(stop, 'ko')).toContain('사용자 12명');
    expect(describeStop(stop, 'en')).toContain('12 users could not be moved.');
  });

  it('quotes only the portal\'s own words for a refused save', () => {
    const stop = new StepStop('role', '권한이 없습니다', 'manage-licenses', 'Every license change of the save was refused.');
    const text = describeStop(stop, 'ko');
    expect(text).toContain('관리 에이전트가 B 단계를 마쳐야 합니다');
    expect(text).toContain('"권한이 없습니다"');
  });
});
