import { render } from 'preact';
import { browser } from 'wxt/browser';
import { download } from '@/components/download';
import { Worklist } from '@/components/Worklist';
import { pickLanguage } from '@/lib/i18n';
import { timeLimit } from '@/lib/store/time-limit';
import { worklistToCsv, worklistToJson } from '@/lib/worklist/export';
import { type WorklistRequest, WorklistStatus } from '@/lib/worklist/messages';
import type { WorklistRow } from '@/lib/worklist/rows';
import './style.css';

/** While a scan runs the panel asks the background how far it is, this often. */
const POLL_MS = 700;
/**
 * A background that does not answer (its worker is starting, after an update or a restart) is asked
 * again this often, up to RETRIES times, before the panel is left saying the worklist is unavailable.
 */
const RETRY_MS = 1000;
const RETRIES = 10;
/**
 * A message sent while the worker is restarting can go unanswered, neither answered nor refused: after
 * this long it counts as no answer, so the panel says so and asks again instead of staying blank.
 */
const ANSWER_MS = 8000;
let retries = 0;
/** The first time the worklist opens (no scan stored yet), its scan starts by itself, once per opening. */
let autoStarted = false;

// The side panel follows the language of the agent's portal tab (its URL's locale, which the background
// reads); with no portal tab open, the browser's, as the portal does by default.
let lang = pickLanguage(null, null, navigator.language);
document.documentElement.lang = lang;
const root = document.getElementById('app') as HTMLElement;
let timer: ReturnType<typeof setTimeout> | undefined;

/** Sends one request and shows the answer (checked: anything of another shape shows as unavailable). */
async function ask(request: WorklistRequest): Promise<void> {
  clearTimeout(timer);
  const answer = await timeLimit(browser.runtime.sendMessage(request), ANSWER_MS).catch(() => null);
  const parsed = WorklistStatus.safeParse(answer);
  const status = parsed.success ? parsed.data : null;
  if (status?.portalLang) lang = status.portalLang;
  document.documentElement.lang = lang;
  render(
    <Worklist
      lang={lang}
      status={status}
      onStart={(refresh) => void ask({ type: 'worklist.start', refresh })}
      onCancel={() => void ask({ type: 'worklist.cancel' })}
      onOpen={(customerId, subscriptionId) => void ask({ type: 'worklist.open', customerId, subscriptionId })}
      onCheck={(customerId) => void ask({ type: 'worklist.preflight', ...(customerId ? { customerId } : {}) })}
      onExport={(kind, rows) => save(kind, rows)}
    />,
    root,
  );
  const working = status && (status.running || status.preflight.running || status.checking.length > 0);
  if (working) timer = setTimeout(() => void ask({ type: 'worklist.status' }), POLL_MS);
  else if (!status && retries < RETRIES) {
    retries++;
    timer = setTimeout(() => void ask({ type: 'worklist.status' }), RETRY_MS);
  }
  if (status) retries = 0;
  // A portal tab that was missing (or signed out) last time may be there now: this opening tries again.
  const mayStart = status?.problem == null || status.problem === 'no-portal-tab' || status.problem === 'signed-out';
  if (status && !autoStarted && status.startedAt === null && !status.running && mayStart) {
    autoStarted = true;
    void ask({ type: 'worklist.start', refresh: false });
  }
}

/** Saves the list as shown (its filter and order), through the browser's download (CSV opens in Excel with Korean names). */
function save(kind: 'csv' | 'json', rows: readonly WorklistRow[]): void {
  if (kind === 'csv') download('retiring-subscriptions.csv', worklistToCsv(rows, lang), 'text/csv;charset=utf-8');
  else download('retiring-subscriptions.json', worklistToJson(rows), 'application/json');
}

void ask({ type: 'worklist.status' });
