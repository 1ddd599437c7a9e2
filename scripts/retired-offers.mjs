import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Imports of a catalog data file with this query get only what matching needs (lib/catalog/retired-index.ts). */
const QUERY = '?retired-offers';
const PREFIX = '\0pcma-retired-offers:';

/**
 * A Vite plugin: `import x from './data/a.json?retired-offers'` gives `{ id, retiredOffers: [{ offerId,
 * name, aliases }] }` of that data file, so the script every portal page loads carries the retired
 * offers' ids and names but none of the catalog's plans, offers to buy or steps. Used by the build
 * (wxt.config.ts) and by the unit tests (vitest.config.ts), which check the slice against the full catalog.
 */
export function retiredOffers() {
  return {
    name: 'pcma-retired-offers',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!source.endsWith(QUERY)) return null;
      const file = source.slice(0, -QUERY.length);
      // The id must not end in .json, or Vite's own JSON plugin would parse what load() returns.
      return `${PREFIX}${importer ? resolve(dirname(importer), file) : resolve(file)}.js`;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const data = JSON.parse(readFileSync(id.slice(PREFIX.length, -'.js'.length), 'utf8'));
      const slice = {
        id: data.id,
        retiredOffers: (Array.isArray(data.retiredOffers) ? data.retiredOffers : []).map((o) => ({
          offerId: o.offerId,
          name: o.name,
          aliases: o.aliases ?? [],
        })),
      };
      return `export default ${JSON.stringify(slice)};`;
    },
  };
}
