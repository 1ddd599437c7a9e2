import { describe, expect, it } from 'vitest';
import { newMigration } from '@/lib/migration/machine';
import { StepStop } from '@/lib/migration/steps/deps';
import { drive, fakeStepDeps, sampleInput, STAGES } from '@/lib/migration/test-fixtures';
import { manualDone } from './manual';

const OLD = 'c93fe0ce-7375-4b8d-a55e-bf562ae7154f';
const NEW = '3b555118-da6a-4418-894f-7df1e2096870';

/** Step B started for `count` users (u0 … u{count-1}), with what each holds now. */
function started(count: number, holds: (i: number) => string[]) {
  const ids = Array.from({ length: count }, (_, i) => `u${i}`);
  const base = newMigration(sampleInput({ retiring: { ...sampleInput().retiring, skuId: OLD } }), 1_000);
  const users = ids.map((id) => ({ userId: id, displayName: id, upn: `${id}@contoso.example` }));
  const record = drive([...STAGES.bought, { type: 'reassign.started', users }], base);
  return { record, ...fakeStepDeps(record, Object.fromEntries(ids.map((id, i) => [id, holds(i)]))) };
}

describe('"I did this myself" for step B', () => {
  it('records 1,200 users the API shows moved, a store write of at most a hundred at a time', async () => {
    const { record, deps, events, current } = started(1200, () => [NEW]);
    await manualDone('reassign', record, deps);
    const writes = events.filter((e) => e.type === 'reassign.users');
    expect(writes.length).toBe(12);
    expect(Object.values(current().steps.reassign.users).every((u) => u.state === 'moved')).toBe(true);
    expect(current().steps.reassign.state).toBe('done');
  });

  it('records those who moved and stops on one who still holds the old license', async () => {
    const { record, deps, current } = started(3, (i) => (i === 1 ? [OLD] : [NEW]));
    const stop = await manualDone('reassign', record, deps).catch((e: unknown) => e);
    expect(stop).toBeInstanceOf(StepStop);
    expect((stop as StepStop).message).toBe('u1@contoso.example still holds the old license.');
    const states = Object.values(current().steps.reassign.users).map((u) => `${u.userId}:${u.state}`);
    expect(states.sort()).toEqual(['u0:moved', 'u1:pending', 'u2:moved']);
  });
});
