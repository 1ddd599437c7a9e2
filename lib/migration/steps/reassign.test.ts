import { describe, expect, it } from 'vitest';
import { newMigration } from '../machine';
import { fakeStepDeps, sampleInput } from '../test-fixtures';
import type { MigrationRecord } from '../types';
import { StepStop } from './deps';
import { runReassign } from './reassign';

const OLD = 'c93fe0ce-7375-4b8d-a55e-bf562ae7154f';
const E3 = '6fd2c87f-b296-42f0-b197-1e91e994b900';

/** A customer whose Kaizala Pro the picker judged covered (no purchase), with what each user holds. */
function cleanupCase(held: Record<string, string[]>) {
  const retiring = { ...sampleInput().retiring, skuId: OLD, productName: 'Kaizala Pro' };
  const start: MigrationRecord = newMigration(sampleInput({ purchaseNeeded: false, retiring }), 1_000);
  return { start, ...fakeStepDeps(start, held) };
}

describe('runReassign, clean-up only', () => {
  it('clears nothing when a user would be left without any product that includes the service', async () => {
    const { start, deps, events } = cleanupCase({ ann: [OLD, E3], bob: [OLD] });
    const stop = await runReassign(start, deps, { oldSku: OLD, newSku: null, pooledCount: null, cleanupOnly: true, coveringSkus: [E3] }).catch(
      (e: unknown) => e,
    );
    expect(stop).toBeInstanceOf(StepStop);
    expect((stop as StepStop).message).toMatch(/^1 users have no other product that includes this service \(bob@/);
    // Only the list of users was recorded: no save was attempted, nobody was marked moved.
    expect(events.map((e) => e.type)).toEqual(['reassign.started']);
  });

  it('refuses without covering products at all, rather than clear everyone', async () => {
    const { start, deps, events } = cleanupCase({ ann: [OLD, E3] });
    const stop = await runReassign(start, deps, { oldSku: OLD, newSku: null, pooledCount: null, cleanupOnly: true, coveringSkus: [] }).catch(
      (e: unknown) => e,
    );
    expect((stop as StepStop).reason).toBe('uncovered');
    expect(events.every((e) => e.type === 'reassign.started')).toBe(true);
  });
});

describe('runReassign, what it needs to know first', () => {
  it('refuses, having changed and recorded nothing, when the retiring product is not known from the API', async () => {
    const { start, deps, events } = cleanupCase({ ann: [OLD, E3] });
    const stop = await runReassign(start, deps, { oldSku: null, newSku: E3, pooledCount: null, cleanupOnly: false }).catch(
      (e: unknown) => e,
    );
    expect((stop as StepStop).reason).toBe('unknown-sku');
    expect(events).toEqual([]);
  });

  it('refuses when the replacement product is not known (nothing may be cleared without it)', async () => {
    const { start, deps, events } = cleanupCase({ ann: [OLD] });
    const stop = await runReassign(start, deps, { oldSku: OLD, newSku: null, pooledCount: null, cleanupOnly: false }).catch(
      (e: unknown) => e,
    );
    expect((stop as StepStop).reason).toBe('unknown-sku');
    expect(events).toEqual([]);
  });
});
