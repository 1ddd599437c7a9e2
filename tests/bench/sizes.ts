import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Every shipped script and page of a build, raw and gzipped, in bytes. */
export function shippedSizes(root: string): Array<{ file: string; raw: number; gzip: number }> {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  return walk(root)
    .filter((f) => /\.(js|css|html)$/.test(f))
    .map((file) => {
      const bytes = readFileSync(file);
      return { file: relative(root, file), raw: bytes.length, gzip: gzipSync(bytes).length };
    });
}
