// Runs every check the README's `npm test` promises, in order, and sums them into one closing line
// "N passed, N failed": typecheck and lint count as one check each, unit and end-to-end tests count
// per test. Every step runs even when an earlier one fails, so one run shows everything that is wrong
// (except the end-to-end tests, which need a successful build).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const REPORTS = 'reports';
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

const totals = { passed: 0, failed: 0 };
const lines = [];

function run(label, command, args) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  return result.status === 0;
}

function check(label, ok) {
  totals[ok ? 'passed' : 'failed'] += 1;
  lines.push(`${label}: ${ok ? 'ok' : 'FAILED'}`);
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

check('typecheck', run('typecheck', 'npx', ['tsc', '--noEmit']));
check('lint', run('lint', 'npm', ['run', '--silent', 'lint']));

const unitOk = run('unit tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${REPORTS}/vitest.json`,
]);
const unit = readJson(`${REPORTS}/vitest.json`);
if (unit) {
  totals.passed += unit.numPassedTests;
  totals.failed += unit.numFailedTests + (unitOk || unit.numFailedTests > 0 ? 0 : 1);
  lines.push(`unit: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed`);
} else check('unit tests (no report)', false);

const built = run('production build', 'npx', ['wxt', 'build']);
check('build', built);
if (built) {
  const e2eOk = run('end-to-end tests', 'npx', ['playwright', 'test']);
  const e2e = readJson(`${REPORTS}/playwright.json`);
  if (e2e) {
    const { expected = 0, unexpected = 0, flaky = 0 } = e2e.stats ?? {};
    totals.passed += expected;
    totals.failed += unexpected + flaky + (e2eOk || unexpected + flaky > 0 ? 0 : 1);
    lines.push(`e2e: ${expected} passed, ${unexpected + flaky} failed`);
  } else check('end-to-end tests (no report)', false);
}

const summary = `${totals.passed} passed, ${totals.failed} failed`;
writeFileSync(`${REPORTS}/summary.txt`, `${summary}\n`);
console.log(`\n${lines.join('\n')}\n${summary}`);
process.exit(totals.failed === 0 && existsSync(`${REPORTS}/summary.txt`) ? 0 : 1);
