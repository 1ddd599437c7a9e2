/**
 * The demo: the simulated Partner Center at https://partner.microsoft.com (through request routing)
 * in Chromium with the production build of the extension loaded. Headed where a display exists;
 * headless otherwise, where it saves screenshots (plan.ts lists them, capture.ts takes them) to
 * .demo/screenshots/ and prints their paths; `--update-docs` also copies the README's two into
 * docs/screenshots/. The portal's data persists in .demo/state.json between runs (the migration
 * screenshots run on a fresh simulator and profile, leaving it alone); `--reset` starts over.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchWithExtension } from '../e2e/browser';
import { SimulatedPartnerCenter } from '../portal/api/handler';
import { installPortal } from '../portal/serve';
import { captureFresh, takeShots } from './capture';
import { DOCS_DIR, DOCS_SHOTS, SAVED_STATE_SHOTS } from './plan';

const DIR = resolve('.demo');
const STATE = join(DIR, 'state.json');
const SHOTS = join(DIR, 'screenshots');
const reset = process.argv.includes('--reset');
const forceHeadless = process.argv.includes('--headless');
const updateDocs = process.argv.includes('--update-docs');

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
  const page = await ext.context.newPage();
  console.log('No display found: running headless and saving screenshots.');
  console.log("The demo's saved state: the main pages.");
  await takeShots(page, portal, SAVED_STATE_SHOTS, SHOTS);
  save();
  await ext.close();
  await captureFresh(SHOTS);
  if (updateDocs) {
    mkdirSync(DOCS_DIR, { recursive: true });
    for (const name of DOCS_SHOTS) copyFileSync(join(SHOTS, `${name}.png`), join(DOCS_DIR, `${name}.png`));
    console.log(`Copied ${DOCS_SHOTS.map((n) => `${n}.png`).join(' and ')} to ${DOCS_DIR}/ (shown in the README).`);
  }
}
console.log(`Saved the portal's state to ${STATE}.`);
