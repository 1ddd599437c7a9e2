/**
 * The demo: the simulated Partner Center at https://partner.microsoft.com (through request routing)
 * in Chromium with the production build of the extension loaded. Headed where a display exists;
 * headless otherwise, where it saves screenshots of the main pages and prints their paths.
 * The portal's data persists in .demo/state.json between runs; `npm run demo -- --reset` starts over.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchWithExtension } from '../e2e/browser';
import { SimulatedPartnerCenter } from '../portal/api/handler';
import { installPortal } from '../portal/serve';

const DIR = resolve('.demo');
const STATE = join(DIR, 'state.json');
const SHOTS = join(DIR, 'screenshots');
const reset = process.argv.includes('--reset');
const forceHeadless = process.argv.includes('--headless');

if (reset) {
  rmSync(DIR, { recursive: true, force: true });
  console.log('Demo data reset: the simulated Partner Center starts from its seeded customers.');
}
mkdirSync(DIR, { recursive: true });

const sim = new SimulatedPartnerCenter({ scenario: 'demo', now: new Date() });
if (existsSync(STATE)) {
  try {
    sim.fromJSON(readFileSync(STATE, 'utf8'));
    console.log(`Loaded the demo's saved state from ${STATE}.`);
  } catch (error) {
    console.warn(`Could not read ${STATE} (${String(error)}); starting from the seeded customers.`);
  }
}
const save = () => writeFileSync(STATE, JSON.stringify(sim.toJSON()));

const hasDisplay =
  !forceHeadless && (process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY));

let ext: Awaited<ReturnType<typeof launchWithExtension>>;
try {
  ext = await launchWithExtension({ headless: !hasDisplay, profileDir: join(DIR, 'profile') });
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
const portal = await installPortal(ext.context, { sim });
const customerList = portal.url('/dashboard/v2/customers/list');

if (hasDisplay) {
  const page = ext.context.pages()[0] ?? (await ext.context.newPage());
  await page.goto(customerList);
  console.log(`Chromium is open on the simulated Partner Center (${customerList}). Close the window to stop.`);
  const timer = setInterval(save, 2000);
  await new Promise<void>((done) => ext.context.on('close', () => done()));
  clearInterval(timer);
  save();
} else {
  mkdirSync(SHOTS, { recursive: true });
  const find = (scenario: string) => sim.customerOf(scenario)?.customer.id;
  const shots: Array<[string, string]> = [['customer-list', '/dashboard/v2/customers/list']];
  const kaizala = find('small-business-kaizala');
  const korean = find('korean-customer');
  const dynamics = find('dynamics-sales-crmol-basic');
  if (kaizala) {
    shots.push(['subscriptions-en', `/dashboard/v2/customers/${kaizala}/subscriptions`]);
    shots.push(['users-en', `/dashboard/v2/customers/${kaizala}/users`]);
  }
  if (korean) shots.push(['subscriptions-ko', `/ko-kr/dashboard/v2/customers/${korean}/subscriptions`]);
  if (dynamics) shots.push(['subscriptions-dynamics', `/dashboard/v2/customers/${dynamics}/subscriptions`]);
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  console.log('No display found: running headless and saving screenshots of the main pages.');
  for (const [name, path] of shots) {
    await page.goto(portal.url(path));
    // Skeleton rows are replaced by real rows after a moment; wait for the page to settle.
    await page.waitForTimeout(2500);
    const file = join(SHOTS, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`  ${file}`);
  }
  save();
  await ext.close();
}
console.log(`Saved the portal's state to ${STATE}.`);
