import * as z from 'zod/mini';

/**
 * Field rules for what a content script may send about a migration. The background trusts nothing
 * that crosses the message boundary: ids keep to the characters Partner Center uses, text is bounded,
 * counts are whole. (Records read back from our own store are checked more loosely in types.ts.)
 */

const GUID_LOWER = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** Partner Center and Entra ids are GUIDs; accept their characters in either case, lower-cased on use. */
const OBJECT_ID = /^[0-9A-Za-z][0-9A-Za-z-]{0,63}$/;

/** The customer's tenant id, lower case, as the route parser and the existing store messages give it. */
export const TenantId = z.string().check(z.regex(new RegExp(`^${GUID_LOWER}$`)));

/** A subscription or user id. */
export const ObjectId = z.string().check(z.regex(OBJECT_ID));

/** `${tenantId}:${subscriptionId}`, lower case. */
export const MigrationId = z.string().check(z.regex(new RegExp(`^${GUID_LOWER}:[0-9a-z][0-9a-z-]{0,63}$`)));

/** Offer ids: GUIDs, catalog placeholders (`PLACEHOLDER:slug`) and legacy ids such as `MS-AZR-0145P`. */
export const OfferId = z.string().check(z.regex(/^[0-9A-Za-z][0-9A-Za-z:._-]{0,199}$/));

/** Order ids are opaque tokens, not always GUIDs. */
export const OrderId = z.string().check(z.regex(/^[0-9A-Za-z][0-9A-Za-z._:-]{0,199}$/));

export const PlanKey = z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/), z.maxLength(100));

/** A date as the portal announces it, written YYYY-MM-DD. */
export const IsoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

export const Name = z.string().check(z.minLength(1), z.maxLength(500));
/** Display names may be empty in Entra ID; shown as the UPN then. */
export const OptionalName = z.string().check(z.maxLength(500));
/** Reasons and error messages: enough for a portal error text, not a page dump. */
export const Note = z.string().check(z.minLength(1), z.maxLength(2000));
/** Partner Center error code or HTTP status, as text. */
export const Code = z.string().check(z.regex(/^[0-9A-Za-z._-]{1,40}$/));

export const Quantity = z.number().check(z.int(), z.minimum(0), z.maximum(1_000_000));
export const PositiveQuantity = z.number().check(z.int(), z.minimum(1), z.maximum(1_000_000));
