// Prints the size of every shipped script of the production build, raw and gzipped: the figures the
// size targets are judged by. (`npm run bench` builds first.)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = '.output/chrome-mv3';
const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
let total = 0;
for (const file of walk(root).filter((f) => /\.(js|css|json|html)$/.test(f))) {
  const bytes = readFileSync(file);
  total += bytes.length;
  const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
  console.log(`${relative(root, file).padEnd(36)} ${kb(bytes.length).padStart(9)}  gzip ${kb(gzipSync(bytes).length).padStart(8)}`);
}
console.log(`${'total'.padEnd(36)} ${(total / 1024).toFixed(1).padStart(6)} kB`);
