// Long tasks from Chrome's own trace (the "devtools.timeline" categories the Performance panel
// records): every task of the page's main thread with its wall time (`dur`) and the time the thread
// actually ran (`tdur`), and within it the extension's own calls (a FunctionCall, EvaluateScript or
// compile of a chrome-extension:// script). On a busy machine a task's wall time includes the time the
// thread waited for a core; its thread time does not, so both are reported.
import type { CDPSession } from '@playwright/test';

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { url?: string } };
}

export interface OurLongest {
  /** The longest stretch of our calls inside one task: wall ms and thread ms (ms, one decimal). */
  oursWallMs: number;
  oursThreadMs: number;
  /** That whole task, ours and the page's (wall and thread ms). */
  taskWallMs: number;
  taskThreadMs: number;
  /** Tasks with any of our calls. */
  tasks: number;
}

const TASKS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
const CALLS = new Set(['FunctionCall', 'EvaluateScript', 'v8.compile', 'v8.compileModule', 'v8.evaluateModule', 'V8.Execute']);
const OURS = 'chrome-extension://';
const ms = (us: number) => Math.round(us / 100) / 10;

/** Main threads of renderers ("CrRendererMain"), as `pid:tid`. */
function mainThreads(events: readonly TraceEvent[]): Set<string> {
  const out = new Set<string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') out.add(`${e.pid}:${e.tid}`);
  return out;
}

/**
 * The task of a renderer's main thread holding the longest stretch of our calls (a call nested in
 * another of ours counts once), with its figures; zeros when none of our code ran.
 */
export function longestOurs(events: readonly TraceEvent[]): OurLongest {
  const main = mainThreads(events);
  const complete = events.filter((e) => e.ph === 'X' && e.dur !== undefined && main.has(`${e.pid}:${e.tid}`));
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of complete) {
    const key = `${e.pid}:${e.tid}`;
    byThread.set(key, [...(byThread.get(key) ?? []), e]);
  }
  let best: OurLongest = { oursWallMs: 0, oursThreadMs: 0, taskWallMs: 0, taskThreadMs: 0, tasks: 0 };
  let tasks = 0;
  for (const list of byThread.values()) {
    list.sort((a, b) => a.ts - b.ts);
    // Outermost tasks only: the scheduler's own task event can wrap another.
    const taskList: TraceEvent[] = [];
    for (const e of list) {
      const last = taskList.at(-1);
      if (TASKS.has(e.name) && (!last || e.ts >= last.ts + (last.dur ?? 0))) taskList.push(e);
    }
    const calls = list.filter((e) => CALLS.has(e.name) && (e.args?.data?.url ?? '').startsWith(OURS));
    for (const task of taskList) {
      const end = task.ts + (task.dur ?? 0);
      let wall = 0;
      let thread = 0;
      let coveredUntil = -1;
      for (const call of calls) {
        if (call.ts < task.ts || call.ts >= end || call.ts < coveredUntil) continue;
        coveredUntil = call.ts + (call.dur ?? 0);
        wall += call.dur ?? 0;
        thread += call.tdur ?? call.dur ?? 0;
      }
      if (wall === 0) continue;
      tasks += 1;
      if (ms(wall) > best.oursWallMs) {
        best = { oursWallMs: ms(wall), oursThreadMs: ms(thread), taskWallMs: ms(task.dur ?? 0), taskThreadMs: ms(task.tdur ?? task.dur ?? 0), tasks: 0 };
      }
    }
  }
  return { ...best, tasks };
}

export const TRACE_CATEGORIES = 'devtools.timeline,disabled-by-default-devtools.timeline,toplevel,v8';

/** Starts Chrome's trace on a page's session; the returned function ends it and gives its events. */
export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  // Playwright types only a few of the protocol's events on a session; these two are as documented.
  const session = cdp as unknown as {
    on(event: 'Tracing.dataCollected', listener: (chunk: { value: TraceEvent[] }) => void): void;
    once(event: 'Tracing.tracingComplete', listener: () => void): void;
  };
  session.on('Tracing.dataCollected', (chunk) => {
    for (const e of chunk.value) events.push(e);
  });
  await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReportEvents' });
  return async () => {
    const complete = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    return events;
  };
}
