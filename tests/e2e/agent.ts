// A sales agent at the Migrate panel, for the fault matrix: clicks the next step's button, and when a
// step stops, reads the problem, lets the test put the world right (or not), and runs the step again
// with its own button, as the panel offers. Everything is read from what the agent sees (roles, names, visible text).
import type { Locator, Page } from '@playwright/test';
import { FIXTURE_OFFER } from '../portal/api/offers';
import { scenarioSubscriptionId } from '../portal/api/scenarios';
import { KAIZALA_PRO_SKU_ID, SKU } from '../portal/api/skus';
import type { InstalledPortal } from '../portal/serve';
import { type Expectation, expectInvariants } from './invariants';

export type StepName = 'purchase' | 'reassign' | 'suspend';

export interface AgentOptions {
  /** Called with each problem the panel shows, before the rerun; returning false stops the agent there. */
  onProblem?: (text: string, retries: number) => Promise<boolean | void>;
  /** Called once, right after the agent clicks the button of this step (to interrupt it). */
  afterClick?: Partial<Record<StepName, () => Promise<void>>>;
  /** Stop once this step is done (its following step's button shows). */
  until?: StepName;
  maxRetries?: number;
  /** How long one step may take before the agent gives up waiting (ms). */
  stepTimeoutMs?: number;
}

export interface AgentRun {
  problems: string[];
  complete: boolean;
}

/** The step buttons and "I did this myself", in English and Korean (the panel follows the portal's language). */
const STEP_BUTTON: Record<StepName, RegExp> = {
  purchase: /^Buy \d|개 구매$/,
  reassign: /^(Move|Remove|Clear) |^사용자 \d.*(이동|제거)/,
  suspend: /^Suspend |일 후 제거\)$/,
};
const DID_IT = /^(I did this myself|직접 처리했습니다)$/;
const COMPLETE = /^(Migration complete\.|마이그레이션이 완료되었습니다\.)$/;

/** Which step's button the panel offers now, enabled; null when none (running, or complete). */
async function offered(panel: Locator): Promise<StepName | null> {
  for (const step of ['purchase', 'reassign', 'suspend'] as const) {
    const button = panel.getByRole('button', { name: STEP_BUTTON[step] });
    if ((await button.count()) > 0 && (await button.first().isEnabled())) return step;
  }
  return null;
}

async function problemText(panel: Locator): Promise<string | null> {
  const alert = panel.locator('.problem[role="alert"]');
  if ((await alert.count()) === 0 || !(await alert.first().isVisible())) return null;
  // Its buttons are off while a step runs: the problem is the agent's to read once they are on.
  const didIt = alert.first().getByRole('button', { name: DID_IT });
  if (!(await didIt.isEnabled())) return null;
  return (await alert.first().locator('p').first().textContent()) ?? '';
}

/** Waits until the panel is idle: complete, a problem to read, or a step button enabled. */
export async function idle(page: Page, panel: Locator, timeoutMs: number): Promise<'complete' | 'problem' | StepName> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await panel.getByText(COMPLETE).isVisible().catch(() => false)) return 'complete';
    if ((await problemText(panel).catch(() => null)) !== null) return 'problem';
    const step = await offered(panel).catch(() => null);
    if (step) return step;
    if (Date.now() > end) throw new Error(`the panel stayed busy for ${timeoutMs} ms`);
    await page.waitForTimeout(250);
  }
}

const ORDER: StepName[] = ['purchase', 'reassign', 'suspend'];

/**
 * Drives the panel to completion (or `until`), rerunning stopped steps as the panel offers. `page` may be
 * a getter: a case that closes the tab hands the agent the new one.
 */
export async function migrate(page: Page | (() => Page), options: AgentOptions = {}): Promise<AgentRun> {
  const current = () => (typeof page === 'function' ? page() : page);
  const problems: string[] = [];
  const clicked = new Set<StepName>();
  let retries = 0;
  for (let actions = 0; actions < 14; actions++) {
    const panel = current().getByRole('dialog');
    const state = await idle(current(), panel, options.stepTimeoutMs ?? 120_000);
    if (state === 'complete') return { problems, complete: true };
    if (state === 'problem') {
      const text = (await problemText(panel)) ?? '';
      problems.push(text);
      if (retries >= (options.maxRetries ?? 3)) return { problems, complete: false };
      if ((await options.onProblem?.(text, retries)) === false) return { problems, complete: false };
      retries++;
      // The stopped step's own button runs it again (off when rerunning can only be refused).
      const step = await offered(current().getByRole('dialog')).catch(() => null);
      if (step) await current().getByRole('dialog').getByRole('button', { name: STEP_BUTTON[step] }).first().click();
      await current().waitForTimeout(300);
      continue;
    }
    if (options.until && ORDER.indexOf(state) > ORDER.indexOf(options.until)) return { problems, complete: false };
    await panel.getByRole('button', { name: STEP_BUTTON[state] }).first().click();
    if (!clicked.has(state)) {
      clicked.add(state);
      await options.afterClick?.[state]?.();
    }
    await current().waitForTimeout(300);
  }
  return { problems, complete: false };
}

/** The small business of the seed guides: 25 users from Kaizala Pro to Business Basic. */
export function smallBusiness(portal: InstalledPortal, complete: boolean, purchase = true): Expectation {
  const tenantId = portal.sim.customerOf('small-business-kaizala')?.customer.id as string;
  return {
    tenantId,
    retiringSubscriptionId: scenarioSubscriptionId('small-business-kaizala', 'retiring'),
    retiringSkuId: KAIZALA_PRO_SKU_ID,
    ...(purchase ? { replacementOfferId: FIXTURE_OFFER.businessEssentials, quantity: 25 } : {}),
    complete,
  };
}

/** Counts the orders the simulator took (carried out, whatever the answer said). */
export function ordersPlaced(portal: InstalledPortal): number {
  return portal.sim.log.filter((e) => e.method === 'POST' && /\/orders$/.test(e.path) && e.committed).length;
}

export { expectInvariants, SKU };
