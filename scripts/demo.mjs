// `npm run demo`: builds the extension, then starts the simulated Partner Center and opens Chromium
// on it with the extension loaded (tests/demo/run.ts). Flags: --reset (start from the seeded
// customers), --headless (screenshots even where a display exists), --update-docs (also copy the
// README's screenshots into docs/screenshots/).
import { spawnSync } from 'node:child_process';

const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.error('The build failed; see the messages above.');
  process.exit(build.status ?? 1);
}
const run = spawnSync(
  process.execPath,
  ['--import', './scripts/ts-register.mjs', 'tests/demo/run.ts', ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
process.exit(run.status ?? 1);
