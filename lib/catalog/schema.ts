import * as z from 'zod/mini';
import { isGuid } from './guid';

/**
 * The retirement catalog's shape. Every retirement Microsoft announces is one data file of this
 * shape (lib/catalog/data/*.json); a catalog supplied later as JSON is checked against it too.
 * zod/mini keeps the content script small (full zod adds ~70 kB to every script that imports it).
 */

/** An identifier Microsoft has not published. Never equal to a real GUID, so it can never match by id. */
const PLACEHOLDER = /^PLACEHOLDER:[a-z0-9-]+$/;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const text = z.string().check(z.trim(), z.minLength(1, 'must not be empty'));
const slug = z.string().check(z.regex(SLUG, 'must be a lower-case slug such as "kaizala-pro"'));
const date = z.string().check(z.regex(DATE, 'must be a date written YYYY-MM-DD'));

export const Identifier = z
  .string()
  .check(z.refine((s) => isGuid(s) || PLACEHOLDER.test(s), 'must be a GUID or "PLACEHOLDER:<slug>"'));

export const Localized = z.object({ en: text, ko: text });

/** Who an offer is priced for. Faculty and Students are education audiences. */
export const Audience = z.enum(['commercial', 'faculty', 'student', 'government']);

export const RetiredOffer = z.object({
  key: slug,
  /** The offer's name as Microsoft's guide spells it, in English and in the Korean guide. */
  name: Localized,
  /** Other spellings seen for the same offer (either language). */
  aliases: z._default(z.array(text), []),
  offerId: Identifier,
  /** The license SKU (offer.product.id) the offer grants; pooled with other offers of that SKU. */
  skuId: Identifier,
  /** The workload this offer serves; replacements serving the same workload rank first. */
  workload: slug,
  audience: Audience,
  /** How the offer was sold, e.g. "standalone", "crmol-basic", "from-sa", "add-on". */
  channel: slug,
});

export const PurchasableOffer = z.object({
  offerId: Identifier,
  /** The offer's name as the Add subscription catalog lists it (may be an older product name). */
  name: text,
  audience: Audience,
  minQuantity: z.number().check(z.int(), z.minimum(1)),
  maxQuantity: z.number().check(z.int(), z.minimum(1)),
  /** Volume-tiered offers: the seat band this offer is sold for. */
  seatBand: z.optional(
    z.object({
      min: z.number().check(z.int(), z.minimum(1)),
      max: z.optional(z.number().check(z.int(), z.minimum(1))),
    }),
  ),
});

export const ReplacementPlan = z.object({
  key: slug,
  name: Localized,
  family: z.enum(['business', 'frontline', 'enterprise', 'education', 'dynamics']),
  /** Retired workloads this plan is the like-for-like replacement of. */
  servesWorkloads: z.array(slug),
  /** License SKU ids of the plan (faculty and student editions can differ). */
  skuIds: z.array(Identifier).check(z.minLength(1)),
  skuPartNumbers: z.array(text),
  offers: z.array(PurchasableOffer).check(z.minLength(1, 'needs at least one purchasable offer')),
});

/** The three steps of every migration, in order: A buy, B reassign, C suspend. The one list of step ids. */
export const STEP_IDS = ['purchase', 'reassign', 'suspend'] as const;

export const Step = z.object({
  id: z.enum(STEP_IDS),
  title: Localized,
  /** The guide's manual instructions, shown as the fallback when the assistant cannot act. */
  instructions: z.object({
    en: z.array(text).check(z.minLength(1)),
    ko: z.array(text).check(z.minLength(1)),
  }),
});

export const Retirement = z
  .object({
    id: slug,
    title: Localized,
    source: z.object({ guide: text, published: date }),
    endOfSale: date,
    autoRenewOff: date,
    deprovisionAfterDays: z.number().check(z.int(), z.positive()),
    /** The Partner Center role the guide names for the migration, or null where it names none. */
    role: z.nullable(Localized),
    /** Service plans the retired offers grant (how a license is recognised when its SKU id is unknown). */
    retiredServicePlans: z.array(text),
    /** A user holding a product with a service plan starting with one of these already has the service. */
    coveringServicePlanPrefixes: z.array(text),
    retiredOffers: z.array(RetiredOffer).check(z.minLength(1, 'needs at least one retired offer')),
    replacements: z.array(ReplacementPlan).check(z.minLength(1, 'needs at least one replacement plan')),
    steps: z.array(Step),
  })
  .check(
    z.superRefine((r, ctx) => {
      const ids = r.steps.map((s) => s.id).join(',');
      if (ids !== STEP_IDS.join(',')) {
        ctx.addIssue({ code: 'custom', path: ['steps'], message: `must be ${STEP_IDS.join(', ')} in that order` });
      }
      const seen = new Set<string>();
      r.retiredOffers.forEach((o, i) => {
        if (seen.has(o.key))
          ctx.addIssue({ code: 'custom', path: ['retiredOffers', i, 'key'], message: `duplicate key "${o.key}"` });
        seen.add(o.key);
      });
      r.replacements.forEach((p, i) => {
        if (seen.has(p.key))
          ctx.addIssue({ code: 'custom', path: ['replacements', i, 'key'], message: `duplicate key "${p.key}"` });
        seen.add(p.key);
        p.offers.forEach((o, j) => {
          if (o.minQuantity > o.maxQuantity) {
            ctx.addIssue({
              code: 'custom',
              path: ['replacements', i, 'offers', j, 'minQuantity'],
              message: 'is above maxQuantity',
            });
          }
        });
      });
    }),
  );

export const Catalog = z.object({
  retirements: z.array(Retirement),
});

export type Localized = z.infer<typeof Localized>;
export type Audience = z.infer<typeof Audience>;
export type RetiredOffer = z.infer<typeof RetiredOffer>;
export type PurchasableOffer = z.infer<typeof PurchasableOffer>;
export type ReplacementPlan = z.infer<typeof ReplacementPlan>;
export type Step = z.infer<typeof Step>;
export type StepId = (typeof STEP_IDS)[number];
export type Retirement = z.infer<typeof Retirement>;
export type Catalog = z.infer<typeof Catalog>;

export const isPlaceholder = (id: string): boolean => PLACEHOLDER.test(id);
export { isGuid };
