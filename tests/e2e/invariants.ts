// The migration's safety invariants for end-to-end tests: after a run (under any fault), the
// simulator's state and request log must show one replacement order of the agreed size, no license
// lost that should stay, the old subscription suspended only after its users moved, and no other
// tenant touched. The checks themselves live beside the simulator (vitest covers them there).
import { expect } from '@playwright/test';
import type { SimulatedPartnerCenter } from '../portal/api/handler';
import { type Expectation, invariantViolations } from '../portal/api/invariants';

export type { Expectation };
export { invariantViolations };

/** Fails the test with every violation listed (an empty list means the run was safe). */
export async function expectInvariants(sim: SimulatedPartnerCenter, expected: Expectation): Promise<void> {
  expect(invariantViolations(sim, expected)).toEqual([]);
}
