// `npm run bench`: builds the extension as it ships, then a second time with source maps (into
// .output-maps/, to attribute the content script's bytes to modules), then measures everything in
// tests/bench/run.ts, then runs the logic's micro-benchmarks (vitest bench).
import { spawnSync } from 'node:child_process';

const run = (command, args, env = {}) => {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
run('npx', ['wxt', 'build']);
run('npx', ['wxt', 'build'], { PCMA_SOURCE_MAPS: '1' });
run(process.execPath, ['--import', './scripts/ts-register.mjs', 'tests/bench/run.ts']);
run('npx', ['vitest', 'bench', '--run']);
