import { describe, expect, it } from 'vitest';
import { isInterrupted, nextStep } from './progress';
import { ALL_STAGES, recordAt, type Stage } from './test-fixtures';

describe('isInterrupted: the migrations whose panel comes back by itself after a reload', () => {
  it('is a purchase between intent and verification, users being moved, or a suspension submitted', () => {
    const interrupted = (Object.keys(ALL_STAGES) as Stage[]).filter((stage) => isInterrupted(recordAt(stage)));
    expect(interrupted.sort()).toEqual(['intent', 'reassign-partial', 'reassign-running', 'sent', 'submitted', 'suspend-submitted']);
  });
  it('leaves settled and stopped steps to the agent', () => {
    expect(isInterrupted(recordAt('bought'))).toBe(false);
    expect(nextStep(recordAt('bought'))).toBe('reassign');
  });
});
