// The repository keeps its own copies of what it once read from `../shared` beside the clone, so a
// plain clone with nothing beside it runs the tests and the demo: `fixtures/` (the recorded
// `GET /offers?country=US` response, read by `offers.ts`, and its README) and `docs/seeds/` (the two
// Microsoft guides the catalog comes from). The copies are used as they are: never reformatted.
//
// Where `../shared` sits beside the repository, each copy must be byte-identical to its original and
// every original must have a copy. Either way, each copy must exist, parse and have the SHA-256 the
// original had when it was copied, so a reformatted or truncated copy fails on a fresh machine too.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = new URL('../../../', import.meta.url);
const SHARED = new URL('../shared/', REPO);

interface Copy {
  /** The in-repository copy, relative to the repository's root. */
  readonly path: string;
  /** The original, relative to `../shared/`. */
  readonly original: string;
  readonly sha256: string;
}

const GROUPS: readonly { folder: string; sharedFolder: string; copies: readonly Copy[]; covers: RegExp }[] = [
  {
    folder: 'fixtures/',
    sharedFolder: 'fixtures/',
    // Every file of ../shared/fixtures/ is copied.
    covers: /.*/,
    copies: [
      {
        path: 'fixtures/offers-us-2019.json',
        original: 'fixtures/offers-us-2019.json',
        sha256: '34c4f76ee510cac94a2e51bea984516eadcb30b193e444f8cf2e9557eeebf34c',
      },
      {
        path: 'fixtures/README.md',
        original: 'fixtures/README.md',
        sha256: '36199bee37833f041e96c33c157ac8787932b7c0105ad8ec5c6f724fcf04c163',
      },
    ],
  },
  {
    folder: 'docs/seeds/',
    sharedFolder: 'seeds/',
    // The guides themselves (../shared/seeds/README.md describes them and is not copied).
    covers: /\.txt$/,
    copies: [
      {
        path: 'docs/seeds/000_668dc2bdb6675d65.txt',
        original: 'seeds/000_668dc2bdb6675d65.txt',
        sha256: '8d36cdb55a90ea6e9279a3dd271e0fb8e45b6712d177dde252fc7cd028686aaa',
      },
      {
        path: 'docs/seeds/003_3369bc212533038f.txt',
        original: 'seeds/003_3369bc212533038f.txt',
        sha256: 'f68d55a151a122ac2d26eb67e06f7c78043aa3696f8dd269e4f36dec3ff9ac1d',
      },
    ],
  },
];

const read = (base: URL, path: string): Buffer => readFileSync(fileURLToPath(new URL(path, base)));
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** Parses a copy as what it is: JSON for `.json`, strict UTF-8 text (not empty) otherwise. */
function parse(path: string, bytes: Buffer): unknown {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  expect(text.trim().length).toBeGreaterThan(0);
  return path.endsWith('.json') ? JSON.parse(text) : text;
}

for (const group of GROUPS) {
  const sharedDir = new URL(group.sharedFolder, SHARED);
  const sharedPresent = existsSync(fileURLToPath(sharedDir));

  describe(`${group.folder} (in-repo copies of ../shared/${group.sharedFolder})`, () => {
    for (const copy of group.copies) {
      it(`${copy.path} exists, parses and has the recorded SHA-256`, () => {
        expect(existsSync(fileURLToPath(new URL(copy.path, REPO))), `${copy.path} is missing`).toBe(true);
        const bytes = read(REPO, copy.path);
        parse(copy.path, bytes);
        expect(sha256(bytes), `${copy.path} was changed (it must stay byte for byte the original)`).toBe(
          copy.sha256,
        );
      });

      if (sharedPresent) {
        it(`${copy.path} is byte-identical to ../shared/${copy.original}`, () => {
          const original = read(SHARED, copy.original);
          const bytes = read(REPO, copy.path);
          expect(bytes.length, `${copy.path}: size differs from ../shared/${copy.original}`).toBe(original.length);
          expect(bytes.equals(original), `${copy.path} differs from ../shared/${copy.original}`).toBe(true);
        });
      }
    }

    if (sharedPresent) {
      it(`every file of ../shared/${group.sharedFolder} that belongs here has a copy in ${group.folder}`, () => {
        const originals = readdirSync(fileURLToPath(sharedDir))
          .filter((name) => group.covers.test(name))
          .map((name) => `${group.sharedFolder}${name}`)
          .sort();
        expect(group.copies.map((c) => c.original).sort()).toEqual(originals);
      });
    } else {
      it(`../shared/${group.sharedFolder} is absent beside the repository: the copies in ${group.folder} stand alone`, () => {
        expect(existsSync(fileURLToPath(sharedDir))).toBe(false);
        for (const copy of group.copies) {
          expect(existsSync(fileURLToPath(new URL(copy.path, REPO))), copy.path).toBe(true);
        }
      });
    }
  });
}

describe('fixtures/offers-us-2019.json, the recorded offers response', () => {
  it('is the 274-offer collection of GET /offers?country=US the simulator serves', () => {
    const body = parse('offers-us-2019.json', read(REPO, 'fixtures/offers-us-2019.json')) as {
      totalCount: number;
      items: { id: string; country: string }[];
    };
    expect(body.totalCount).toBe(274);
    expect(body.items).toHaveLength(274);
    expect(new Set(body.items.map((o) => o.country))).toEqual(new Set(['US']));
  });
});
