import * as z from 'zod/mini';
import type { MatchableCatalog } from './match';

/**
 * The slice of the catalog the script every portal page loads needs: which offers retire (ids,
 * names, aliases), to tell whether a customer holds one. The rest (replacement plans, offers to buy,
 * the guides' steps) ships only with the scripts that recommend and migrate, which load the full
 * catalog (index.ts) and check it in full. The build cuts this slice out of each data file
 * (scripts/retired-offers.mjs); it is checked here again, and against the full catalog by catalog.test.ts.
 */

const Offer = z.object({
  offerId: z.string(),
  name: z.object({ en: z.string(), ko: z.string() }),
  aliases: z.array(z.string()),
});
const Slice = z.object({ id: z.string(), retiredOffers: z.array(Offer) });

export interface IndexRetirement {
  id: string;
  retiredOffers: z.infer<typeof Offer>[];
}

const slices = import.meta.glob<unknown>('./data/*.json', { eager: true, query: '?retired-offers', import: 'default' });

function build(): MatchableCatalog<IndexRetirement> {
  const retirements: IndexRetirement[] = [];
  for (const slice of Object.values(slices)) {
    const parsed = Slice.safeParse(slice);
    // A data file the full catalog would refuse is refused here too (catalog.test.ts checks both agree).
    if (parsed.success) retirements.push(parsed.data);
  }
  return { retirements };
}

/** Built once; matching caches its index per catalog object (match.ts). */
export const retiredIndex: MatchableCatalog<IndexRetirement> = build();
