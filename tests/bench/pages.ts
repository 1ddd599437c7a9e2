import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { summary } from './stats';
import { longestOurs, type OurLongest, startTrace } from './trace';
import { installWatch, type Marks } from './watch';

/** How long the islands' count must stay still before a load counts as done. */
const SETTLED_MS = 800;
/** Once the expected count shows, how long it is watched for more (a load with extra islands is no match). */
const CONFIRM_MS = 150;

/**
 * Waits until our islands stopped growing (or, where none are expected, the grid's rows are in).
 * With `expected` (the count a first, fully settled load of the same page showed), a load is done as
 * soon as that many show and no more come within CONFIRM_MS, instead of waiting SETTLED_MS of
 * stillness; a load that shows another count falls back to the stillness wait.
 */
async function settled(page: Page, timeoutMs: number, islands = true, expected = 0): Promise<Marks> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const marks = await page.evaluate(() => (window as unknown as { __bench: Marks }).__bench);
    const now = await page.evaluate(() => performance.now());
    const last = islands ? marks.oursAt : marks.rows;
    const still = expected > 0 && marks.ours === expected ? CONFIRM_MS : SETTLED_MS * (islands ? 1 : 2);
    if (last > 0 && now - last > still) return marks;
    if (Date.now() > end) return marks;
    await page.waitForTimeout(expected > 0 ? 25 : 100);
  }
}

export interface IslandLatency {
  /** The portal's own render: navigation start to its grid's first real row (ms). */
  portal: ReturnType<typeof summary>;
  /** Ours: the first real row to the last of our islands showing (ms). */
  ours: ReturnType<typeof summary>;
  islands: number;
  /** Loads that showed another number of islands than the first (each waited for stillness). */
  mismatched: number;
}

/**
 * Loads `url` `loads` times in fresh tabs and times our islands (`tag`) against the portal's rows. The
 * first load waits for stillness and says how many islands the page gets; the others stop once they
 * show that many (see settled); loads that show another count are counted.
 */
export async function islandLatency(context: BrowserContext, url: string, tag: string, loads: number): Promise<IslandLatency> {
  const portal: number[] = [];
  const ours: number[] = [];
  let islands = 0;
  let mismatched = 0;
  for (let i = 0; i < loads; i++) {
    const page = await context.newPage();
    await page.addInitScript(installWatch, tag);
    await page.goto(url);
    const marks = await settled(page, 30_000, true, islands);
    await page.close();
    if (marks.rows < 0 || marks.oursAt < 0) throw new Error(`no ${tag} on ${url} (load ${i + 1})`);
    if (i > 0 && marks.ours !== islands) mismatched++;
    portal.push(marks.rows);
    ours.push(Math.max(0, marks.oursAt - marks.rows));
    if (i === 0) islands = marks.ours;
  }
  return { portal: summary(portal), ours: summary(ours), islands, mismatched };
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface MainThread {
  /** Main-thread time spent in (or called from) the content script while the page loaded (ms). */
  busyMs: number;
  /** The longest unbroken stretch of it in the samples: an upper bound of our longest task (ms). */
  longestMs: number;
  /** From Chrome's trace: the task holding the longest stretch of our calls, wall and thread time. */
  longestTask: OurLongest;
  /** The page's JS heap (main world and content script share the isolate) after loading (MB). */
  heapMb: number;
}

/**
 * Samples the renderer's main thread (Chrome's CPU profiler, 100 µs) while `url` loads and our
 * islands settle, and sums the samples whose stack holds a frame of the extension; Chrome's trace of
 * the same load gives the longest task our code ran in (tests/bench/trace.ts).
 */
export async function mainThread(context: BrowserContext, url: string, tag: string | null): Promise<MainThread> {
  const page = await context.newPage();
  const cdp: CDPSession = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await page.addInitScript(installWatch, tag ?? 'pcma-none');
  const stopTrace = await startTrace(cdp);
  await cdp.send('Profiler.start');
  await page.goto(url);
  await settled(page, 60_000, tag !== null);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  const longestTask = longestOurs(await stopTrace());
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await page.close();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) for (const c of n.children ?? []) (byId.get(c) as ProfileNode).parent = n.id;
  const ours = new Map<number, boolean>();
  const isOurs = (id: number): boolean => {
    const known = ours.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const answer = !!node && (node.callFrame.url.startsWith('chrome-extension://') || (node.parent !== undefined && isOurs(node.parent)));
    ours.set(id, answer);
    return answer;
  };
  let busy = 0;
  let run = 0;
  let longest = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (isOurs(id)) {
      busy += dt;
      run += dt;
      longest = Math.max(longest, run);
    } else run = 0;
  });
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  const round = (n: number) => Math.round(n * 10) / 10;
  return { busyMs: round(busy), longestMs: round(longest), longestTask, heapMb: round(heap / 1e6) };
}
