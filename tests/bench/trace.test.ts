import { describe, expect, it } from 'vitest';
import { longestOurs, type TraceEvent } from './trace';

const ext = 'chrome-extension://abc/content-scripts/content.js';
const meta = (pid: number, tid: number, name: string): TraceEvent => ({ name: 'thread_name', ph: 'M', pid, tid, ts: 0, args: { name } });
const x = (name: string, ts: number, dur: number, tdur: number, url?: string, tid = 1): TraceEvent => ({
  name, ph: 'X', pid: 7, tid, ts, dur, tdur, ...(url ? { args: { data: { url } } } : {}),
});

describe('long tasks from the trace', () => {
  it("finds the task with the longest stretch of our calls, counting nested calls once and the page's own calls never", () => {
    const events = [
      meta(7, 1, 'CrRendererMain'),
      meta(7, 2, 'ServiceWorker thread'),
      // Task 1: 30 ms, of which ours 12 ms (one call nesting another) and the page's 10 ms.
      x('RunTask', 0, 30_000, 25_000),
      x('ThreadControllerImpl::RunTask', 0, 30_000, 25_000),
      x('FunctionCall', 1_000, 12_000, 9_000, ext),
      x('FunctionCall', 2_000, 5_000, 4_000, ext),
      x('FunctionCall', 15_000, 10_000, 10_000, 'https://partner.microsoft.com/app.js'),
      // Task 2: ours 20 ms over two calls, wall inflated by a wait for a core.
      x('RunTask', 40_000, 60_000, 21_000),
      x('EvaluateScript', 41_000, 8_000, 8_000, ext),
      x('FunctionCall', 60_000, 12_000, 12_000, ext),
      // The worker's thread is not the page's main thread.
      x('RunTask', 0, 90_000, 90_000, undefined, 2),
      x('FunctionCall', 0, 90_000, 90_000, ext, 2),
    ];
    expect(longestOurs(events)).toEqual({ oursWallMs: 20, oursThreadMs: 20, taskWallMs: 60, taskThreadMs: 21, tasks: 2 });
  });

  it('gives zeros when none of our code ran', () => {
    expect(longestOurs([meta(7, 1, 'CrRendererMain'), x('RunTask', 0, 80_000, 80_000)])).toMatchObject({ oursWallMs: 0, tasks: 0 });
  });
});
