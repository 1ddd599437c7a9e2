import { readFileSync } from 'node:fs';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one source-map segment's base-64 VLQ fields. */
export function decodeVlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = B64.indexOf(ch);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** Where a shipped byte came from, by folder: lib/api, components, node_modules/preact … */
export function groupOf(source: string): string {
  const path = source.replace(/^(\.\.\/)+/, '').replace(/^\/?/, '');
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (nm) return `node_modules/${nm[1]}`;
  const parts = path.split('/');
  return parts.length > 2 ? parts.slice(0, 2).join('/') : parts.slice(0, -1).join('/') || path;
}

/**
 * Bytes of a generated script attributed to each source folder through its source map: each
 * mapping segment owns the generated characters up to the next segment (unmapped ones are "other").
 */
export function contributions(jsFile: string, mapFile: string): Array<{ group: string; bytes: number }> {
  const lines = readFileSync(jsFile, 'utf8').split('\n');
  const map = JSON.parse(readFileSync(mapFile, 'utf8')) as { sources: string[]; mappings: string };
  const totals = new Map<string, number>();
  const add = (group: string, n: number) => totals.set(group, (totals.get(group) ?? 0) + n);
  let source = 0;
  map.mappings.split(';').forEach((line, i) => {
    const text = lines[i] ?? '';
    let col = 0;
    let owner = 'other';
    let from = 0;
    for (const segment of line.split(',').filter(Boolean)) {
      const [dCol = 0, dSrc] = decodeVlq(segment);
      col += dCol;
      add(owner, Buffer.byteLength(text.slice(from, col)));
      from = col;
      if (dSrc !== undefined) {
        source += dSrc;
        owner = groupOf(map.sources[source] ?? 'other');
      } else owner = 'other';
    }
    add(owner, Buffer.byteLength(text.slice(from)) + 1);
  });
  return [...totals].map(([group, bytes]) => ({ group, bytes })).sort((a, b) => b.bytes - a.bytes);
}
