import { builtInCatalog } from '@/lib/catalog';
import { localToday } from '@/lib/overlay/days';
import { checkCustomer, type PreflightApi, type PreflightContext } from '@/lib/worklist/preflight-read';
import { preflightDue, preflightProgress, runPreflightPass } from '@/lib/worklist/preflight-pass';
import type { CustomerPreflight } from '@/lib/worklist/preflight-state';
import type { ScanState } from '@/lib/worklist/state';
import type { WorklistStatus } from '@/lib/worklist/messages';

/** Writing the whole scan after every checked customer would cost more than it saves: at most this often. */
const SAVE_EVERY_MS = 1000;

export interface PreflightDeps {
  /** The session client of the scan: every check spends from the scan's own request budget. */
  client: PreflightApi;
  /** The scan's live state (null before the first scan); results are written into it. */
  state(): ScanState | null;
  save(state: ScanState): Promise<void>;
  now(): number;
}

/**
 * The worklist's pre-flight checks in the background: one customer on demand, or a pass over every
 * customer with a retiring subscription, each result written into the scan's state with its time
 * and stored, so a stopped pass continues with the customers it has not checked yet. The caller
 * keeps the scan and the checks apart (a scan replaces the state they write into).
 */
export function createPreflight(deps: PreflightDeps) {
  let pass: AbortController | null = null;
  const checking = new Set<string>();
  let savedAt = 0;

  const context = (signal?: AbortSignal): PreflightContext => ({
    catalog: builtInCatalog,
    today: localToday(new Date(deps.now())),
    now: deps.now,
    offers: new Map(),
    ...(signal ? { signal } : {}),
  });

  const record = (customerId: string, result: CustomerPreflight, force: boolean) => {
    const state = deps.state();
    if (!state) return;
    state.preflight[customerId] = result;
    if (!force && deps.now() - savedAt < SAVE_EVERY_MS) return;
    savedAt = deps.now();
    void deps.save(state);
  };

  /** Checks one customer now (its row's button); a customer already being checked is not read twice. */
  async function checkOne(customerId: string): Promise<void> {
    const retiring = deps.state()?.results[customerId]?.retiring ?? [];
    if (retiring.length === 0 || checking.has(customerId)) return;
    checking.add(customerId);
    void (async () => {
      try {
        const result = await checkCustomer(deps.client, customerId, retiring, context());
        if (result) record(customerId, result, true);
      } finally {
        checking.delete(customerId);
      }
    })();
  }

  /**
   * Starts a pass over the list, or continues a stopped one (whatever its scope): the agent's asks
   * for every customer again; the one that follows a scan for the verdicts it made stale.
   */
  function startPass(scope: 'all' | 'stale'): void {
    const state = deps.state();
    if (!state || pass) return;
    state.preflightPass ??= { startedAt: deps.now(), scope };
    const todo = preflightDue(state);
    if (todo.length === 0) {
      state.preflightPass = null;
      return;
    }
    const abort = new AbortController();
    pass = abort;
    void (async () => {
      try {
        const end = await runPreflightPass(deps.client, todo, context(abort.signal), (id, r) => record(id, r, false));
        const now = deps.state();
        if (now && end === 'done') now.preflightPass = null;
        if (now) await deps.save(now);
      } finally {
        pass = null;
      }
    })();
  }

  return {
    get busy(): boolean {
      return pass !== null || checking.size > 0;
    },
    get passRunning(): boolean {
      return pass !== null;
    },
    start(customerId: string | undefined): Promise<void> | void {
      return customerId ? checkOne(customerId) : startPass('all');
    },
    /** After a scan: every retiring customer gets a verdict no older than its subscriptions' read. */
    afterScan(): void {
      startPass('stale');
    },
    cancel(): void {
      pass?.abort();
    },
    status(state: ScanState | null): Pick<WorklistStatus, 'preflight' | 'checking'> {
      const { checked, total } = state ? preflightProgress(state) : { checked: 0, total: 0 };
      const stopped = pass === null && state?.preflightPass != null;
      return { preflight: { running: pass !== null, checked, total, stopped }, checking: [...checking] };
    },
  };
}
