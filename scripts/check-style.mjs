// House rules the linter does not cover: no HTML strings into the DOM anywhere in shipped code
// (dangerouslySetInnerHTML included), and no portal route outside the portal adapter (lib/portal/),
// so a change of the real portal stays a one-folder fix. Test files are not checked.
// `node scripts/check-style.mjs` checks the tree; lib/boundaries.test.ts imports styleProblems.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The customer area of every path family the contract lists (§1 "Routes", the users page's older
 * `/pcv/customers`), as lib/portal/routes.ts's FAMILIES recognises them; the test keeps the two lists equal.
 */
export const ROUTE_FAMILIES = [
  '/dashboard/v2/customers',
  '/dashboard/commerce2/customers',
  '/commerce/customers',
  '/pcv/customers',
];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const rules = [
  {
    pattern: /\.(innerHTML|outerHTML)\b|insertAdjacentHTML|dangerouslySetInnerHTML/,
    message: 'builds DOM from an HTML string',
  },
  {
    // Routes are matched ignoring case (parseRoute does), so a differently cased copy is caught too.
    pattern: new RegExp(ROUTE_FAMILIES.map(escape).join('|'), 'i'),
    message: 'names a portal route outside lib/portal/',
    skip: (file) => file.startsWith('lib/portal/'),
  },
];

/** The files the house rules apply to: shipped code (entrypoints, components, lib), tests excluded. */
export const isChecked = (file) =>
  /^(entrypoints|components|lib)\//.test(file) && /\.(ts|tsx)$/.test(file) && !/\.test\.tsx?$/.test(file);

/** Every problem in one file's text, as "file:line: message"; `file` is relative to the repository root. */
export function styleProblems(file, text) {
  const problems = [];
  if (!isChecked(file)) return problems;
  text.split('\n').forEach((line, i) => {
    for (const rule of rules) {
      if (rule.skip?.(file)) continue;
      if (rule.pattern.test(line)) problems.push(`${file}:${i + 1}: ${rule.message}`);
    }
  });
  return problems;
}

function main() {
  const files = execFileSync(
    'git',
    ['ls-files', '--cached', '--others', '--exclude-standard', 'entrypoints', 'components', 'lib'],
    { encoding: 'utf8' },
  )
    .split('\n')
    // --cached still lists a file deleted in the work tree but not yet in the index.
    .filter((file) => isChecked(file) && existsSync(file));
  const problems = files.flatMap((file) => styleProblems(file, readFileSync(file, 'utf8')));
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  console.log(`style: ${files.length} files checked`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
