import type { MigrationRunner, RunMode } from '@/lib/migration/runner';
import { StepStop } from '@/lib/migration/steps/deps';
import type { StepName } from '@/lib/migration/types';
import { describeStop } from './describe';
import type { OpenPanel } from './open-panel';

/** Repaint at most a few times a second while a long step reports (reading 1,200 users reports 1,200 times). */
const PAINT_EVERY_MS = 250;

/**
 * One click: runs the step (or checks it was done by hand, or settles an interrupted purchase)
 * through the tab's runner, shows its progress, and words what stopped it in the agent's language,
 * with the guide's manual instructions beside it.
 */
export async function runStep(runner: MigrationRunner, panel: OpenPanel, step: StepName, mode: RunMode): Promise<void> {
  const { state, lang, item } = panel;
  if (state.running || runner.busy) return;
  let painted = 0;
  state.running = step;
  state.problem = null;
  state.otherTab = false;
  panel.render();
  const outcome = await runner.run({
    record: state.record,
    step,
    mode,
    plan: panel.stepPlan(),
    onRecord(record) {
      state.record = record;
      panel.render();
    },
    onProgress(note) {
      const phaseChanged = state.activity?.phase !== note.phase;
      state.activity = note;
      if (!phaseChanged && note.done < note.total && Date.now() - painted < PAINT_EVERY_MS) return;
      painted = Date.now();
      panel.render();
    },
  });
  state.running = null;
  state.activity = null;
  if (outcome.kind === 'busy') state.otherTab = outcome.otherTab;
  else state.record = outcome.record;
  if (outcome.kind === 'stopped') {
    const stop = outcome.error instanceof StepStop ? outcome.error : null;
    state.problem = {
      step,
      text: describeStop(outcome.error, lang),
      orderMayExist: stop?.reason === 'order-may-exist',
      // The signed-in user lacks the role: running again can only fail the same way.
      canRerun: stop?.reason !== 'role',
      manual: item.retirement.steps.find((s) => s.id === step)?.instructions[lang] ?? [],
    };
  }
}
