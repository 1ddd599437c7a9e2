// `npm run bench`: builds the extension as it ships, then a second time with source maps (into
// .output-maps/, to attribute the content script's bytes to modules), then measures everything in
// tests/bench/run.ts. The logic's micro-benchmarks (vitest bench, about 10 s) run beside it, their
// output held back and printed after the table, so the bench stays within its 5 minutes.
import { spawn, spawnSync } from 'node:child_process';

const run = (command, args, env = {}) => {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
run('npx', ['wxt', 'build']);
run('npx', ['wxt', 'build'], { PCMA_SOURCE_MAPS: '1' });
const micro = spawn('npx', ['vitest', 'bench', '--run'], { stdio: ['ignore', 'pipe', 'pipe'] });
let microOut = '';
micro.stdout.on('data', (chunk) => (microOut += chunk));
micro.stderr.on('data', (chunk) => (microOut += chunk));
const microDone = new Promise((resolve) => micro.on('close', resolve));
// Spawned, not run synchronously: a blocked event loop would leave the micro-benchmarks' pipe undrained.
const table = spawn(process.execPath, ['--import', './scripts/ts-register.mjs', 'tests/bench/run.ts'], { stdio: 'inherit' });
const tableStatus = await new Promise((resolve) => table.on('close', resolve));
if (tableStatus !== 0) process.exit(tableStatus ?? 1);
const status = await microDone;
process.stdout.write(microOut);
if (status !== 0) process.exit(status ?? 1);
