/**
 * `npm run bench`: what an agent feels, measured on this machine with the production build in
 * headless Chromium against the simulated portal. Prints one table and writes it as JSON to
 * reports/bench.json (git-ignored). Every figure is measured here; none is asserted by a test.
 *
 * The 1,200-user migration spends most of its minutes waiting on the simulated portal's latency (its
 * save applies 1,200 license updates one after another), so it runs in a browser of its own beside
 * the rest; the page figures, the 25-user migration and the scan run one after another in a second
 * browser. Both streams share the machine's cores, which can only inflate their figures; main-thread
 * time, which a busy machine stretches most, is measured after both have ended.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { chromiumPath, launchWithExtension } from '../e2e/browser';
import { installPortal, type PortalOptions } from '../portal/serve';
import { timeMigration } from './migration';
import { clickToPanel } from './open-panel';
import { contributions } from './modules';
import { islandLatency, type MainThread, mainThread } from './pages';
import { totals } from './phases';
import { scanRow, timeScan } from './scan';
import { shippedSizes } from './sizes';

const LOADS = Number(process.env.BENCH_LOADS ?? 30);
const started = Date.now();
const kb = (bytes: number) => Math.round(bytes / 10) / 100;

async function withPortal<T>(options: PortalOptions, work: (p: Awaited<ReturnType<typeof installPortal>>, ctx: Awaited<ReturnType<typeof launchWithExtension>>['context']) => Promise<T>): Promise<T> {
  const ext = await launchWithExtension();
  await ext.context.route('**/*', (route) => route.abort('blockedbyclient'));
  try {
    const portal = await installPortal(ext.context, { now: new Date(), ...options });
    return await work(portal, ext.context);
  } finally {
    await ext.close();
  }
}

const machine = {
  cpu: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
  memoryGb: Math.round(totalmem() / 1e9),
  node: process.version,
  chromium: execFileSync(chromiumPath(), ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim(),
};
const sizes = shippedSizes('.output/chrome-mv3');
const modules = contributions('.output-maps/chrome-mv3/content-scripts/content.js', '.output-maps/chrome-mv3/content-scripts/content.js.map');

const latency = { latency: [{ ms: 100 }] };
/**
 * The issue's target is 3 minutes for the 1,200 users. The bench waits longer, but not past its own
 * 5 minutes, then says where the migration stood.
 */
const DEADLINE_MS = Number(process.env.BENCH_MIGRATION_DEADLINE_S ?? 265) * 1000;
const migrate = async (scenario: string) => ({
  scenario,
  ...(await withPortal({ scenario, faults: latency, provisioningDelayMs: 500, skeletonDelayMs: 300 }, (portal, context) =>
    timeMigration(context, portal, scenario, 100, DEADLINE_MS),
  )),
});
const bigMigration = migrate('enterprise-kaizala-1200').then((m) => ({ ...m, doneS: (Date.now() - started) / 1000 }));
// Awaited after the other stream; a failure is reported then, not as an unhandled rejection now.
bigMigration.catch(() => undefined);

const customerPageUrl = (portal: Awaited<ReturnType<typeof installPortal>>) =>
  portal.url(`/dashboard/v2/customers/${portal.sim.customerOf('small-business-kaizala')?.customer.id}/subscriptions`);
const pages = await withPortal({ scenario: 'small-business-kaizala' }, async (portal, context) => ({
  banners: await islandLatency(context, customerPageUrl(portal), 'pcma-banner', LOADS),
  openPanel: await clickToPanel(context, customerPageUrl(portal), Math.min(LOADS, 10)),
}));
const badges = await withPortal({ scenario: 'partner-2000', pageSize: 300 }, (portal, context) =>
  islandLatency(context, portal.url('/dashboard/v2/customers/list'), 'pcma-badge', LOADS),
);
const pagesS = (Date.now() - started) / 1000;
const small = await migrate('small-business-kaizala');
const scan = await timeScan(Number(process.env.BENCH_SCAN_SCALE ?? 8));
const streamS = (Date.now() - started) / 1000;
const big = await bigMigration;
const migrations = [small, big];

// Main-thread time last, once both streams have ended: a task's length is wall time, which a machine
// busy with the other stream would stretch.
const customerPage = {
  ...pages,
  cpu: await withPortal({ scenario: 'small-business-kaizala' }, (portal, context) => mainThread(context, customerPageUrl(portal), 'pcma-banner')),
};
const customerList = {
  badges,
  cpu: await withPortal({ scenario: 'partner-2000', pageSize: 300 }, (portal, context) =>
    mainThread(context, portal.url('/dashboard/v2/customers/list'), 'pcma-badge'),
  ),
};
const bigGrid = await withPortal({ scenario: 'enterprise-kaizala-1200', pageSize: 1000 }, async (portal, context) => {
  const tenant = portal.sim.customerOf('enterprise-kaizala-1200')?.customer.id;
  return mainThread(context, portal.url(`/dashboard/v2/customers/${tenant}/users`), null);
});

const report = { machine, sizes, modules, customerPage, customerList, bigGrid, migrations, scan, totalS: (Date.now() - started) / 1000 };
mkdirSync('reports', { recursive: true });
writeFileSync('reports/bench.json', `${JSON.stringify(report, null, 2)}\n`);

/** Our longest task by the trace (thread time beside wall time), and the samples' upper bound. */
const longest = (m: MainThread) =>
  `longest task with our code: ours ${m.longestTask.oursWallMs} ms (thread ${m.longestTask.oursThreadMs} ms) of a ${m.longestTask.taskWallMs} ms task, ` +
  `${m.longestTask.tasks} tasks; longest sampled stretch ${m.longestMs} ms`;

const rows: Array<[string, string]> = [
  ['machine', `${machine.cpu}, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.chromium}`],
  ...sizes.map((s): [string, string] => [`size ${s.file}`, `${kb(s.raw)} kB raw, ${kb(s.gzip)} kB gzip`]),
  ['content script by module (raw)', modules.slice(0, 8).map((m) => `${m.group} ${kb(m.bytes)} kB`).join(', ')],
  [`banners after real rows (${LOADS} loads)`, `median ${customerPage.banners.ours.median} ms, p95 ${customerPage.banners.ours.p95} ms (portal's own rows: median ${customerPage.banners.portal.median} ms)`],
  [`badges, 300 customers (${LOADS} loads)`, `${customerList.badges.islands} badges${customerList.badges.mismatched ? ` (${customerList.badges.mismatched} loads showed another count)` : ''}: median ${customerList.badges.ours.median} ms, p95 ${customerList.badges.ours.p95} ms (portal: median ${customerList.badges.portal.median} ms)`],
  [
    'click on Migrate to panel',
    `first open (script injected): panel shown median ${customerPage.openPanel.first.shown.median} ms, p95 ${customerPage.openPanel.first.shown.p95} ms, ` +
      `ready median ${customerPage.openPanel.first.ready.median} ms, p95 ${customerPage.openPanel.first.ready.p95} ms; ` +
      `again: shown median ${customerPage.openPanel.again.shown.median} ms, ready median ${customerPage.openPanel.again.ready.median} ms (n=${customerPage.openPanel.first.shown.n})`,
  ],
  ['main thread, customer page', `${customerPage.cpu.busyMs} ms in the content script, ${longest(customerPage.cpu)}, heap ${customerPage.cpu.heapMb} MB`],
  ['main thread, 300-customer list', `${customerList.cpu.busyMs} ms, ${longest(customerList.cpu)}, heap ${customerList.cpu.heapMb} MB`],
  ['main thread, 1,000-row users grid', `${bigGrid.busyMs} ms, ${longest(bigGrid)}, heap ${bigGrid.heapMb} MB`],
  ...migrations.map((m): [string, string] => [
    `A-B-C, ${m.users} users, 100 ms latency`,
    `${m.finished ? '' : `NOT FINISHED in ${DEADLINE_MS / 1000} s (${m.moved} users moved): `}${m.wallS} s, ${m.clicks} clicks (manual flow: ${m.manualClicks}), ${m.apiRequests} API + ${m.portalRequests} portal requests, ≤${m.maxInFlight} in flight, latency floor ${m.floorS} s of our requests + ${m.saveFloorS} s of the portal's save (${m.saveUpdates} updates, ≤${m.saveInFlight} at once)`,
  ]),
  [
    'where the 1,200 users\' time went',
    totals(big.phases)
      .map((p) => `${p.name} ${p.s} s`)
      .join(', '),
  ],
  scanRow(scan),
  [
    'bench wall time',
    `${report.totalS.toFixed(0)} s: pages ${pagesS.toFixed(0)} s, then 25 users and scan to ${streamS.toFixed(0)} s, beside the 1,200 users (${big.doneS.toFixed(0)} s); main-thread time after both`,
  ],
];
const width = Math.max(...rows.map(([k]) => k.length));
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
console.log('\nWritten to reports/bench.json');
