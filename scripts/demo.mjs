// The demo. Today it builds the extension and says where it is and how to load it; the simulated
// Partner Center (issue 3) will start here and open Chromium on it with the extension loaded.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.error('The build failed; see the messages above.');
  process.exit(build.status ?? 1);
}
const dir = resolve('.output/chrome-mv3');
console.log(`
The extension is built in:
  ${dir}

Load it in Edge or Chrome: open edge://extensions (or chrome://extensions), turn on Developer mode,
choose "Load unpacked" and pick that folder. It runs on https://partner.microsoft.com customer pages.

The simulated Partner Center, which lets you try it without a partner account, is not built yet.`);
